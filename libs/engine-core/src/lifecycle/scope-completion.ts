import type { FlowNode } from '#bpmn';
import type { ElementContext } from '../behaviours/element-behaviour.js';
import { inclusiveJoinReady } from '../processing/joins.js';
import type { ElementInstanceRecord } from '../state/records.js';
import { behaviourOf } from './element-kinds.js';
import type { InstanceState } from '../state/instance-state.js';
import type { ExecutableProcess } from '#bpmn';

/** What the checks below need of the lifecycle. */
interface ScopeLifecycle {
  readonly state: InstanceState;
  readonly model: ExecutableProcess;
  activate(node: FlowNode, flowScopeKey: string, consumedFlowIds: string[] | undefined): void;
  startCompletion(elementInstanceKey: string, flowIds: string[] | undefined, result: Record<string, unknown> | undefined): void;
  discardScopeTokens(flowScopeKey: string): void;
  node(elementId: string): FlowNode;
  contextOf(instance: ElementInstanceRecord, node: FlowNode): ElementContext;
}

/** Whether a container's behaviour lets it complete with nothing active inside (an ad-hoc subprocess may wait for more). */
function mayComplete(lifecycle: ScopeLifecycle, scope: ElementInstanceRecord): boolean {
  const node = lifecycle.node(scope.elementId);
  return behaviourOf(scope, node).scopeMayComplete?.(lifecycle.contextOf(scope, node)) ?? true;
}

/**
 * Fires one inclusive join whose missing tokens can no longer arrive (nothing still active in
 * its scope can reach it); true if one fired. Checked once the instance rests.
 */
export function fireInclusiveJoin(lifecycle: ScopeLifecycle): boolean {
  const { state, model } = lifecycle;
  for (const flowScopeKey of state.scopesWithTokens()) {
    const scope = state.element(flowScopeKey);
    if (!scope || scope.lifecycle !== 'ACTIVATED') continue;
    const tokens = state.tokensIn(flowScopeKey);
    const waitingAt = new Set([...tokens.keys()].map((flowId) => model.flows[flowId]!.targetId));
    const live = [...state.childrenOf(flowScopeKey).map((child) => child.elementId), ...waitingAt];
    for (const joinId of waitingAt) {
      const join = model.elements[joinId]!;
      if (join.type !== 'bpmn:InclusiveGateway') continue;
      const others = live.filter((id) => id !== joinId);
      if (inclusiveJoinReady(model, join, tokens, others)) {
        lifecycle.activate(join, flowScopeKey, join.incoming.filter((flowId) => (tokens.get(flowId) ?? 0) > 0));
        return true;
      }
    }
  }
  return false;
}

/**
 * Completes the scopes among `candidates` (subprocesses, multi-instance bodies, the process) with
 * nothing left active inside and no token waiting at a join; true if one did. Each candidate is
 * removed from the set as it is checked.
 */
export function completeFinishedScopes(lifecycle: ScopeLifecycle, candidates: Set<string>): boolean {
  let completed = false;
  for (const flowScopeKey of [...candidates]) {
    candidates.delete(flowScopeKey);
    const scope = lifecycle.state.element(flowScopeKey);
    if (!scope || scope.lifecycle !== 'ACTIVATED') continue;
    if (lifecycle.state.childrenOf(flowScopeKey).length > 0 || lifecycle.state.tokensIn(flowScopeKey).size > 0) continue;
    if (scope.elementType !== 'bpmn:Process' && !mayComplete(lifecycle, scope)) continue;
    // A complex gateway still waiting for its reset does not hold its scope open; its marks go with the scope.
    if (lifecycle.state.hasJoinState(flowScopeKey)) lifecycle.discardScopeTokens(flowScopeKey);
    lifecycle.startCompletion(flowScopeKey, undefined, undefined);
    completed = true;
  }
  return completed;
}
