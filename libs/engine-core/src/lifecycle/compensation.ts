import type { BoundaryEventNode, FlowNode } from '#bpmn';
import type { EngineEvent } from '../events/engine-event.js';
import type { VariableBehaviour } from '../processing/variable-behaviour.js';
import { cloneJson } from '../processing/variable-paths.js';
import { EVENT_SUB_PROCESS, MULTI_INSTANCE_BODY, type CompensationRecord, type ElementInstanceRecord } from '../state/records.js';
import { triggerCatch, type TriggerLifecycle } from './catch-trigger.js';

/** What compensation needs of the lifecycle. */
export interface CompensationLifecycle extends TriggerLifecycle {
  readonly variables: VariableBehaviour;
  nextKey(): string;
  retryActivation(instance: ElementInstanceRecord): void;
  completeWaiting(elementInstanceKey: string, result: Record<string, unknown> | undefined): void;
  emit(event: EngineEvent): void;
}

/**
 * Compensation (Camunda 8: docs.camunda.io, "Compensation events"; BPMN 2.0.2 where Camunda is
 * silent). An activity instance that can be compensated leaves a record when it completes
 * (`COMPENSATION_SUBSCRIBED`, see `CompensationRecord`); a compensation throw or end event chooses
 * the records of its scope — of `activityRef`, or all — latest completed first, a completed
 * embedded subprocess or multi-instance body standing for the records inside it (inner first, in
 * reverse order of completion); the handlers of the chosen records start together, in that order,
 * once the instance rests, in the throw event's scope, each with the variables of the instance it
 * compensates; the throw event waits until every one of its handlers completed. A cancel end event
 * compensates its transaction this way, then the transaction is terminated and its cancel boundary
 * event taken.
 */

/** A completed element instance: records it when it can be compensated, and notes a compensation handler that completed. */
export function onElementCompleted(lifecycle: CompensationLifecycle, instance: ElementInstanceRecord): void {
  const { state } = lifecycle;
  const handled = state.compensationRecords('COMPENSATING').find((record) => record.handlerElementInstanceKey === instance.elementInstanceKey);
  if (handled) {
    lifecycle.emit({
      type: 'COMPENSATION_HANDLER_COMPLETED',
      compensationKey: handled.compensationKey,
      elementId: handled.elementId,
      handlerElementId: handled.handlerElementId!,
      handlerElementInstanceKey: instance.elementInstanceKey,
      throwElementInstanceKey: handled.throwElementInstanceKey!,
      ordinal: handled.ordinal!,
    });
    return;
  }
  if (instance.elementType === 'bpmn:Process' || instance.flowScopeKey === null) return;
  const node = lifecycle.model.elements[instance.elementId];
  if (!node || node.isForCompensation) return;
  const holdsRecords = state.compensationRecords('READY').some((record) => record.flowScopeKey === instance.elementInstanceKey);
  const recorded = recordKind(instance, node, holdsRecords);
  if (!recorded) return;
  const variables = Object.fromEntries([...state.variablesOf(instance.elementInstanceKey)].map(([name, variable]) => [name, cloneJson(variable.value)]));
  lifecycle.emit({
    type: 'COMPENSATION_SUBSCRIBED',
    compensation: {
      compensationKey: lifecycle.nextKey(),
      elementInstanceKey: instance.elementInstanceKey,
      elementId: instance.elementId,
      flowScopeKey: instance.flowScopeKey,
      kind: recorded.kind,
      handlerElementId: recorded.handlerElementId,
      variables,
      state: 'READY',
      throwElementInstanceKey: null,
      handlerElementInstanceKey: null,
      ordinal: null,
    },
  });
}

/**
 * What kind of record a completed instance leaves: a handler record for an activity with a
 * compensation boundary event (an inner instance of a multi-instance activity too, not its body)
 * or an embedded subprocess with a compensation event subprocess; a container record for an
 * embedded subprocess or multi-instance body holding records; none otherwise.
 */
