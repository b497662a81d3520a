import type { IntermediateCatchEventNode } from '#bpmn';
import { Failure } from '../failure.js';
import { timerDueDate } from '../processing/timer-due-date.js';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * An intermediate timer catch event schedules its timer (due after its duration, or at its date,
 * evaluated now in the event's scope) and waits; TRIGGER_TIMER completes it (Camunda 8:
 * docs.camunda.io/docs/components/modeler/bpmn/timer-events/#intermediate-timer-catch-events).
 * Terminating it cancels the timer (the lifecycle cancels every timer an element owns).
 */
export const intermediateCatchEventBehaviour: ElementBehaviour<IntermediateCatchEventNode> = {
  onActivate: (context) => {
    const { services, instance, node } = context;
    if (node.trigger.kind !== 'timer') return new Failure('UNKNOWN', `Expected '${node.id}' to be a timer catch event`);
    const dueDate = timerDueDate(node.trigger.timer, context.variables(), services.evaluator, services.now);
    if (dueDate instanceof Failure) return dueDate;
    services.createTimer(instance.elementInstanceKey, node.id, dueDate);
    return 'wait';
  },
};
