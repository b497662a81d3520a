import type { ExecutableElementType } from '#bpmn';

/**
 * The records of one process instance's runtime state. Plain JSON, keys as numeric strings,
 * instants as ISO-8601 strings (the core never creates Date objects from a clock of its own).
 */

/** Camunda's three externally visible states; the lifecycle below refines ACTIVE. */
export type ExternalState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/** Zeebe's element lifecycle. ACTIVATING and COMPLETING are where incidents hold an element. */
export type Lifecycle = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'COMPLETED' | 'TERMINATING' | 'TERMINATED';

export function externalState(lifecycle: Lifecycle): ExternalState {
  return lifecycle === 'COMPLETED' ? 'COMPLETED' : lifecycle === 'TERMINATED' ? 'TERMINATED' : 'ACTIVE';
}

export interface ProcessInstanceRecord {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  processDefinitionName: string | null;
  versionTag: string | null;
  tenantId: string;
  state: ExternalState;
  businessId: string | null;
  startDate: string;
  endDate: string | null;
  startedBy: string;
  /** Number of active incidents in the instance. */
  incidentCount: number;
  /** For an instance started by a call activity: the calling instance (absent for a root instance). */
  parentProcessInstanceKey?: string;
  /** For an instance started by a call activity: the call activity's element instance in the parent. */
  parentElementInstanceKey?: string;
}

/**
 * The element instance type of a multi-instance body (Zeebe's `MULTI_INSTANCE_BODY`, not a BPMN
 * XML element): the container of a multi-instance activity's inner instances. Its `elementId` is
 * the activity's id; the inner instances have the activity's own type and the body as flow scope.
 */
export const MULTI_INSTANCE_BODY = 'bpmn:MultiInstanceBody';

/**
 * The element instance type of an event subprocess (Zeebe's `EVENT_SUB_PROCESS`): a
 * `bpmn:SubProcess` with `triggeredByEvent`, started by its start event's trigger.
 */
export const EVENT_SUB_PROCESS = 'bpmn:EventSubProcess';

/**
 * The element instance type of an inner instance of an ad-hoc subprocess (Camunda 8.8's
 * `AD_HOC_SUB_PROCESS_INNER_INSTANCE`): each activation of an inner element runs in one, with the
 * activation's variables as its locals. Its `elementId` is the ad-hoc subprocess's id.
 */
export const AD_HOC_SUB_PROCESS_INNER_INSTANCE = 'bpmn:AdHocSubProcessInnerInstance';

/**
 * The process itself is an element instance too (type `bpmn:Process`, key = process instance key);
 * a multi-instance activity is a body (`bpmn:MultiInstanceBody`) around its inner instances; an
 * event subprocess has its own type (`bpmn:EventSubProcess`).
 */
export type ElementType = ExecutableElementType | 'bpmn:Process' | typeof MULTI_INSTANCE_BODY | typeof EVENT_SUB_PROCESS | typeof AD_HOC_SUB_PROCESS_INNER_INSTANCE;

export interface ElementInstanceRecord {
  elementInstanceKey: string;
  processInstanceKey: string;
  elementId: string;
  elementName: string | null;
  elementType: ElementType;
  /** The enclosing element instance (process or subprocess); null for the process element. */
  flowScopeKey: string | null;
  lifecycle: Lifecycle;
  startDate: string;
  endDate: string | null;
  /** The active incident holding this element, if any. */
  incidentKey: string | null;
  /** A call activity: the key of the child process instance it requested and waits for (absent otherwise). */
  calledProcessInstanceKey?: string;
  /** A multi-instance body: how many inner instances there are and how many ended (absent otherwise). */
  multiInstance?: MultiInstanceCounts;
}

/**
 * The counters of a multi-instance body, kept on its element instance like Zeebe does:
 * `numberOfInstances` counts the inner instances created (a parallel body's all at its
 * activation, a sequential body's one by one), the others those that completed or were
 * terminated (a completion condition met, an interrupting boundary event, a cancellation). A
 * completion condition reads them, plus `numberOfActiveInstances` (created, not yet ended:
 * lifecycle/multi-instance-counts.ts).
 */
export interface MultiInstanceCounts {
  numberOfInstances: number;
  numberOfCompletedInstances: number;
  numberOfTerminatedInstances: number;
}

export interface VariableRecord {
  variableKey: string;
  scopeKey: string;
  name: string;
  /** The value, as JSON. */
  value: unknown;
}

/**
 * CREATED, COMPLETED, CANCELED; or, while its task listeners run, the transition under way
 * (Camunda's CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING).
 */
export type UserTaskState = 'CREATED' | 'COMPLETED' | 'CANCELED' | 'CREATING' | 'ASSIGNING' | 'UPDATING' | 'COMPLETING' | 'CANCELING';

/** What a task listener may correct (Camunda's job result `corrections`), and an update may change. */
export interface UserTaskCorrections {
  assignee?: string | null;
  dueDate?: string | null;
  followUpDate?: string | null;
  candidateGroups?: string[];
  candidateUsers?: string[];
  priority?: number;
}