function recordKind(instance: ElementInstanceRecord, node: FlowNode, holdsRecords: boolean): Pick<CompensationRecord, 'kind' | 'handlerElementId'> | undefined {
  if (instance.elementType === MULTI_INSTANCE_BODY) return holdsRecords ? { kind: 'container', handlerElementId: null } : undefined;
  if (node.compensationHandlerId) return { kind: 'handler', handlerElementId: node.compensationHandlerId };
  if (instance.elementType !== 'bpmn:SubProcess' || node.type !== 'bpmn:SubProcess') return undefined;
  if (node.compensationEventSubProcessId) return { kind: 'handler', handlerElementId: node.compensationEventSubProcessId };
  return holdsRecords ? { kind: 'container', handlerElementId: null } : undefined;
}

/**
 * A compensation throw or end event (or a cancel end event) chooses what it compensates: the
 * READY records of its scope (`activityRef`: of that activity only). Inside a compensation event
 * subprocess that compensates a subprocess, its scope is that subprocess; inside another event
 * subprocess, the scope around it. Returns how many handlers will run for it.
 */
export function triggerCompensation(lifecycle: CompensationLifecycle, thrower: ElementInstanceRecord, activityRef: string | undefined): number {
  const { state } = lifecycle;
  const scope = state.element(thrower.flowScopeKey!)!;
  let scopeKey = scope.elementInstanceKey;
  if (scope.elementType === EVENT_SUB_PROCESS) {
    const compensated = state.compensationRecords('COMPENSATING').find((record) => record.handlerElementInstanceKey === scope.elementInstanceKey);
    scopeKey = compensated ? compensated.elementInstanceKey : scope.flowScopeKey!;
  }
  const ready = state.compensationRecords('READY');
  const inScope = (key: string) => ready.filter((record) => record.flowScopeKey === key).reverse();
  const chosen = inScope(scopeKey).filter((record) => activityRef === undefined || record.elementId === activityRef);
  let ordinal = 0;
  const choose = (record: CompensationRecord): void => {
    const base = { type: 'COMPENSATION_TRIGGERED', compensationKey: record.compensationKey, elementInstanceKey: record.elementInstanceKey, elementId: record.elementId, throwElementInstanceKey: thrower.elementInstanceKey } as const;
    if (record.kind === 'handler') {
      ordinal += 1;
      lifecycle.emit({ ...base, handlerElementId: record.handlerElementId, ordinal });
      return;
    }
    lifecycle.emit({ ...base, handlerElementId: null, ordinal: null });
    for (const inner of inScope(record.elementInstanceKey)) choose(inner);
  };
  for (const record of chosen) choose(record);
  return ordinal;
}

/**
 * Starts the handlers of the records chosen in this command, once the instance rests: each in
 * its throw event's scope, in the order chosen, with the variables of the instance it compensates
 * (and of the completed subprocesses around that instance) as its local variables. True if one started.
 */
export function startCompensationHandlers(lifecycle: CompensationLifecycle): boolean {
  const { state } = lifecycle;
  const pending = state
    .compensationRecords('TRIGGERED')
    .filter((record) => state.element(record.throwElementInstanceKey!)?.lifecycle === 'ACTIVATED')
    .sort((a, b) => (a.throwElementInstanceKey === b.throwElementInstanceKey ? a.ordinal! - b.ordinal! : 0));
  for (const record of pending) activateHandler(lifecycle, record);
  return pending.length > 0;
}

