import type { EndEventNode } from '#bpmn';
import { Failure } from '../failure.js';
import { completeAtOnce, type ActivationOutcome, type ElementBehaviour, type ElementContext } from './element-behaviour.js';
import { cancelJob, createJob } from './job-worker.behaviour.js';
import { cancelTransaction, compensateFromEvent } from './compensation-events.js';
import { throwFromEvent } from './throw-events.js';

/**
 * None end events complete; terminate end events first terminate everything else in their
 * scope (which then completes); message end events with a job wait for it; error end events
 * throw their error in their scope; escalation and signal end events throw, then complete
 * (unless an interrupting catch event around them ended them); compensation end events compensate
 * and end once the handlers completed; cancel end events compensate their transaction, which then
 * ends at its cancel boundary event.
 */
export const endEventBehaviour: ElementBehaviour<EndEventNode> = {
  onActivate: (context) => {
    if (context.node.job) return createJob(context, context.node.job);
    if (context.node.compensate) return compensateFromEvent(context, context.node.compensate);
    if (context.node.cancel) return cancelTransaction(context);
    if (context.node.error) return throwError(context);
    if (context.node.throws) return throwFromEvent(context, context.node.throws) ?? completeAtOnce;
    if (context.node.terminate) context.services.terminateSiblings(context.instance);
    return completeAtOnce;
  },
  onTerminate: cancelJob,
};

/**
 * An error end event throws its error (code static or FEEL, evaluated now) at itself: the nearest
 * error boundary event around it catches it and terminates its scope, this event included
 * (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/error-events/). In a called instance
 * an error nothing catches goes to the parent's call activity, and the event waits (ACTIVATING) to
 * be canceled with its instance, or for the incident when no caller catches it either; in a root
 * instance it is an incident UNHANDLED_ERROR_EVENT on the event, whose resolution throws again.
 */
function throwError(context: ElementContext<EndEventNode>): ActivationOutcome | Failure {
  const { services, instance, node } = context;
  const errorCode = services.evaluator.string(node.error!.errorCode, context.variables());
  if (errorCode instanceof Failure) return errorCode;
  if (errorCode.trim() === '') return new Failure('EXTRACT_VALUE_ERROR', `Expected a non-empty error code for '${node.id}' but the expression gave an empty string`);
  const thrown = services.throwError(instance, errorCode, null, {});
  // Handed to the calling instances, it stays ACTIVATING: when none catches it, the incident is
  // raised here and resolving it throws again.
  return thrown instanceof Failure ? thrown : 'hold';
}
