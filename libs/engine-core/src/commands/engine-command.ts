import { statusOf, type ErrorCodeWithStatus } from '#errors';
import type { UserTaskChanges } from '../events/engine-event.js';
import type { ErrorOrigin, UserTaskCorrections } from '../state/records.js';

/**
 * What can be asked of a process instance. Authorization (who may) is decided before a command
 * reaches the core; the core decides whether the instance's state allows it.
 */
/** Camunda 8.8's `adHocSubProcess` job result: the elements to activate, or that the subprocess is done. */
export interface AdHocJobResult {
  activateElements: Array<{ elementId: string; variables: Record<string, unknown> }>;
  isCompletionConditionFulfilled: boolean;
  isCancelRemainingInstances: boolean;
}

export type EngineCommand =
  | {
      type: 'CREATE_PROCESS_INSTANCE';
      variables: Record<string, unknown>;
      businessId: string | null;
      startedBy: string;
      /** A start event directly in the process: the none start event (default) or a message start event. */
      startElementId?: string;
      /** The key to give the instance (a child takes the key its call activity chose); default: the next key. */
      processInstanceKey?: string;
      /** For a child instance: the calling instance and its call activity's element instance. */
      parentProcessInstanceKey?: string;
      parentElementInstanceKey?: string;
    }
  /** `byParent`: the executor cancels a child because its call activity ended; others may only cancel root instances. */
  | { type: 'CANCEL_PROCESS_INSTANCE'; byParent?: boolean }
  /**
   * `adHocResult`: for the job of an ad-hoc subprocess with the job worker implementation, what its worker decided (Camunda's `adHocSubProcess` job result);
   * `result`: what a user task listener's job decided (Camunda's job result `userTask`: denial, corrections).
   */
  | { type: 'COMPLETE_JOB'; jobKey: string; variables: Record<string, unknown>; adHocResult?: AdHocJobResult; result?: TaskListenerResult }
  /** `retryBackOffMs` null: the model's `retryBackoff` task header decides (ISO-8601 duration), else 0. */
  | { type: 'FAIL_JOB'; jobKey: string; retries: number; errorMessage: string | null; retryBackOffMs: number | null; variables: Record<string, unknown> }
  | { type: 'THROW_ERROR'; jobKey: string; errorCode: string; errorMessage: string | null; variables: Record<string, unknown> }
  | { type: 'UPDATE_JOB_RETRIES'; jobKey: string; retries: number }
  /** The job's deadline passed while a worker had it (sent by the deadline sweeper). */
  | { type: 'TIME_OUT_JOB'; jobKey: string }
  /**
   * `completedBy` becomes the assignee first when the task is unassigned; a task assigned to
   * someone else is refused (USER_TASK.ASSIGNED_TO_OTHER).
   */
  | { type: 'COMPLETE_USER_TASK'; userTaskKey: string; variables: Record<string, unknown>; completedBy: string }
  /**
   * `allowOverride: false` (a claim, a release by the assignee): refused with USER_TASK.ALREADY_ASSIGNED
   * when the task is assigned to someone other than `assignee` and `assignedBy` — decided under the
   * instance's lock, so of two colleagues claiming at once exactly one wins.
   */
  | { type: 'ASSIGN_USER_TASK'; userTaskKey: string; assignee: string | null; allowOverride?: boolean; assignedBy?: string }
  | { type: 'UPDATE_USER_TASK'; userTaskKey: string; changes: UserTaskChanges }
  | { type: 'RESOLVE_INCIDENT'; incidentKey: string }
  | { type: 'SET_VARIABLES'; elementInstanceKey: string; variables: Record<string, unknown>; local: boolean }
  /**
   * Activates inner elements of an active ad-hoc subprocess, each in a new inner instance with its
   * variables (`POST /v2/element-instances/ad-hoc-activities/{key}/activation`); with
   * `cancelRemainingInstances`, the inner instances active until now are terminated first.
   */
  | { type: 'ACTIVATE_AD_HOC_ELEMENTS'; elementInstanceKey: string; elements: Array<{ elementId: string; variables: Record<string, unknown> }>; cancelRemainingInstances: boolean }
  /** A timer is due (sent by the scheduler); refused before its due date (TIMER.NOT_DUE) or once it is not active. */
  | { type: 'TRIGGER_TIMER'; timerKey: string }
  /**
   * The child of a call activity completed (sent by the executor to the parent) with its root
   * variables. `childProcessInstanceKey`, when given, must be the child the call activity waits for.
   */
  | { type: 'COMPLETE_CALL_ACTIVITY'; elementInstanceKey: string; childProcessInstanceKey?: string; variables: Record<string, unknown> }
  /** The process a call activity asked for is not deployed (sent by the executor): incident CALLED_ELEMENT_ERROR. */
  | { type: 'CALLED_ELEMENT_NOT_FOUND'; elementInstanceKey: string; childProcessInstanceKey?: string; message: string }
  /** A BPMN error no catch event in the child caught, thrown again at its call activity (sent by the executor). */
  | {
      type: 'THROW_ERROR_AT';
      elementInstanceKey: string;
      childProcessInstanceKey?: string;
      errorCode: string;
      errorMessage: string | null;
      variables: Record<string, unknown>;
      /** Where the error was first thrown; absent in commands written before it was recorded (then the incident lands here). */
      origin?: ErrorOrigin;
    }
  /** No calling instance caught an error this instance threw (sent by the executor): the incident is raised at its thrower. */
  | { type: 'RAISE_UNCAUGHT_ERROR'; elementInstanceKey: string; errorCode: string; incidentMessage: string; retry: 'JOB' | 'ACTIVATE'; jobKey: string | null }
  /** An escalation no catch event in a called child caught, thrown again at its call activity (sent by the executor). */
  | { type: 'THROW_ESCALATION_AT'; elementInstanceKey: string; childProcessInstanceKey?: string; escalationCode: string; variables: Record<string, unknown> }
  /**
   * A published or correlated message reaches this instance: the oldest open message subscription
   * with its name and correlation key triggers (at most once per instance and message).
   */
  | { type: 'CORRELATE_MESSAGE'; messageKey: string; messageName: string; correlationKey: string; variables: Record<string, unknown> }
  /** A broadcast signal reaches this instance: every open subscription for its name triggers, oldest first. */
  | { type: 'TRIGGER_SIGNAL'; signalKey: string; signalName: string; variables: Record<string, unknown> };

