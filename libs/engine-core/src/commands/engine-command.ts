import type { UserTaskChanges } from '../events/engine-event.js';

/**
 * What can be asked of a process instance. Authorization (who may) is decided before a command
 * reaches the core; the core decides whether the instance's state allows it.
 */
export type EngineCommand =
  | { type: 'CREATE_PROCESS_INSTANCE'; variables: Record<string, unknown>; businessId: string | null; startedBy: string }
  | { type: 'CANCEL_PROCESS_INSTANCE' }
  | { type: 'COMPLETE_JOB'; jobKey: string; variables: Record<string, unknown> }
  /** `retryBackOffMs` null: the model's `retryBackoff` task header decides (ISO-8601 duration), else 0. */
  | { type: 'FAIL_JOB'; jobKey: string; retries: number; errorMessage: string | null; retryBackOffMs: number | null; variables: Record<string, unknown> }
  | { type: 'THROW_ERROR'; jobKey: string; errorCode: string; errorMessage: string | null; variables: Record<string, unknown> }
  | { type: 'UPDATE_JOB_RETRIES'; jobKey: string; retries: number }
  /** The job's deadline passed while a worker had it (sent by the deadline sweeper). */
  | { type: 'TIME_OUT_JOB'; jobKey: string }
  /** `completedBy` becomes the assignee first when the task is unassigned. */
  | { type: 'COMPLETE_USER_TASK'; userTaskKey: string; variables: Record<string, unknown>; completedBy: string }
  | { type: 'ASSIGN_USER_TASK'; userTaskKey: string; assignee: string | null }
  | { type: 'UPDATE_USER_TASK'; userTaskKey: string; changes: UserTaskChanges }
  | { type: 'RESOLVE_INCIDENT'; incidentKey: string }
  | { type: 'SET_VARIABLES'; elementInstanceKey: string; variables: Record<string, unknown>; local: boolean };

export type EngineCommandType = EngineCommand['type'];

/** Why the state does not allow a command; the API maps `kind` to 404 / 409. */
export interface Rejection {
  kind: 'NOT_FOUND' | 'INVALID_STATE';
  code: string;
  message: string;
}

export function rejection(kind: Rejection['kind'], code: string, message: string): Rejection {
  return { kind, code, message };
}