function activateHandler(lifecycle: CompensationLifecycle, record: CompensationRecord): void {
  const { state } = lifecycle;
  const thrower = state.element(record.throwElementInstanceKey!)!;
  const node = lifecycle.node(record.handlerElementId!);
  const elementInstanceKey = lifecycle.nextKey();
  const elementType = node.multiInstance ? MULTI_INSTANCE_BODY : node.type === 'bpmn:SubProcess' && node.triggeredByEvent ? EVENT_SUB_PROCESS : node.type;
  lifecycle.emit({ type: 'ELEMENT_ACTIVATING', elementInstanceKey, elementId: node.id, elementType, elementName: node.name ?? null, flowScopeKey: thrower.flowScopeKey });
  lifecycle.emit({
    type: 'COMPENSATION_HANDLER_ACTIVATED',
    compensationKey: record.compensationKey,
    elementId: record.elementId,
    handlerElementId: node.id,
    handlerElementInstanceKey: elementInstanceKey,
    throwElementInstanceKey: thrower.elementInstanceKey,
    ordinal: record.ordinal!,
  });
  lifecycle.variables.setLocalDocument(elementInstanceKey, compensatedVariables(lifecycle, record));
  const instance = state.element(elementInstanceKey);
  if (instance) lifecycle.retryActivation(instance);
}

/** The variables of a compensated instance, with those of the completed containers around it (inner ones win). */
function compensatedVariables(lifecycle: CompensationLifecycle, record: CompensationRecord): Record<string, unknown> {
  const containers = new Map([...lifecycle.state.compensations.values()].filter((c) => c.kind === 'container').map((c) => [c.elementInstanceKey, c]));
  const layers: Array<Record<string, unknown>> = [record.variables];
  for (let container = containers.get(record.flowScopeKey); container; container = containers.get(container.flowScopeKey)) layers.unshift(container.variables);
  return Object.assign({}, ...layers) as Record<string, unknown>;
}

/**
 * Ends the compensation throw and end events (and cancel end events) whose handlers all
 * completed: a throw event continues, an end event ends, a cancel end event cancels its
 * transaction. True if one did.
 */
export function settleCompensationThrows(lifecycle: CompensationLifecycle): boolean {
  const { state, model } = lifecycle;
  for (const element of state.elements.values()) {
    if (element.lifecycle !== 'ACTIVATED') continue;
    const node = model.elements[element.elementId];
    const waits = (node?.type === 'bpmn:IntermediateThrowEvent' || node?.type === 'bpmn:EndEvent') && node.compensate !== undefined;
    const cancels = node?.type === 'bpmn:EndEvent' && node.cancel === true;
    if (!waits && !cancels) continue;
    const outstanding = [...state.compensations.values()].some(
      (record) => record.throwElementInstanceKey === element.elementInstanceKey && (record.state === 'TRIGGERED' || record.state === 'COMPENSATING'),
    );
    if (outstanding) continue;
    if (cancels) cancelTransaction(lifecycle, element);
    else lifecycle.completeWaiting(element.elementInstanceKey, undefined);
    return true;
  }
  return false;
}

/** A cancel end event's compensation completed: its transaction is terminated and the flow continues at the transaction's cancel boundary event. */
function cancelTransaction(lifecycle: CompensationLifecycle, cancelEnd: ElementInstanceRecord): void {
  const transaction = lifecycle.state.element(cancelEnd.flowScopeKey!)!;
  const transactionNode = lifecycle.node(transaction.elementId);
  const boundaryId = transactionNode.type === 'bpmn:SubProcess' ? transactionNode.cancelBoundaryId : undefined;
  const boundary = boundaryId === undefined ? undefined : lifecycle.node(boundaryId);
  if (boundary?.type !== 'bpmn:BoundaryEvent') throw new Error(`Transaction '${transaction.elementId}' has no cancel boundary event (the compensation rule requires one)`);
  lifecycle.emit({ type: 'TRANSACTION_CANCELED', elementInstanceKey: transaction.elementInstanceKey, elementId: transaction.elementId, cancelElementInstanceKey: cancelEnd.elementInstanceKey, boundaryElementId: boundary.id });
  triggerCatch(lifecycle, transaction, { node: boundary as BoundaryEventNode, interrupting: true }, {});
}
