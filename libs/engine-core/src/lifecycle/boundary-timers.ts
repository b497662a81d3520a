import type { FlowNode } from '#bpmn';
import type { BehaviourServices } from '../behaviours/behaviour-services.js';
import { Failure } from '../failure.js';
import { timerDueDate } from '../processing/timer-due-date.js';
import type { ElementInstanceRecord } from '../state/records.js';

/**
 * Creates the timers of an activity's timer boundary events, evaluated in the activity's scope
 * after its input mappings (Zeebe subscribes to boundary events there). A timer the activity
 * already has (its activation is run again after an incident) is kept, not doubled.
 */
export function createBoundaryTimers(services: BehaviourServices, instance: ElementInstanceRecord, node: FlowNode): Failure | undefined {
  if (!node.boundaryEventIds) return undefined;
  const existing = services.state.activeTimersOf(instance.elementInstanceKey);
  const due: Array<{ elementId: string; dueDate: string }> = [];
  for (const boundaryId of node.boundaryEventIds) {
    const boundary = services.model.elements[boundaryId];
    if (boundary?.type !== 'bpmn:BoundaryEvent' || boundary.trigger.kind !== 'timer' || existing.some((timer) => timer.elementId === boundaryId)) continue;
    const dueDate = timerDueDate(boundary.trigger.timer, services.variables.visible(instance.elementInstanceKey), services.evaluator, services.now);
    if (dueDate instanceof Failure) return new Failure(dueDate.errorType, `Failed to evaluate the timer of boundary event '${boundaryId}': ${dueDate.message}`);
    due.push({ elementId: boundaryId, dueDate });
  }
  for (const timer of due) services.createTimer(instance.elementInstanceKey, timer.elementId, timer.dueDate);
  return undefined;
}

/** Cancels the active timers an element instance owns (its boundary events', or its own as a timer catch event). */
export function cancelTimers(services: Pick<BehaviourServices, 'state' | 'emit'>, instance: ElementInstanceRecord): void {
  for (const timer of services.state.activeTimersOf(instance.elementInstanceKey)) {
    services.emit({ type: 'TIMER_CANCELED', timerKey: timer.timerKey, elementInstanceKey: instance.elementInstanceKey });
  }
}