/**
 * A user task transition its task listeners hold: the listener event, the listener whose job
 * runs now, what the transition will do once they are done (the new assignee, the changes, the
 * completion's variables and who completes), and the corrections listeners made so far. Denied,
 * it is dropped with its corrections and the task is as it was.
 */
export interface UserTaskTransition {
  eventType: 'creating' | 'assigning' | 'updating' | 'completing' | 'canceling';
  index: number;
  assignee?: string | null;
  changes?: Omit<UserTaskCorrections, 'assignee'>;
  variables?: Record<string, unknown>;
  completedBy?: string;
  corrections: UserTaskCorrections;
}

export interface UserTaskRecord {
  userTaskKey: string;
  elementInstanceKey: string;
  elementId: string;
  name: string | null;
  state: UserTaskState;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  priority: number;
  /** Key of the linked form version (zeebe:formDefinition formId), resolved when the task was created. */
  formKey: string | null;
  /** Id of a legacy embedded form (zeebe:userTaskForm) in the process definition. */
  embeddedFormId: string | null;
  externalFormReference: string | null;
  customHeaders: Record<string, string>;
  creationDate: string;
  completionDate: string | null;
  /** The transition its task listeners hold (absent when none runs). */
  transition?: UserTaskTransition;
  /** The last transition a listener denied, with its reason (cleared when the next transition starts). */
  denial?: { eventType: UserTaskTransition['eventType']; deniedReason: string | null };
}

export type JobState = 'CREATED' | 'ACTIVATED' | 'FAILED' | 'COMPLETED' | 'CANCELED' | 'ERROR_THROWN';

export interface JobRecord {
  jobKey: string;
  elementInstanceKey: string;
  elementId: string;
  type: string;
  state: JobState;
  retries: number;
  customHeaders: Record<string, string>;
  createdAt: string;
  /** A failed job with retries left becomes activatable again at this instant (its backoff). */
  retryAt: string | null;
  /** The message of the last failure or thrown error. */
  errorMessage: string | null;
  /**
   * A worker may activate it (from `retryAt` on). False while activated, after a failure with no
   * retries left or a thrown error (until the incident is resolved), and once it has ended.
   */
  activatable: boolean;
  /** How many times workers failed it (absent: never); the exponent of a backoff the model declares. */
  failureCount?: number;
  /** A listener's job (Zeebe's job kinds EXECUTION_LISTENER, TASK_LISTENER); absent for the element's own job (BPMN_ELEMENT). */
  kind?: ListenerJobKind;
  /** The event a listener's job runs at (Camunda's `listenerEventType`); absent for the element's own job (UNSPECIFIED). */
  listenerEventType?: ListenerEventType;
  /** Where a listener's job stands among its element's listeners (absent for the element's own job). */
  listener?: ListenerProgress;
}

export type ListenerJobKind = 'EXECUTION_LISTENER' | 'TASK_LISTENER';

/** Camunda's listener event types of a job: execution listeners START and END, user task listeners CREATING ... CANCELING. */
export type ListenerEventType = 'START' | 'END' | 'CREATING' | 'ASSIGNING' | 'UPDATING' | 'COMPLETING' | 'CANCELING';

/**
 * What a listener's job carries so the element (or user task transition) can go on when it
 * completes: the listener's position among those of its event type, and what the element was
 * activated with (the trigger's variables, the start element of a process), kept while its start
 * listeners run.
 */
export interface ListenerProgress {
  index: number;
  trigger?: Record<string, unknown>;
  startElementId?: string;
}

/** Camunda's incident types; UNKNOWN is Baton's activation budget (a loop without a wait state). */
export type IncidentErrorType =
  | 'CONDITION_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'FORM_NOT_FOUND'
  | 'JOB_NO_RETRIES'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CALLED_ELEMENT_ERROR'
  | 'EXECUTION_LISTENER_NO_RETRIES'
  | 'TASK_LISTENER_NO_RETRIES'
  | 'UNKNOWN';

/**
 * What resolving an incident does: re-run the element's activation or completion, re-offer its
 * job, or (a call activity) call the process again: cancel the child it waits for, if any, and
 * request a new one; or (a user task listener whose type or retries did not evaluate) run the
 * user task transition's listeners again from the first.
 */
export type IncidentRetry = 'ACTIVATE' | 'COMPLETE' | 'JOB' | 'CALL' | 'TASK_LISTENERS';

/**
 * Where a BPMN error was thrown, carried along while it looks for a catch event in the calling
 * instances: when none catches it, the incident is raised there (in the child, as Zeebe does).
 * `retry` says what resolving it does: re-offer the job, or run the throwing event's activation again.
 */
export interface ErrorOrigin {
  processInstanceKey: string;
  elementInstanceKey: string;
  elementId: string;
  retry: 'JOB' | 'ACTIVATE';
  jobKey: string | null;
}

