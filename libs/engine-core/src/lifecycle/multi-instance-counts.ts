import type { EngineEvent } from '../events/engine-event.js';
import type { InstanceState } from '../state/instance-state.js';
import { MULTI_INSTANCE_BODY, type MultiInstanceCounts } from '../state/records.js';

/** What counting needs of the lifecycle. */
interface CountingLifecycle {
  readonly state: InstanceState;
  emit(event: EngineEvent): void;
}

const NO_COUNTS: MultiInstanceCounts = { numberOfInstances: 0, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 };

/** A multi-instance body's counters (zeros before its first MULTI_INSTANCE_UPDATED). */
export function countsOf(state: InstanceState, bodyKey: string): MultiInstanceCounts {
  return state.element(bodyKey)?.multiInstance ?? NO_COUNTS;
}

/**
 * Zeebe's `numberOfActiveInstances`: the inner instances created and not yet ended, i.e.
 * `numberOfInstances - numberOfCompletedInstances - numberOfTerminatedInstances` (a parallel
 * body's instances count as created from its activation on, as Zeebe activates them in one batch).
 */
export function activeInstances(counts: MultiInstanceCounts): number {
  return counts.numberOfInstances - counts.numberOfCompletedInstances - counts.numberOfTerminatedInstances;
}

/**
 * Terminates inner instances of a multi-instance body (`terminateOne` for each of `innerKeys`)
 * and counts the ones that did end TERMINATED in `numberOfTerminatedInstances`, with one
 * MULTI_INSTANCE_UPDATED for them all: a completion condition that ended the others, an
 * interrupting boundary event of the body, an interrupted scope, a cancellation. Zeebe counts
 * each inner instance its body saw terminated the same way (ElementInstance
 * `numberOfTerminatedElementInstances`).
 */
export function terminateInnerInstances(lifecycle: CountingLifecycle, bodyKey: string, innerKeys: readonly string[], terminateOne: (key: string) => void): void {
  const body = lifecycle.state.element(bodyKey);
  if (body?.elementType !== MULTI_INSTANCE_BODY) {
    innerKeys.forEach(terminateOne);
    return;
  }
  let terminated = 0;
  for (const key of innerKeys) {
    const before = lifecycle.state.element(key)?.lifecycle;
    terminateOne(key);
    if (before !== 'TERMINATED' && lifecycle.state.element(key)?.lifecycle === 'TERMINATED') terminated += 1;
  }
  if (terminated === 0) return;
  const counts = countsOf(lifecycle.state, bodyKey);
  lifecycle.emit({ type: 'MULTI_INSTANCE_UPDATED', elementInstanceKey: bodyKey, counts: { ...counts, numberOfTerminatedInstances: counts.numberOfTerminatedInstances + terminated } });
}
