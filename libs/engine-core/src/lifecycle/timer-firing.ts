import { nextCycleTimer } from '../processing/timer-due-date.js';
import { externalState, type ElementInstanceRecord, type TimerRecord } from '../state/records.js';
import { triggerCatch, type TriggerLifecycle } from './catch-trigger.js';
import { catchNode } from './event-triggers.js';

/** What firing a timer needs of the lifecycle. */
interface TimerLifecycle extends TriggerLifecycle {
  readonly now: string;
  createTimer(elementInstanceKey: string, elementId: string, dueDate: string, cycle?: TimerRecord['cycle']): void;
}

/**
 * A due timer fires: its catch point triggers (catch-trigger.ts). A non-interrupting timer with a
 * time cycle (a reminder on a boundary, an event subprocess started every hour) is created again
 * for its next occurrence while its owner is active and repetitions are left.
 */
export function fireTimer(lifecycle: TimerLifecycle, timer: TimerRecord, owner: ElementInstanceRecord): void {
  lifecycle.emit({ type: 'TIMER_TRIGGERED', timerKey: timer.timerKey, elementInstanceKey: timer.elementInstanceKey, elementId: timer.elementId });
  const node = catchNode(lifecycle.model, timer.elementId);
  if (!node) return;
  const interrupting = node.type === 'bpmn:BoundaryEvent' ? node.interrupting : node.type === 'bpmn:StartEvent' ? (node.interrupting ?? true) : true;
  triggerCatch(lifecycle, owner, { node, interrupting }, {});
  if (!timer.cycle || interrupting) return;
  const stillActive = lifecycle.state.element(owner.elementInstanceKey);
  if (!stillActive || externalState(stillActive.lifecycle) !== 'ACTIVE' || stillActive.lifecycle === 'TERMINATING') return;
  const next = nextCycleTimer(timer.cycle, timer.dueDate, lifecycle.now);
  if (next) lifecycle.createTimer(owner.elementInstanceKey, timer.elementId, next.dueDate, next.cycle);
}
