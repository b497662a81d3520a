import type { ThrowOutcome } from '../behaviours/behaviour-services.js';
import { Failure } from '../failure.js';
import { cloneJson } from '../processing/variable-paths.js';
import type { ElementInstanceRecord, ErrorOrigin } from '../state/records.js';
import { findCatch, unhandledErrorMessage } from './catch-search.js';
import { triggerCatch, type TriggerLifecycle } from './catch-trigger.js';
import type { LifecycleOperations } from './lifecycle-operations.js';

/**
 * Throws a BPMN error at an element: the nearest catch event (catch-search.ts: boundary events,
 * then error event subprocesses, scope by scope) takes it with the error's variables. Not caught
 * in a called instance: ERROR_ESCALATED_TO_PARENT (the executor throws it at the parent's call
 * activity), carrying where it was first thrown. Not caught in a root instance: the Failure to
 * raise here when it was thrown here; when it came from a called instance, ERROR_NOT_CAUGHT (the
 * executor has the incident raised where it was thrown, as Zeebe does).
 */
export function throwError(
  lifecycle: TriggerLifecycle,
  thrower: ElementInstanceRecord,
  error: { errorCode: string; errorMessage: string | null; variables: Record<string, unknown> },
  origin: ErrorOrigin,
): ThrowOutcome {
  const { state } = lifecycle;
  const { errorCode, errorMessage, variables } = error;
  const found = findCatch(state, lifecycle.model, thrower, { kind: 'error', code: errorCode });
  if ('catchNode' in found) {
    lifecycle.emit({
      type: 'ERROR_CAUGHT',
      elementInstanceKey: thrower.elementInstanceKey,
      errorCode,
      errorMessage,
      boundaryElementId: found.catchNode.id,
      hostElementInstanceKey: found.host.elementInstanceKey,
    });
    triggerCatch(lifecycle, found.host, { node: found.catchNode, interrupting: true }, variables);
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
      origin,
    });
    return 'escalated';
  }
  const incidentMessage = unhandledErrorMessage(errorCode, errorMessage, found.availableCodes);
  if (origin.processInstanceKey === instance.processInstanceKey) return new Failure('UNHANDLED_ERROR_EVENT', incidentMessage);
  lifecycle.emit({ type: 'ERROR_NOT_CAUGHT', origin, errorCode, errorMessage, incidentMessage });
  return 'escalated';
}

/** Where an error thrown by an element of this instance starts: its job, or its own activation (an error end event). */
export function errorOriginAt(thrower: ElementInstanceRecord, jobKey: string | null): ErrorOrigin {
  return { processInstanceKey: thrower.processInstanceKey, elementInstanceKey: thrower.elementInstanceKey, elementId: thrower.elementId, retry: jobKey ? 'JOB' : 'ACTIVATE', jobKey };
}

/**
 * A BPMN error thrown at an element by its job's worker (`retry` 'JOB'), or by the child of a
 * call activity (`retry` 'CALL', when the error's origin is unknown). Not caught anywhere: an
 * incident UNHANDLED_ERROR_EVENT holds the element, and resolving it offers the job again or
 * calls the process again.
 */
export function throwErrorFrom(
  lifecycle: LifecycleOperations,
  thrower: ElementInstanceRecord,
  error: { errorCode: string; errorMessage: string | null; variables: Record<string, unknown> },
  retry: 'JOB' | 'CALL',
  jobKey: string | null,
  origin: ErrorOrigin = errorOriginAt(thrower, jobKey),
): void {
  const thrown = lifecycle.throwError(thrower, error.errorCode, error.errorMessage, error.variables, origin);
  if (thrown instanceof Failure) lifecycle.raiseIncident(thrower, thrown, retry, jobKey);
}

/**
 * Throws an escalation at an element (an escalation throw or end event, or a call activity whose
 * child did not catch it): the nearest catch event takes it — an interrupting one terminates what
 * it is attached to (the thrower too, when inside), a non-interrupting one runs beside it. Not
 * caught in a called instance: ESCALATION_ESCALATED_TO_PARENT. Not caught at all: noted
 * (ESCALATION_NOT_CAUGHT) and the instance goes on, as in Camunda 8.
 */
export function throwEscalation(lifecycle: TriggerLifecycle, thrower: ElementInstanceRecord, escalationCode: string, variables: Record<string, unknown>): void {
  const found = findCatch(lifecycle.state, lifecycle.model, thrower, { kind: 'escalation', code: escalationCode });
  if ('catchNode' in found) {
    lifecycle.emit({
      type: 'ESCALATION_CAUGHT',
      elementInstanceKey: thrower.elementInstanceKey,
      escalationCode,
      catchElementId: found.catchNode.id,
      hostElementInstanceKey: found.host.elementInstanceKey,
      interrupting: found.interrupting,
    });
    triggerCatch(lifecycle, found.host, { node: found.catchNode, interrupting: found.interrupting }, variables);
    return;
  }
  const instance = lifecycle.state.instance!;
  if (instance.parentProcessInstanceKey && instance.parentElementInstanceKey) {
    lifecycle.emit({
      type: 'ESCALATION_ESCALATED_TO_PARENT',
      parentProcessInstanceKey: instance.parentProcessInstanceKey,
      parentElementInstanceKey: instance.parentElementInstanceKey,
      elementInstanceKey: thrower.elementInstanceKey,
      elementId: thrower.elementId,
      escalationCode,
      variables: cloneJson(variables),
    });
    return;
  }
  lifecycle.emit({ type: 'ESCALATION_NOT_CAUGHT', elementInstanceKey: thrower.elementInstanceKey, elementId: thrower.elementId, escalationCode });
}