export type TimerState = 'ACTIVE' | 'TRIGGERED' | 'CANCELED';

/**
 * A timer of a catch event, owned by the element instance that waits for it: an intermediate
 * timer catch event (its own instance), a timer boundary event (its activity's instance, or its
 * multi-instance body), a timer after an event-based gateway (the gateway's instance), or the
 * timer start event of an event subprocess (the instance of the enclosing scope). The scheduler
 * sends TRIGGER_TIMER when `dueDate` has passed on the engine clock.
 */
export interface TimerRecord {
  timerKey: string;
  /** The element instance that owns the timer (see above). */
  elementInstanceKey: string;
  /** The timer event's element id: the catch, boundary or start event. */
  elementId: string;
  /** When it is due (ISO-8601). */
  dueDate: string;
  state: TimerState;
  /**
   * A time cycle (non-interrupting boundary, event subprocess start): its text, and how many
   * times it fires from this one on (`null`: without end). When it fires, the next one is created.
   */
  cycle?: { expression: string; remaining: number | null };
}

/** What a subscription waits for. */
export type SubscriptionKind = 'message' | 'signal' | 'conditional';

/**
 * An open wait for a message, a signal or a condition, owned by an element instance like a timer
 * (the catch event or receive task; the activity of a boundary event; the event-based gateway;
 * the scope of an event subprocess) and closed when its owner ends or it triggers. The engine
 * finds open message and signal subscriptions by name (and correlation key) to correlate.
 */
export interface SubscriptionRecord {
  subscriptionKey: string;
  kind: SubscriptionKind;
  elementInstanceKey: string;
  /** The catching element: catch event, receive task, boundary event, or event subprocess start event. */
  elementId: string;
  /** The message or signal name (evaluated when the subscription opened); '' for conditions. */
  name: string;
  /** A message subscription's correlation key (evaluated when it opened); null otherwise. */
  correlationKey: string | null;
  /** Does triggering it interrupt its owner (or its scope, for an event subprocess)? */
  interrupting: boolean;
  state: 'OPEN' | 'CLOSED';
  /** A condition: whether it held at its last evaluation (it fires when it turns true). */
  conditionMet?: boolean;
}

export interface IncidentRecord {
  incidentKey: string;
  elementInstanceKey: string;
  elementId: string;
  errorType: IncidentErrorType;
  errorMessage: string;
  state: 'ACTIVE' | 'RESOLVED';
  retry: IncidentRetry;
  jobKey: string | null;
  creationTime: string;
  resolvedAt: string | null;
  /**
   * The variables of the event that activated the element (a caught error's, a message's; `{}`
   * for a timer), when its activation failed: resolving the incident runs the activation again
   * with them, so they are not lost while the element waits behind the incident.
   */
  trigger?: Record<string, unknown>;
}

/**
 * What became of a completed activity instance that can be compensated:
 * - `READY`: it completed and waits to be compensated (or not);
 * - `TRIGGERED`: a compensation throw event chose it; its handler starts once the instance rests;
 * - `COMPENSATING`: its handler runs;
 * - `COMPENSATED`: its handler completed (or, for a container, its inner records were chosen).
 */
export type CompensationState = 'READY' | 'TRIGGERED' | 'COMPENSATING' | 'COMPENSATED';

/**
 * A completed activity instance that can be compensated (Zeebe's compensation subscription):
 * written when the instance completes, kept with the process instance while it runs, so that a
 * later compensation throw event finds it even though the activity (and its scope) ended.
 * - A `handler` record belongs to an activity with a compensation boundary event (one per
 *   completed instance: an inner instance of a multi-instance activity has its own), or to an
 *   embedded subprocess with a compensation event subprocess; compensating it runs `handlerElementId`.
 * - A `container` record belongs to a completed embedded subprocess (or multi-instance body) that
 *   holds records of its own: compensating it compensates those, latest completed first.
 * Records are ordered by `compensationKey`, generated when the activity completed: the order of completion.
 */
export interface CompensationRecord {
  compensationKey: string;
  /** The completed activity instance. */
  elementInstanceKey: string;
  elementId: string;
  /** The scope it completed in (process, subprocess, multi-instance body): a throw event there reaches it. */
  flowScopeKey: string;
  kind: 'handler' | 'container';
  /** What runs to compensate it: the handler activity, or the compensation event subprocess (absent for a container). */
  handlerElementId: string | null;
  /** The completed instance's local variables: the handler sees them (a container's are seen by the handlers inside it). */
  variables: Record<string, unknown>;
  state: CompensationState;
  /** The compensation throw (or cancel end) event that chose it, once chosen. */
  throwElementInstanceKey: string | null;
  /** The running (or completed) handler instance. */
  handlerElementInstanceKey: string | null;
  /** Its place among the handlers its throw event started (1 = first), for the audit log and the diagram. */
  ordinal: number | null;
}
