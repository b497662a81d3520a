import type { FlowNode } from '#bpmn';
import type { ElementContext } from '../behaviours/element-behaviour.js';
import type { EngineEvent } from '../events/engine-event.js';
import type { InstanceState } from '../state/instance-state.js';
import { externalState, type ElementInstanceRecord } from '../state/records.js';
import { closeCatchPoints } from './event-triggers.js';
import { behaviourOf } from './element-kinds.js';
import { terminateInnerInstances } from './multi-instance-counts.js';

/** What termination needs of the lifecycle. */
interface TerminationLifecycle {
  readonly state: InstanceState;
  emit(event: EngineEvent): void;
  node(elementId: string): FlowNode;
  contextOf(instance: ElementInstanceRecord, node: FlowNode): ElementContext;
}

/**
 * Terminates an element instance and everything inside it: children first, waiting join tokens
 * discarded, timers canceled and subscriptions closed, the behaviour's own work undone (jobs, user tasks, a called child),
 * incidents resolved. An element that ended or is terminating already is left alone.
 */
export function terminate(lifecycle: TerminationLifecycle, elementInstanceKey: string): void {
  const { state } = lifecycle;
  const instance = state.element(elementInstanceKey);
  if (!instance || externalState(instance.lifecycle) !== 'ACTIVE' || instance.lifecycle === 'TERMINATING') return;
  lifecycle.emit({ type: 'ELEMENT_TERMINATING', elementInstanceKey, elementId: instance.elementId });
  const children = state.childrenOf(elementInstanceKey).map((child) => child.elementInstanceKey);
  terminateInnerInstances(lifecycle, elementInstanceKey, children, (key) => terminate(lifecycle, key));
  if (state.hasJoinState(elementInstanceKey)) lifecycle.emit({ type: 'JOIN_TOKENS_DISCARDED', flowScopeKey: elementInstanceKey });
  closeCatchPoints(lifecycle, instance);
  if (instance.elementType !== 'bpmn:Process') {
    const node = lifecycle.node(instance.elementId);
    behaviourOf(instance, node).onTerminate?.(lifecycle.contextOf(instance, node));
  }
  // An execution listener's job the element waited for (its behaviour may have no job of its own).
  const listenerJob = state.jobOf(elementInstanceKey);
  if (listenerJob?.kind === 'EXECUTION_LISTENER') lifecycle.emit({ type: 'JOB_CANCELED', jobKey: listenerJob.jobKey, elementInstanceKey });
  for (const incident of state.activeIncidentsOf(elementInstanceKey)) {
    lifecycle.emit({ type: 'INCIDENT_RESOLVED', incidentKey: incident.incidentKey, elementInstanceKey });
  }
  lifecycle.emit({ type: 'ELEMENT_TERMINATED', elementInstanceKey, elementId: instance.elementId });
}

/** Terminates the other active elements in an element's scope and the tokens waiting at its joins (terminate end event). */
export function terminateSiblings(lifecycle: TerminationLifecycle, instance: ElementInstanceRecord): void {
  const flowScopeKey = instance.flowScopeKey!;
  for (const sibling of lifecycle.state.childrenOf(flowScopeKey)) {
    if (sibling.elementInstanceKey !== instance.elementInstanceKey) terminate(lifecycle, sibling.elementInstanceKey);
  }
  if (lifecycle.state.hasJoinState(flowScopeKey)) lifecycle.emit({ type: 'JOIN_TOKENS_DISCARDED', flowScopeKey });
}
