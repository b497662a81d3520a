import type { CallActivityNode } from '#bpmn';
import { Failure } from '../failure.js';
import { cloneJson } from '../processing/variable-paths.js';
import type { ElementInstanceRecord } from '../state/records.js';
import type { BehaviourServices } from './behaviour-services.js';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * A call activity asks for a child instance of the called process (CHILD_INSTANCE_REQUESTED; the
 * executor creates it in the same transaction) and waits until COMPLETE_CALL_ACTIVITY brings the
 * child's variables back (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/call-activities/).
 * Terminating it asks for the child to be canceled.
 */
export const callActivityBehaviour: ElementBehaviour<CallActivityNode> = {
  onActivate: (context) => requestChildInstance(context.services, context.instance, context.node) ?? 'wait',
  onTerminate: (context) => cancelChildInstance(context.services, context.instance),
};

/**
 * Asks for the child instance of a call activity: the called process id (evaluated now), the
 * variables (every visible one with propagateAllParentVariables, the default; else only the
 * call activity's local ones, its input mappings) and a new key for the child.
 */
export function requestChildInstance(services: BehaviourServices, instance: ElementInstanceRecord, node: CallActivityNode): Failure | undefined {
  const definition = node.calledElement;
  const visible = services.variables.visible(instance.elementInstanceKey);
  const processDefinitionId = services.evaluator.string(definition.processId, visible);
  if (processDefinitionId instanceof Failure) return processDefinitionId;
  if (processDefinitionId.trim() === '') return new Failure('EXTRACT_VALUE_ERROR', `Expected a non-empty process id to call from '${node.id}' but the expression gave an empty string`);
  const locals = Object.fromEntries([...services.state.variablesOf(instance.elementInstanceKey)].map(([name, variable]) => [name, variable.value]));
  services.emit({
    type: 'CHILD_INSTANCE_REQUESTED',
    elementInstanceKey: instance.elementInstanceKey,
    elementId: node.id,
    childProcessInstanceKey: services.nextKey(),
    processDefinitionId,
    bindingType: definition.bindingType,
    versionTag: definition.versionTag ?? null,
    variables: cloneJson(definition.propagateAllParentVariables ? visible : locals),
  });
  return undefined;
}

/** Asks for the child of a call activity to be canceled (unless it was never created: called element not found). */
export function cancelChildInstance(services: BehaviourServices, instance: ElementInstanceRecord): void {
  const childProcessInstanceKey = instance.calledProcessInstanceKey;
  if (!childProcessInstanceKey) return;
  if (services.state.activeIncidentsOf(instance.elementInstanceKey).some((incident) => incident.errorType === 'CALLED_ELEMENT_ERROR')) return;
  services.emit({ type: 'CHILD_INSTANCE_CANCEL_REQUESTED', elementInstanceKey: instance.elementInstanceKey, childProcessInstanceKey });
}

/**
 * What a completed child hands back to its call activity (Camunda 8): with
 * propagateAllChildVariables, the default, every root variable of the child; with output
 * mappings they are read by the mappings and only the results come back; without either, nothing.
 */
export function childResult(node: CallActivityNode, variables: Record<string, unknown>): Record<string, unknown> | undefined {
  const hasOutputs = (node.ioMapping?.outputs.length ?? 0) > 0;
  return node.calledElement.propagateAllChildVariables || hasOutputs ? variables : undefined;
}
