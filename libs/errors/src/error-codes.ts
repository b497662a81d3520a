/**
 * Every error code Baton answers with (the `code` member of a problem+json body) or that the
 * engine core returns as a rejection, with its HTTP status and what it means. This catalogue is
 * the one list: `ErrorCode` is its keys, the error classes and the core's `rejection()` accept
 * only those, and the status table of docs/errors.md is generated from it (`npm run docs:errors`).
 *
 * A code is `AREA.REASON`, stable once published: clients may rely on it. The status is
 * Camunda's for the same situation wherever Camunda has one.
 */
export const ERROR_CODES = {
  // --- 400 INVALID_ARGUMENT ------------------------------------------------------------------
  'REQUEST.INVALID_BODY': { status: 400, description: 'The body does not match the endpoint\'s schema; with `violations: [{property, message}]`.' },
  'REQUEST.MALFORMED': { status: 400, description: 'The body is not JSON (or another request the framework could not read).' },
  'REQUEST.TOO_DEEP': { status: 400, description: 'A JSON body nested deeper than 64 levels; with `depth`, `maxDepth`.' },
  'REQUEST.INVALID_KEY': { status: 400, description: 'A key in the path is not a positive 64-bit integer as a numeric string.' },
  'RESPONSE.TOO_LARGE': {
    status: 400,
    description:
      'The answer would be larger than `BATON_MAX_RESPONSE_BYTES`; with `responseBytes`, `maxResponseBytes`, and for a variable search `itemsThatFit`, for job activation the `jobKey` not activated, for awaitCompletion the `processInstanceKey` that ran.',
  },
  'SEARCH.UNKNOWN_FILTER': { status: 400, description: 'A search filter names a field the resource cannot be filtered by.' },
  'SEARCH.UNKNOWN_OPERATOR': { status: 400, description: 'A search filter uses an operator the field does not support.' },
  'SEARCH.UNKNOWN_SORT_FIELD': { status: 400, description: 'A search sorts by a field the resource cannot be sorted by.' },
  'SEARCH.INVALID_FILTER_VALUE': { status: 400, description: 'A search filter value has the wrong type or is not one of the allowed values.' },
  'SEARCH.INVALID_PAGE': { status: 400, description: 'A search page names more than one of `from`, `after` and `before`.' },
  'SEARCH.INVALID_CURSOR': { status: 400, description: 'A page cursor (`after`, `before`) that this search did not return (cursors hold only with the same sort).' },
  'DEPLOYMENT.MALFORMED_RESOURCE': { status: 400, description: 'A resource is not well-formed XML or JSON, or is XML with a DTD (`<!DOCTYPE`, entity declarations are refused); with `problems`.' },
  'DEPLOYMENT.INVALID_RESOURCE': { status: 400, description: 'A resource is well-formed but cannot be deployed (Camunda answers 400 too); with `problems` and `warnings`.' },
  'AD_HOC_SUB_PROCESS.INVALID_JOB_RESULT': { status: 400, description: 'The job result of an ad-hoc subprocess both activates elements and fulfils its completion condition, or fulfils it without canceling the inner instances still active (Baton does not wait for them).' },
  'AD_HOC_SUB_PROCESS.ELEMENT_NOT_ACTIVATABLE': { status: 400, description: 'Activating elements of an ad-hoc subprocess: an element id is not an inner element of it without incoming flows.' },
  'DEPLOYMENT.NO_RESOURCES': { status: 400, description: 'A deployment without any file in parts named `resources`.' },
  'DEPLOYMENT.NOT_MULTIPART': { status: 400, description: 'A deployment without a multipart/form-data body.' },
  'DEPLOYMENT.UNKNOWN_PART': { status: 400, description: 'A deployment with file parts not named `resources`.' },
  'DEPLOYMENT.UNSUPPORTED_RESOURCE_TYPE': { status: 400, description: 'A file that is not `*.bpmn`, `*.bpmn20.xml` or `*.form`.' },
  'DEPLOYMENT.UNKNOWN_TENANT': { status: 400, description: 'A deployment for a tenant other than `<default>`.' },
  'DEPLOYMENT.DUPLICATE_ID': { status: 400, description: 'A process id or form id defined twice in one deployment; with `problems`.' },
  'PROCESS_INSTANCE.DEFINITION_REQUIRED': { status: 400, description: 'A start names neither or both of `processDefinitionId` and `processDefinitionKey`.' },
  'PROCESS_INSTANCE.INVALID_VERSION': { status: 400, description: 'A start names version 0 (versions start at 1; -1 means the latest).' },
  'PROCESS_INSTANCE.VERSION_WITH_KEY': { status: 400, description: 'A start names a version together with a definition key.' },
  'PROCESS_INSTANCE.UNKNOWN_TENANT': { status: 400, description: 'A start for a tenant other than `<default>`.' },
  'PROCESS_INSTANCE.NO_NONE_START_EVENT': { status: 400, description: 'A start of a process that has no none start event (it starts by message only); also the engine core\'s answer to such a start.' },
  'MESSAGE.UNKNOWN_TENANT': { status: 400, description: 'A message for a tenant other than `<default>`.' },
  'SIGNAL.UNKNOWN_TENANT': { status: 400, description: 'A signal broadcast for a tenant other than `<default>`.' },
  'VARIABLE.TOO_DEEP': { status: 400, description: 'A variable nested deeper than `BATON_MAX_VARIABLE_DEPTH`; with `variable`, `depth`, `maxDepth`.' },
  'API_TOKEN.EXPIRY_IN_PAST': { status: 400, description: 'An API token whose `expiresAt` is not in the future.' },
  'PASSWORD.TOO_SHORT': { status: 400, description: 'A new password shorter than `BATON_PASSWORD_MIN_LENGTH` characters; with `minLength`.' },
  'PASSWORD.CURRENT_MISMATCH': { status: 400, description: 'Changing one\'s own password with a wrong current password (throttled like sign-in).' },
  'PASSWORD.UNCHANGED': { status: 400, description: 'Changing one\'s own password to the one it is already.' },
  'API_CLIENT.EXPIRY_IN_PAST': { status: 400, description: 'An API client whose `expiresAt` is not in the future.' },
  'API_CLIENT.INVALID_CLIENT_ID': { status: 400, description: 'An API client without `clientId` whose name gives no client id of at least 3 letters or digits.' },
  'AUTH.OIDC_STATE_MISMATCH': { status: 400, description: 'An OpenID Connect callback whose `state` is missing, unknown, used already or older than 10 minutes (security.md, "External sign-in").' },
  'STATISTICS.INVALID_PERIOD': { status: 400, description: 'A duration period whose `to` is not after its `from`.' },

  // --- 401 UNAUTHORIZED ----------------------------------------------------------------------
  'AUTH.UNAUTHENTICATED': { status: 401, description: 'No or wrong credentials; with `WWW-Authenticate: Bearer realm="baton"`, never a Basic challenge (security.md, "Principals").' },
  'AUTH.OIDC_PROVIDER_ERROR': { status: 401, description: 'The OpenID Connect provider answered the sign-in with an error (`error`, `error_description` in the detail), e.g. the user denied access.' },
  'AUTH.OIDC_CALLBACK_FAILED': { status: 401, description: 'An OpenID Connect sign-in failed after the provider\'s callback: code exchange, ID token check (issuer, audience, nonce, signature) or a missing username claim; the detail says which.' },

  'JOB.LISTENER_VARIABLES': { status: 400, description: 'Completion of a user task listener\'s job with variables (Camunda does not allow them: use corrections).' },
  'JOB.DENIAL_NOT_ALLOWED': { status: 400, description: 'A task listener denied a creating or canceling transition, which cannot be denied.' },
  'JOB.RESULT_NOT_APPLICABLE': { status: 400, description: 'A job `result` that does not fit the job: `userTask` for a job that is not a user task listener\'s, `adHocSubProcess` for one that is not an ad-hoc subprocess\'s.' },
  // --- 403 FORBIDDEN -------------------------------------------------------------------------
  'AUTH.FORBIDDEN': { status: 403, description: 'The caller\'s roles do not allow the call.' },
  'REQUEST.CROSS_ORIGIN': { status: 403, description: 'A state-changing request from a web page of another origin (security.md, "Cross-site requests").' },
  'USER_TASK.ASSIGN_FORBIDDEN': { status: 403, description: 'Only admins may assign tasks to others; everyone else claims for themselves.' },
  'USER_TASK.UNASSIGN_FORBIDDEN': { status: 403, description: 'Only the assignee or an admin may release a task.' },
  'USER_TASK.UPDATE_FORBIDDEN': { status: 403, description: 'Only the assignee or an admin may change a task\'s dates, priority or candidates.' },
  'CLOCK.CONTROL_DISABLED': { status: 403, description: 'Clock control (`PUT /v2/clock`) is off: the engine runs without `BATON_CLOCK_CONTROL=true`.' },

  // --- 404 NOT_FOUND -------------------------------------------------------------------------
  'REQUEST.UNKNOWN_ROUTE': { status: 404, description: 'No endpoint has this path.' },
  'PROCESS_DEFINITION.NOT_FOUND': { status: 404, description: 'No process definition with that key, or no version of that process id is deployed.' },
  'FORM.NOT_FOUND': { status: 404, description: 'No form with that key, or the form a task or start event links to is not deployed.' },
  'USER.NOT_FOUND': { status: 404, description: 'No user with that name (in the path, the user to assign, or the user an API token is to act as).' },
  'GROUP.NOT_FOUND': { status: 404, description: 'No group with that id.' },
  'GROUP.MEMBER_NOT_FOUND': { status: 404, description: 'Removing a user from a group they are not a member of (Camunda answers 404).' },
  'ROLE.NOT_FOUND': { status: 404, description: 'No role with that id.' },
  'ROLE.ASSIGNMENT_NOT_FOUND': { status: 404, description: 'Unassigning a role from a user or group that does not have it directly (Camunda answers 404).' },
  'API_TOKEN.NOT_FOUND': { status: 404, description: 'No API token with that key.' },
  'API_CLIENT.NOT_FOUND': { status: 404, description: 'No API client with that key.' },
  'AUTH.OIDC_NOT_CONFIGURED': { status: 404, description: 'OpenID Connect sign-in was asked for, but it is not configured (`BATON_OIDC_*`).' },
  'PROCESS_INSTANCE.NOT_FOUND': { status: 404, description: 'No process instance with that key.' },
  'PROCESS_INSTANCE.ENDED': { status: 404, description: 'Cancellation of an instance that already completed or was terminated (Camunda answers 404 there); the detail says which.' },
  'ELEMENT_INSTANCE.NOT_FOUND': { status: 404, description: 'No (active) element instance with that key.' },
  'AD_HOC_SUB_PROCESS.NOT_FOUND': { status: 404, description: 'Activating elements of an ad-hoc subprocess: the key is not that of an active ad-hoc subprocess instance (Camunda answers 404).' },
  'VARIABLE.NOT_FOUND': { status: 404, description: 'No variable with that key.' },
  'INCIDENT.NOT_FOUND': { status: 404, description: 'No incident with that key.' },
  'USER_TASK.NOT_FOUND': { status: 404, description: 'No user task with that key, also for a task the caller may not see (so that its existence does not leak).' },
  'JOB.NOT_FOUND': { status: 404, description: 'No job with that key, also a job that ended or whose process instance ended (as Camunda answers).' },
  'TIMER.NOT_FOUND': { status: 404, description: 'Between instances only: no active timer with that key (the timer sweeper drops it).' },
  'MESSAGE.NO_SUBSCRIPTION': { status: 404, description: 'Correlation of a message nothing waits for (no open subscription with its name and correlation key, no message start event); between instances, a message the instance no longer waits for (it goes on to another instance of the process that does).' },
  'SIGNAL.NO_SUBSCRIPTION': { status: 404, description: 'A signal delivered to an instance that no longer waits for it (internal: the broadcast skips it).' },

  // --- 405 METHOD_NOT_ALLOWED ----------------------------------------------------------------
  'REQUEST.METHOD_NOT_ALLOWED': { status: 405, description: 'The path exists, but not with this method.' },

  // --- 409 CONFLICT --------------------------------------------------------------------------
  'PROCESS_INSTANCE.BUSINESS_ID_IN_USE': { status: 409, description: 'An active instance of the process has the business id already; with its `processInstanceKey`.' },
  'PROCESS_INSTANCE.IS_CALLED': { status: 409, description: 'Cancellation of an instance a call activity started: cancel it through its root instance.' },
  'PROCESS_INSTANCE.TERMINATED': { status: 409, description: 'awaitCompletion of an instance that was cancelled before it completed.' },
  'PROCESS_INSTANCE.NOT_ACTIVE': { status: 409, description: 'Between instances only: a command for an instance that has ended (the sender drops it).' },
  'PROCESS_INSTANCE.ALREADY_EXISTS': { status: 409, description: 'Between instances only: a child instance that was started already (the duplicate start is dropped).' },
  'PROCESS_INSTANCE.NOT_A_START_EVENT': { status: 409, description: 'Between instances only: a start at an element that is not a start event of the process.' },
  'ELEMENT_INSTANCE.NOT_ACTIVE': { status: 409, description: 'Variables set on an element instance that is no longer active.' },
  'ELEMENT_INSTANCE.ILLEGAL_TRANSITION': { status: 409, description: 'The command would move an element through an illegal lifecycle transition (a bug in Baton): nothing was changed.' },
  'USER_TASK.ALREADY_ASSIGNED': { status: 409, description: 'A claim of a task someone else holds; with the `assignee`.' },
  'USER_TASK.ASSIGNED_TO_OTHER': { status: 409, description: 'Completion of a task assigned to someone else; with the `assignee`.' },
  'USER_TASK.NOT_ACTIVE': { status: 409, description: 'A command on a task that is completed or canceled.' },
  'USER_TASK.ELEMENT_NOT_WAITING': { status: 409, description: 'Completion of a task whose element is not waiting for it (e.g. held by an incident).' },
  'USER_TASK.LISTENERS_RUNNING': { status: 409, description: 'A command on a user task whose task listeners run a transition (CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING).' },
  'USER_TASK.TRANSITION_DENIED': { status: 409, description: 'A task listener denied the assignment, update or completion; with `deniedReason`.' },
  'JOB.NOT_ACTIVATED': { status: 409, description: 'Failure, error or timeout of a job no worker has activated.' },
  'JOB.NOT_ACTIVATABLE': { status: 409, description: 'Activation by key of a job someone else has, or whose backoff or incident holds it.' },
  'JOB.NOT_ACTIVE': { status: 409, description: 'A command on a job that failed without retries or threw an error.' },
  'JOB.ELEMENT_NOT_WAITING': { status: 409, description: 'A command on a job whose element is not waiting for it.' },
  'INCIDENT.NOT_ACTIVE': { status: 409, description: 'Resolution of an incident that is resolved already.' },
  'INCIDENT.JOB_HAS_NO_RETRIES': { status: 409, description: 'Resolution of a job incident whose job has no retries: give the job retries first.' },
  'MESSAGE.NOT_CORRELATED': { status: 409, description: 'Correlation while an instance started with that correlation key is still active; with its `processInstanceKey`.' },
  'API_CLIENT.ALREADY_EXISTS': { status: 409, description: 'An API client with that `clientId` exists already (revoked clients keep their id).' },
  'PASSWORD.EXTERNAL_USER': { status: 409, description: 'Setting or changing the password of a user who signs in with the OpenID Connect provider: their password is the provider\'s.' },
  'AUTH.OIDC_USER_CONFLICT': { status: 409, description: 'An OpenID Connect sign-in whose user name is that of a local user with a password; Baton does not merge them.' },
  'MESSAGE.ALREADY_EXISTS': { status: 409, description: 'Publication with a `messageId` that a buffered message with the same name and correlation key still has (Camunda answers 409 too); nothing was published.' },
  'USER.ALREADY_EXISTS': { status: 409, description: 'Creating a user whose username is taken.' },
  'GROUP.ALREADY_EXISTS': { status: 409, description: 'Creating a group whose id is taken.' },
  'GROUP.ALREADY_MEMBER': { status: 409, description: 'Adding a user to a group they are a member of already (Camunda answers 409).' },
  'ROLE.ALREADY_EXISTS': { status: 409, description: 'Creating a role whose id is taken.' },
  'ROLE.ALREADY_ASSIGNED': { status: 409, description: 'Assigning a role to a user or group that has it already (Camunda answers 409).' },
  'ROLE.BUILT_IN': { status: 409, description: 'Deleting a built-in role (admin, analyst, employee, worker), or changing its permissions: they are the table in docs/security.md.' },
  'IDENTITY.LAST_ADMIN': { status: 409, description: 'A change that would leave no enabled user holding the admin role (directly or through a group); nothing was changed.' },
  'TIMER.NOT_ACTIVE': { status: 409, description: 'Between instances only: a timer that fired or was canceled (the trigger is dropped).' },
  'TIMER.NOT_DUE': { status: 409, description: 'Between instances only: a timer triggered before its due date by the engine clock (the sweeper fires it later).' },
  'TIMER.ELEMENT_NOT_ACTIVE': { status: 409, description: 'Between instances only: a timer whose element is no longer active.' },
  'AD_HOC_SUB_PROCESS.NOT_ACTIVE': { status: 409, description: 'Activating elements of an ad-hoc subprocess that is not waiting (still activating with an incident, or completing).' },
  'CALL_ACTIVITY.NOT_A_CALL_ACTIVITY': { status: 409, description: 'Between instances only: a child\'s message for an element that is not a call activity.' },
  'CALL_ACTIVITY.NOT_WAITING': { status: 409, description: 'Between instances only: a child\'s message for a call activity that no longer waits for it.' },
  'CALL_ACTIVITY.OTHER_CHILD': { status: 409, description: 'Between instances only: a message from a child the call activity does not wait for.' },

  // --- 413 PAYLOAD_TOO_LARGE -----------------------------------------------------------------
  'REQUEST.TOO_LARGE': { status: 413, description: 'A file above `BATON_MAX_RESOURCE_BYTES` or a body above `BATON_MAX_BODY_BYTES`.' },
  'DEPLOYMENT.TOO_LARGE': { status: 413, description: 'A deployment\'s files together above `BATON_MAX_DEPLOYMENT_BYTES`.' },

  // --- 415 UNSUPPORTED_MEDIA_TYPE ------------------------------------------------------------
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': { status: 415, description: 'A body that is not `application/json` (or `multipart/form-data` for deployments), or one without `Content-Type`; the detail names the expected type.' },

  // --- 429 RESOURCE_EXHAUSTED ----------------------------------------------------------------
  'AUTH.TOO_MANY_ATTEMPTS': { status: 429, description: 'Sign-in throttling; with `Retry-After` (security.md, "Sign-in throttling").' },

  // --- 500 INTERNAL --------------------------------------------------------------------------
  INTERNAL: { status: 500, description: 'An unexpected error: logged, answered without internals.' },

  // --- 503 UNAVAILABLE -----------------------------------------------------------------------
  'DATABASE.UNAVAILABLE': { status: 503, description: 'MySQL/MariaDB cannot be reached; with `Retry-After` (errors.md, "Unavailable dependencies").' },
  'REDIS.UNAVAILABLE': { status: 503, description: 'Redis cannot be reached on a path that needs it; with `Retry-After`.' },

  // --- 504 DEADLINE_EXCEEDED -----------------------------------------------------------------
  'PROCESS_INSTANCE.AWAIT_TIMEOUT': { status: 504, description: 'awaitCompletion timed out; the instance keeps running.' },
  'USER_TASK.LISTENERS_TIMEOUT': { status: 504, description: 'An assignment, update or completion waited too long for its task listeners; the transition goes on.' },
} as const satisfies Record<string, { status: HttpStatus; description: string }>;

/** The HTTP statuses Baton answers errors with. */
export type HttpStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429 | 500 | 503 | 504;

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes answered with one of the statuses `S` (e.g. `ErrorCodeWithStatus<404>` for NotFoundError). */
export type ErrorCodeWithStatus<S extends HttpStatus> = { [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends S ? C : never }[ErrorCode];

/**
 * The `title` of a problem for each status: Camunda 8's categories, so that clients written for
 * Camunda read Baton's errors the same way.
 */
export const PROBLEM_TITLES: Record<HttpStatus, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** The HTTP status of a code. */
export function statusOf(code: ErrorCode): HttpStatus {
  return ERROR_CODES[code].status;
}

/** Whether a string is a code of the catalogue. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}