export type EngineCommandType = EngineCommand['type'];

/**
 * Why a command is refused, with the final code the API answers (the catalogue in libs/errors
 * gives its status, and `kind` follows from it): `NOT_FOUND` for a 404 code, `INVALID_STATE`
 * for a 409 one, `INVALID_ARGUMENT` for a 400 one (a command the model cannot accept).
 */
export type Rejection =
  | { kind: 'NOT_FOUND'; code: ErrorCodeWithStatus<404>; message: string; details?: Record<string, unknown> }
  | { kind: 'INVALID_ARGUMENT'; code: ErrorCodeWithStatus<400>; message: string; details?: Record<string, unknown> }
  | {
      kind: 'INVALID_STATE';
      code: ErrorCodeWithStatus<409>;
      message: string;
      /** Facts the caller may act on, e.g. who has the task (`{ assignee }`); the API adds them to the problem. */
      details?: Record<string, unknown>;
    };

/** The codes a command may be rejected with: those of the catalogue answered 400, 404 or 409. */
export type RejectionCode = ErrorCodeWithStatus<400 | 404 | 409>;

const KIND_BY_STATUS = { 400: 'INVALID_ARGUMENT', 404: 'NOT_FOUND', 409: 'INVALID_STATE' } as const;

/** A rejection with `code`; its kind follows from the code's status in the catalogue. */
export function rejection(code: RejectionCode, message: string, details?: Record<string, unknown>): Rejection {
  const kind = KIND_BY_STATUS[statusOf(code) as keyof typeof KIND_BY_STATUS];
  return (details ? { kind, code, message, details } : { kind, code, message }) as Rejection;
}

/**
 * A user task listener's result: deny the transition (with a reason), or correct the task. In
 * `corrections`, an absent key keeps the value and null clears it (the assignee, a date).
 */
export interface TaskListenerResult {
  denied: boolean;
  deniedReason: string | null;
  corrections: UserTaskCorrections;
}
