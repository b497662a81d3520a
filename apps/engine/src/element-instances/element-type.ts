import type { ElementType } from '#engine-core';

/** Camunda's element instance types (ElementInstanceResult.type) that Baton produces. */
export const CAMUNDA_ELEMENT_TYPES = {
  'bpmn:Process': 'PROCESS',
  'bpmn:SubProcess': 'SUB_PROCESS',
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
  'bpmn:EventSubProcess': 'EVENT_SUB_PROCESS',
  'bpmn:MultiInstanceBody': 'MULTI_INSTANCE_BODY',
  // Camunda's enum has no complex gateway (Camunda 8 does not execute it): the API answers UNKNOWN.
  'bpmn:ComplexGateway': 'UNKNOWN',
  'bpmn:AdHocSubProcess': 'AD_HOC_SUB_PROCESS',
  'bpmn:AdHocSubProcessInnerInstance': 'AD_HOC_SUB_PROCESS_INNER_INSTANCE',
} as const satisfies Record<ElementType, string>;

/**
 * Every value of Camunda's `type` enum. Types Baton never executes (receive tasks, call
 * activities, ...) are accepted in filters and simply match nothing.
 */
export const CAMUNDA_TYPE_ENUM = [
  'UNSPECIFIED', 'PROCESS', 'SUB_PROCESS', 'EVENT_SUB_PROCESS', 'AD_HOC_SUB_PROCESS', 'AD_HOC_SUB_PROCESS_INNER_INSTANCE',
  'START_EVENT', 'INTERMEDIATE_CATCH_EVENT', 'INTERMEDIATE_THROW_EVENT', 'BOUNDARY_EVENT', 'END_EVENT', 'SERVICE_TASK',
  'RECEIVE_TASK', 'USER_TASK', 'MANUAL_TASK', 'TASK', 'EXCLUSIVE_GATEWAY', 'INCLUSIVE_GATEWAY', 'PARALLEL_GATEWAY',
  'EVENT_BASED_GATEWAY', 'SEQUENCE_FLOW', 'MULTI_INSTANCE_BODY', 'CALL_ACTIVITY', 'BUSINESS_RULE_TASK', 'SCRIPT_TASK',
  'SEND_TASK', 'UNKNOWN',
] as const;

export type CamundaElementType = (typeof CAMUNDA_TYPE_ENUM)[number];

/** Camunda's type of a stored (verbatim BPMN) element type; `UNKNOWN` for anything unmapped. */
export function camundaElementType(bpmnType: string): CamundaElementType {
  return (CAMUNDA_ELEMENT_TYPES as Record<string, CamundaElementType>)[bpmnType] ?? 'UNKNOWN';
}

/** The BPMN types stored for a Camunda type (none for types Baton does not execute). */
export function bpmnTypesOf(type: CamundaElementType): string[] {
  return Object.entries(CAMUNDA_ELEMENT_TYPES).filter(([, camunda]) => camunda === type).map(([bpmn]) => bpmn);
}

/** SQL that turns the stored type column into Camunda's enum, so `type` sorts by Camunda's names. */
export function camundaTypeSql(column: string): string {
  const cases = Object.entries(CAMUNDA_ELEMENT_TYPES).map(([bpmn, camunda]) => `WHEN '${bpmn}' THEN '${camunda}'`).join(' ');
  return `(CASE ${column} ${cases} ELSE 'UNKNOWN' END)`;
}
