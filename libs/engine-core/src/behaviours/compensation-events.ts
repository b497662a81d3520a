import type { CompensationThrowDefinition } from '#bpmn';
import { completeAtOnce, type ActivationOutcome, type ElementContext } from './element-behaviour.js';

/**
 * A compensation throw or end event compensates its scope (`activityRef`: that activity only) and
 * waits while the handlers run; with nothing to compensate it goes on at once (Camunda 8).
 */
export function compensateFromEvent(context: ElementContext, definition: CompensationThrowDefinition): ActivationOutcome {
  const handlers = context.services.compensate(context.instance, definition.activityRef);
  return handlers === 0 ? completeAtOnce : 'wait';
}

/**
 * A cancel end event compensates its transaction and waits; once the handlers completed (at once
 * when there are none) the lifecycle terminates the transaction and takes its cancel boundary event.
 */
export function cancelTransaction(context: ElementContext): ActivationOutcome {
  context.services.compensate(context.instance, undefined);
  return 'wait';
}
