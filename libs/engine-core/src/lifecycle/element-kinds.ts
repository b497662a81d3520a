import type { FlowNode, IoMapping } from '#bpmn';
import { BEHAVIOURS } from '../behaviours/behaviours.js';
import { standardLoopBodyBehaviour } from '../behaviours/standard-loop-body.behaviour.js';
import type { ElementBehaviour } from '../behaviours/element-behaviour.js';
import type { InstanceState } from '../state/instance-state.js';
import { AD_HOC_SUB_PROCESS_INNER_INSTANCE, EVENT_SUB_PROCESS, MULTI_INSTANCE_BODY, type ElementInstanceRecord } from '../state/records.js';

/**
 * The behaviour of an element instance: its element type's, the multi-instance body's or the event
 * subprocess's. The body around a standard loop's iterations is a multi-instance body too (its
 * element instance type is MULTI_INSTANCE_BODY), with the loop's behaviour.
 */
export function behaviourOf(instance: ElementInstanceRecord, node: FlowNode): ElementBehaviour {
  if (instance.elementType === MULTI_INSTANCE_BODY && node.standardLoop && !node.multiInstance) return standardLoopBodyBehaviour;
  const type = instance.elementType === MULTI_INSTANCE_BODY || instance.elementType === EVENT_SUB_PROCESS || instance.elementType === AD_HOC_SUB_PROCESS_INNER_INSTANCE ? instance.elementType : node.type;
  return BEHAVIOURS[type];
}

/** The element's variable mappings, unless its behaviour has none (gateways, multi-instance bodies). */
export function mappingsOf(instance: ElementInstanceRecord, node: FlowNode): IoMapping | undefined {
  return behaviourOf(instance, node).variableMappings === false ? undefined : node.ioMapping;
}

/** True for an inner instance of a multi-instance activity (its flow scope is the body). */
export function isInner(state: InstanceState, instance: ElementInstanceRecord): boolean {
  return instance.flowScopeKey !== null && state.element(instance.flowScopeKey)?.elementType === MULTI_INSTANCE_BODY;
}
