import type { FlowNode } from '#bpmn';
import { LOOP_COUNTER } from '../behaviours/multi-instance-body.behaviour.js';
import { Failure } from '../failure.js';
import type { ValueEvaluator } from '../processing/value-evaluator.js';
import type { VariableBehaviour } from '../processing/variable-behaviour.js';
import type { InstanceState } from '../state/instance-state.js';
import type { ElementInstanceRecord } from '../state/records.js';
import { isInner, mappingsOf } from './element-kinds.js';

/** What the mappings need of the lifecycle. */
interface MappingServices {
  readonly state: InstanceState;
  readonly variables: VariableBehaviour;
  readonly evaluator: ValueEvaluator;
}

/**
 * Input mappings: evaluated in the flow scope (an inner multi-instance instance also sees its
 * input element and loop counter) and created as the element's local variables.
 */
export function applyInputMappings(services: MappingServices, instance: ElementInstanceRecord, node: FlowNode): Failure | undefined {
  const inputs = mappingsOf(instance, node)?.inputs ?? [];
  if (inputs.length === 0) return undefined;
  const locals = services.variables.evaluateInputs(inputs, instance.flowScopeKey!, services.evaluator, node.id, innerLoopVariables(services.state, instance, node));
  if (locals instanceof Failure) return locals;
  services.variables.setLocalDocument(instance.elementInstanceKey, locals);
  return undefined;
}

/**
 * Output mappings, or else propagation of the result document. With output mappings, the result
 * is first kept as local variables, so that a failed mapping can be retried after its incident
 * is resolved. Like Zeebe, an inner multi-instance instance merges its outputs from its own
 * scope, so a mapping can set its (local) output element variable.
 */
export function applyOutputMappings(services: MappingServices, instance: ElementInstanceRecord, node: FlowNode, result: Record<string, unknown> | undefined): Failure | undefined {
  const key = instance.elementInstanceKey;
  const outputs = mappingsOf(instance, node)?.outputs ?? [];
  if (outputs.length === 0) {
    if (result) services.variables.propagate(key, result);
    return undefined;
  }
  if (result) services.variables.setLocalDocument(key, result);
  const mergeScope = isInner(services.state, instance) ? key : instance.flowScopeKey!;
  const document = services.variables.evaluateOutputs(outputs, key, mergeScope, services.evaluator, node.id);
  if (document instanceof Failure) return document;
  services.variables.propagate(mergeScope, document);
  return undefined;
}

/** An inner instance's input element and loop counter (a compensation handler's locals), which its input mappings may read. */
function innerLoopVariables(state: InstanceState, instance: ElementInstanceRecord, node: FlowNode): Record<string, unknown> {
  // A compensation handler's locals are the variables of the instance it compensates (lifecycle/compensation.ts).
  if (node.isForCompensation && !node.multiInstance) return Object.fromEntries([...state.variablesOf(instance.elementInstanceKey)].map(([name, variable]) => [name, variable.value]));
  if ((!node.multiInstance && !node.standardLoop) || !isInner(state, instance)) return {};
  const locals = state.variablesOf(instance.elementInstanceKey);
  const names = [node.multiInstance?.inputElement, LOOP_COUNTER].filter((name): name is string => name !== undefined);
  return Object.fromEntries(names.filter((name) => locals.has(name)).map((name) => [name, locals.get(name)!.value]));
}
