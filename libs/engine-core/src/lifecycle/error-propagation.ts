import type { ThrowOutcome } from '../behaviours/behaviour-services.js';
import { Failure } from '../failure.js';
import { findErrorCatch, unhandledErrorMessage } from '../processing/error-catch.js';
import { cloneJson } from '../processing/variable-paths.js';
import type { ElementInstanceRecord } from '../state/records.js';
import type { LifecycleOperations } from './lifecycle-operations.js';

/**
 * Throws a BPMN error at an element: the nearest catching boundary event (error-catch.ts)
 * terminates its activity and continues with the error's variables. Not caught in a called
 * instance: ERROR_ESCALATED_TO_PARENT (the executor throws it at the parent's call activity).
 * Not caught at all: the Failure to raise, nothing emitted.
 */
export function throwError(
  lifecycle: Pick<LifecycleOperations, 'state' | 'model' | 'emit' | 'triggerBoundaryEvent'>,
  thrower: ElementInstanceRecord,
  errorCode: string,
  errorMessage: string | null,
  variables: Record<string, unknown>,
): ThrowOutcome {
  const { state } = lifecycle;
  const found = findErrorCatch(state, lifecycle.model, thrower, errorCode);
  if ('boundary' in found) {
    lifecycle.emit({
      type: 'ERROR_CAUGHT',
      elementInstanceKey: thrower.elementInstanceKey,
      errorCode,
      errorMessage,
      boundaryElementId: found.boundary.id,
      hostElementInstanceKey: found.host.elementInstanceKey,
    });
    lifecycle.triggerBoundaryEvent(found.boundary, found.host, variables);
    return 'caught';
  }
  const instance = state.instance!;
  if (instance.parentProcessInstanceKey && instance.parentElementInstanceKey) {
    lifecycle.emit({
      type: 'ERROR_ESCALATED_TO_PARENT',
      parentProcessInstanceKey: instance.parentProcessInstanceKey,
      parentElementInstanceKey: instance.parentElementInstanceKey,
      elementInstanceKey: thrower.elementInstanceKey,
      elementId: thrower.elementId,
      errorCode,
      errorMessage,
      variables: cloneJson(variables),
    });
    return 'escalated';
  }
  return new Failure('UNHANDLED_ERROR_EVENT', unhandledErrorMessage(errorCode, errorMessage, found.availableCodes));
}

/**
 * A BPMN error thrown at an element by its job's worker (`retry` 'JOB'), or by the child of a
 * call activity (`retry` 'CALL'). Not caught: an incident UNHANDLED_ERROR_EVENT holds the
 * element, and resolving it offers the job again or calls the process again.
 */
export function throwErrorFrom(
  lifecycle: LifecycleOperations,
  thrower: ElementInstanceRecord,
  error: { errorCode: string; errorMessage: string | null; variables: Record<string, unknown> },
  retry: 'JOB' | 'CALL',
  jobKey: string | null,
): void {
  const thrown = lifecycle.throwError(thrower, error.errorCode, error.errorMessage, error.variables);
  if (thrown instanceof Failure) lifecycle.raiseIncident(thrower, thrown, retry, jobKey);
}
