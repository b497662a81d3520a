import type { ExecutableProcess } from '#bpmn';
import type { EngineEvent } from '../events/engine-event.js';
import type { ValueEvaluator } from '../processing/value-evaluator.js';
import type { VariableBehaviour } from '../processing/variable-behaviour.js';
import type { InstanceState } from '../state/instance-state.js';
import type { ElementInstanceRecord, SubscriptionRecord } from '../state/records.js';
import { catchNode } from './event-triggers.js';

/** A variable a command created or updated. */
export interface VariableChange {
  scopeKey: string;
  name: string;
  kind: 'create' | 'update';
}

/** What the watcher needs of the lifecycle. */
interface ConditionLifecycle {
  readonly state: InstanceState;
  readonly model: ExecutableProcess;
  readonly evaluator: ValueEvaluator;
  readonly variables: VariableBehaviour;
  emit(event: EngineEvent): void;
  triggerSubscription(subscription: SubscriptionRecord, owner: ElementInstanceRecord, variables: Record<string, unknown>): void;
}

/**
 * Conditional events (Camunda 8.9): a condition is evaluated when its subscription opens and
 * again whenever a variable visible from its owner is created or updated (narrowed by the event's
 * variable filter: names, and create/update), and its catch event triggers when the condition
 * turns true. A condition that does not evaluate to `true` (false, null, or an evaluation that
 * fails) does not hold. The watcher collects the changes of one command and evaluates once the
 * instance rests; what a trigger changes is evaluated in the next round.
 */
export class ConditionWatcher {
  private changes: VariableChange[] = [];
  private readonly fresh = new Set<string>();

  /** A conditional subscription opened: evaluate it in the next round whatever changed. */
  watch(subscriptionKey: string): void {
    this.fresh.add(subscriptionKey);
  }

  /** A variable was created or updated. */
  changed(change: VariableChange): void {
    this.changes.push(change);
  }

  /** Evaluates the conditions the changes concern; true if one triggered. */
  evaluate(lifecycle: ConditionLifecycle): boolean {
    if (this.changes.length === 0 && this.fresh.size === 0) return false;
    const changes = this.changes;
    const fresh = new Set(this.fresh);
    this.changes = [];
    this.fresh.clear();
    let triggered = false;
    for (const subscription of lifecycle.state.openSubscriptions()) {
      if (subscription.kind !== 'conditional') continue;
      const current = lifecycle.state.subscriptions.get(subscription.subscriptionKey);
      if (current?.state !== 'OPEN') continue; // closed by an earlier trigger of this round
      const owner = lifecycle.state.element(subscription.elementInstanceKey);
      const node = catchNode(lifecycle.model, subscription.elementId);
      if (!owner || node?.trigger?.kind !== 'conditional') continue;
      if (!fresh.has(subscription.subscriptionKey) && !concerns(lifecycle.state, owner, node.trigger, changes)) continue;
      const variables = lifecycle.variables.visible(owner.elementInstanceKey);
      const met = lifecycle.evaluator.holds(node.trigger.condition, variables);
      if (met === (subscription.conditionMet ?? false)) continue;
      lifecycle.emit({ type: 'CONDITION_EVALUATED', subscriptionKey: subscription.subscriptionKey, elementInstanceKey: owner.elementInstanceKey, conditionMet: met });
      if (!met) continue;
      lifecycle.emit({ type: 'CONDITION_TRIGGERED', subscriptionKey: subscription.subscriptionKey, elementInstanceKey: owner.elementInstanceKey, elementId: subscription.elementId });
      lifecycle.triggerSubscription(subscription, owner, {});
      triggered = true;
    }
    return triggered;
  }
}

/** Whether a change is visible from the owner (in its scope or above) and passes the event's filter. */
function concerns(state: InstanceState, owner: ElementInstanceRecord, trigger: { variableNames?: string[]; variableEvents?: Array<'create' | 'update'> }, changes: VariableChange[]): boolean {
  const chain = new Set<string>();
  for (let key: string | null = owner.elementInstanceKey; key; key = state.element(key)?.flowScopeKey ?? null) chain.add(key);
  return changes.some(
    (change) =>
      chain.has(change.scopeKey) &&
      (!trigger.variableNames?.length || trigger.variableNames.includes(change.name)) &&
      (!trigger.variableEvents?.length || trigger.variableEvents.includes(change.kind)),
  );
}
