import type { ExecutableProcess, FlowNode } from '#bpmn';
import type { EngineEvent } from '../events/engine-event.js';
import type { InstanceState } from '../state/instance-state.js';
import type { ElementInstanceRecord } from '../state/records.js';
import type { CatchPoint } from './event-triggers.js';

/** What triggering needs of the lifecycle. */
export interface TriggerLifecycle {
  readonly state: InstanceState;
  readonly model: ExecutableProcess;
  emit(event: EngineEvent): void;
  node(elementId: string): FlowNode;
  terminate(elementInstanceKey: string): void;
  closeCatchPoints(owner: ElementInstanceRecord): void;
  activate(node: FlowNode, flowScopeKey: string, consumedFlowIds: string[] | undefined, trigger?: Record<string, unknown>): void;
  startCompletion(elementInstanceKey: string, flowIds: string[] | undefined, result: Record<string, unknown> | undefined, trigger?: Record<string, unknown>): void;
  discardScopeTokens(flowScopeKey: string): void;
}

/**
 * A catch point of `owner` triggered (its timer fired, its message or signal arrived, its
 * condition turned true, or it caught an error or escalation) with the trigger's variables:
 * - a boundary event: interrupting, its activity is terminated and the event continues in the
 *   activity's scope; non-interrupting, the event continues beside the activity;
 * - the start event of an event subprocess (owner: the scope): interrupting, everything else in
 *   the scope is terminated and its other catch points closed first; then the event subprocess
 *   starts in the scope with the trigger's variables;
 * - an intermediate catch event or receive task waiting itself: it completes with the variables
 *   (its output mappings, or propagation);
 * - a catch event after an event-based gateway (owner: the gateway): the gateway closes its other
 *   catch points and completes into that event, which completes at once with the variables.
 */
export function triggerCatch(lifecycle: TriggerLifecycle, owner: ElementInstanceRecord, point: Pick<CatchPoint, 'node' | 'interrupting'>, variables: Record<string, unknown>): void {
  const { node } = point;
  switch (node.type) {
    case 'bpmn:BoundaryEvent': {
      const flowScopeKey = owner.flowScopeKey!;
      if (point.interrupting) lifecycle.terminate(owner.elementInstanceKey);
      lifecycle.activate(node, flowScopeKey, undefined, variables);
      return;
    }
    case 'bpmn:StartEvent': {
      const eventSubProcess = lifecycle.node(node.parentId!);
      if (point.interrupting) {
        lifecycle.closeCatchPoints(owner);
        for (const child of lifecycle.state.childrenOf(owner.elementInstanceKey)) lifecycle.terminate(child.elementInstanceKey);
        lifecycle.discardScopeTokens(owner.elementInstanceKey);
      }
      lifecycle.activate(eventSubProcess, owner.elementInstanceKey, undefined, variables);
      return;
    }
    default: {
      if (owner.elementId === node.id) {
        lifecycle.startCompletion(owner.elementInstanceKey, undefined, variables);
        return;
      }
      // After an event-based gateway: the gateway completes into the event that happened first.
      const gateway = lifecycle.node(owner.elementId);
      const flowId = gateway.outgoing.find((id) => lifecycle.model.flows[id]?.targetId === node.id);
      // Completing the gateway closes its other catch points.
      lifecycle.startCompletion(owner.elementInstanceKey, flowId ? [flowId] : [], undefined, variables);
    }
  }
}
