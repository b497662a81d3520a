import type {
  CompensationRecord,
  ElementType,
  ErrorOrigin,
  SubscriptionRecord,
  IncidentErrorType,
  IncidentRetry,
  JobRecord,
  MultiInstanceCounts,
  ProcessInstanceRecord,
  TimerRecord,
  UserTaskCorrections,
  UserTaskRecord,
  UserTaskTransition,
} from '../state/records.js';

/**
 * What happened to a process instance. The core decides events; appliers (appliers.ts) change
 * the state from them; persistence stores the changed state and appends the events to the
 * instance's audit log. Events are plain JSON.
 */
export type EngineEvent =
  | { type: 'PROCESS_INSTANCE_CREATED'; instance: ProcessInstanceRecord }
  | { type: 'ELEMENT_ACTIVATING'; elementInstanceKey: string; elementId: string; elementType: ElementType; elementName: string | null; flowScopeKey: string | null; consumedFlowIds?: string[] }
  | { type: 'ELEMENT_ACTIVATED'; elementInstanceKey: string; elementId: string }
  | { type: 'ELEMENT_COMPLETING'; elementInstanceKey: string; elementId: string }
  | { type: 'ELEMENT_COMPLETED'; elementInstanceKey: string; elementId: string }
  | { type: 'ELEMENT_TERMINATING'; elementInstanceKey: string; elementId: string }
  | { type: 'ELEMENT_TERMINATED'; elementInstanceKey: string; elementId: string }
  /** `atJoin`: the target is a joining gateway, so the token waits there until the join fires. */
  | { type: 'SEQUENCE_FLOW_TAKEN'; flowId: string; sourceElementId: string; targetElementId: string; flowScopeKey: string; atJoin: boolean }
  /**
   * A complex gateway's join fires (its activation condition held, or every incoming flow
   * delivered): it takes one token of each flow in `flowIds` (ELEMENT_ACTIVATING follows). While
   * `awaitedFlowIds` have not delivered, it waits for its reset: those flows are marked delivered
   * as their tokens arrive (COMPLEX_GATEWAY_TOKEN_ABSORBED).
   */
  | { type: 'COMPLEX_GATEWAY_FIRED'; flowScopeKey: string; elementId: string; flowIds: string[]; awaitedFlowIds: string[] }
  /** A token reached a complex gateway that waits for its reset, on a flow it still awaited: absorbed, without firing. */
  | { type: 'COMPLEX_GATEWAY_TOKEN_ABSORBED'; flowScopeKey: string; elementId: string; flowId: string }
  /** Every incoming flow of a fired complex gateway delivered: it waits for its start again. */
  | { type: 'COMPLEX_GATEWAY_RESET'; flowScopeKey: string; elementId: string; flowIds: string[] }
  /** Tokens waiting at a join were discarded (their scope ended). */
  | { type: 'JOIN_TOKENS_DISCARDED'; flowScopeKey: string }
  | { type: 'VARIABLE_CREATED'; variableKey: string; scopeKey: string; name: string; value: unknown }
  | { type: 'VARIABLE_UPDATED'; variableKey: string; scopeKey: string; name: string; value: unknown }
  | { type: 'JOB_CREATED'; job: JobRecord }
  | { type: 'JOB_COMPLETED'; jobKey: string; elementInstanceKey: string }
  | { type: 'JOB_CANCELED'; jobKey: string; elementInstanceKey: string }
  /** A worker failed the job; with retries left it is offered again at `retryAt`. */
  | { type: 'JOB_FAILED'; jobKey: string; elementInstanceKey: string; retries: number; retryAt: string | null; errorMessage: string | null }
  | { type: 'JOB_RETRIES_UPDATED'; jobKey: string; elementInstanceKey: string; retries: number }
  /** The worker that activated the job did not finish it before its deadline: it is offered again. */
  | { type: 'JOB_TIMED_OUT'; jobKey: string; elementInstanceKey: string }
  /** The job is offered again after its incident was resolved. */
  | { type: 'JOB_RECURRED'; jobKey: string; elementInstanceKey: string }
  | { type: 'JOB_ERROR_THROWN'; jobKey: string; elementInstanceKey: string; errorCode: string; errorMessage: string | null }
  | { type: 'USER_TASK_CREATED'; userTask: UserTaskRecord }
  | { type: 'USER_TASK_ASSIGNED'; userTaskKey: string; assignee: string | null }
  | { type: 'USER_TASK_UPDATED'; userTaskKey: string; changes: UserTaskChanges }
  | { type: 'USER_TASK_COMPLETED'; userTaskKey: string; elementInstanceKey: string; variableNames: string[] }
  | { type: 'USER_TASK_CANCELED'; userTaskKey: string; elementInstanceKey: string }
  /** A user task transition waits for its task listeners (the task is CREATING, ASSIGNING, UPDATING, COMPLETING or CANCELING). */
  | { type: 'USER_TASK_TRANSITION_STARTED'; userTaskKey: string; transition: UserTaskTransition }
  /** A task listener's job completed: the next listener runs, with the corrections so far. */
  | { type: 'USER_TASK_LISTENER_COMPLETED'; userTaskKey: string; index: number; corrections: UserTaskCorrections }
  /** Every listener of the transition completed: the task is CREATED again; the transition's own events follow. */
  | { type: 'USER_TASK_TRANSITION_ENDED'; userTaskKey: string }
  /** A task listener denied the transition: the task is as it was before, corrections dropped. */
  | { type: 'USER_TASK_TRANSITION_DENIED'; userTaskKey: string; eventType: UserTaskTransition['eventType']; deniedReason: string | null }
  | { type: 'INCIDENT_CREATED'; incidentKey: string; elementInstanceKey: string; elementId: string; errorType: IncidentErrorType; errorMessage: string; retry: IncidentRetry; jobKey: string | null; trigger?: Record<string, unknown> }
  | { type: 'INCIDENT_RESOLVED'; incidentKey: string; elementInstanceKey: string }
  /** A timer was scheduled: the scheduler sends TRIGGER_TIMER { timerKey } once `timer.dueDate` has passed. */
  | { type: 'TIMER_CREATED'; timer: TimerRecord }
  /** A multi-instance body's counters changed (it started its inner instances, or one completed). */
  | { type: 'MULTI_INSTANCE_UPDATED'; elementInstanceKey: string; counts: MultiInstanceCounts }
  /** A due timer fired; `elementInstanceKey` owns it (catch event, or the boundary event's activity). */
  | { type: 'TIMER_TRIGGERED'; timerKey: string; elementInstanceKey: string; elementId: string }
  /** A timer will not fire: its element completed or was terminated. The scheduler drops it. */
  | { type: 'TIMER_CANCELED'; timerKey: string; elementInstanceKey: string }
  /**
   * A BPMN error thrown at `elementInstanceKey` (by its job, an error end event, or a called
   * instance) is caught by the boundary event `boundaryElementId` of `hostElementInstanceKey`,
   * which is terminated next. Audit only.
   */
  | { type: 'ERROR_CAUGHT'; elementInstanceKey: string; errorCode: string; errorMessage: string | null; boundaryElementId: string; hostElementInstanceKey: string }
  /**
   * A call activity asks for a child instance (Baton's executor creates it in the same transaction,
   * see docs/engine.md): of the process `processDefinitionId` (binding `bindingType`), with the key
   * `childProcessInstanceKey`, these variables, and this instance and element as its parent.
   */
  | {
      type: 'CHILD_INSTANCE_REQUESTED';
      elementInstanceKey: string;
      elementId: string;
      childProcessInstanceKey: string;
      processDefinitionId: string;
      bindingType: 'latest' | 'deployment' | 'versionTag';
      versionTag: string | null;
      variables: Record<string, unknown>;
    }
  /** A call activity ended before its child did (terminated, or called again): the executor cancels the child. */
  | { type: 'CHILD_INSTANCE_CANCEL_REQUESTED'; elementInstanceKey: string; childProcessInstanceKey: string }
  /** A child instance completed: the executor sends COMPLETE_CALL_ACTIVITY with these (root) variables to the parent. */
  | { type: 'CALLED_INSTANCE_COMPLETED'; parentProcessInstanceKey: string; parentElementInstanceKey: string; variables: Record<string, unknown> }
  /**
   * A BPMN error thrown at `elementInstanceKey` found no catch event in this (child) instance: the
   * executor sends THROW_ERROR_AT to the parent's call activity. The thrower keeps waiting.
   */
  | {
      type: 'ERROR_ESCALATED_TO_PARENT';
      parentProcessInstanceKey: string;
      parentElementInstanceKey: string;
      elementInstanceKey: string;
      elementId: string;
      errorCode: string;
      errorMessage: string | null;
      variables: Record<string, unknown>;
      /** Where the error was first thrown (this instance, or a child further down). */
      origin: ErrorOrigin;
    }
  /**
   * A BPMN error that started in a called instance (`origin`) found no catch event here, and this
   * instance has no caller: the executor tells the origin, which raises the incident there.
   */
  | { type: 'ERROR_NOT_CAUGHT'; origin: ErrorOrigin; errorCode: string; errorMessage: string | null; incidentMessage: string }
  /** A subscription opened (a message, signal or condition catch event began to wait). */
  | { type: 'SUBSCRIPTION_OPENED'; subscription: SubscriptionRecord }
  /** A subscription closed: it triggered, or its owner ended (or its scope was interrupted). */
  | { type: 'SUBSCRIPTION_CLOSED'; subscriptionKey: string; elementInstanceKey: string }
  /** A conditional subscription was evaluated and its condition now holds (or no longer holds). */
  | { type: 'CONDITION_EVALUATED'; subscriptionKey: string; elementInstanceKey: string; conditionMet: boolean }
  /** A message was correlated to a subscription; its catch event triggers next. */
  | { type: 'MESSAGE_CORRELATED'; subscriptionKey: string; elementInstanceKey: string; elementId: string; messageKey: string; messageName: string; correlationKey: string | null; variableNames: string[] }
  /** A broadcast signal reached a subscription; its catch event triggers next. */
  | { type: 'SIGNAL_CAUGHT'; subscriptionKey: string; elementInstanceKey: string; elementId: string; signalKey: string; signalName: string; variableNames: string[] }
  /** A condition turned true; its catch event triggers next. */
  | { type: 'CONDITION_TRIGGERED'; subscriptionKey: string; elementInstanceKey: string; elementId: string }
  /** A signal throw or end event broadcasts a signal (the executor broadcasts it after the commit). */
  | { type: 'SIGNAL_THROWN'; elementInstanceKey: string; elementId: string; signalName: string; variables: Record<string, unknown> }
  /** An escalation thrown at `elementInstanceKey` is caught by `catchElementId` (a boundary or event subprocess start event) of `hostElementInstanceKey`. */
  | { type: 'ESCALATION_CAUGHT'; elementInstanceKey: string; escalationCode: string; catchElementId: string; hostElementInstanceKey: string; interrupting: boolean }
  /** An escalation nothing catches: the instance goes on (Camunda 8). Audit only. */
  | { type: 'ESCALATION_NOT_CAUGHT'; elementInstanceKey: string; elementId: string; escalationCode: string }
  /** An escalation no catch event in this (child) instance catches: the executor throws it at the parent's call activity. */
  | {
      type: 'ESCALATION_ESCALATED_TO_PARENT';
      parentProcessInstanceKey: string;
      parentElementInstanceKey: string;
      elementInstanceKey: string;
      elementId: string;
      escalationCode: string;
      variables: Record<string, unknown>;
    }
  /** An activity instance that can be compensated completed: its record (READY) waits for a compensation throw event. */
  | { type: 'COMPENSATION_SUBSCRIBED'; compensation: CompensationRecord }
  /**
   * A compensation throw event (`throwElementInstanceKey`) chose a record: a handler record is
   * TRIGGERED (its handler starts as the `ordinal`-th of the throw's handlers once the instance
   * rests), a container record is COMPENSATED at once (its inner records are chosen after it).
   */
  | { type: 'COMPENSATION_TRIGGERED'; compensationKey: string; elementInstanceKey: string; elementId: string; throwElementInstanceKey: string; handlerElementId: string | null; ordinal: number | null }
  /** The handler of a chosen record was activated. */
  | { type: 'COMPENSATION_HANDLER_ACTIVATED'; compensationKey: string; elementId: string; handlerElementId: string; handlerElementInstanceKey: string; throwElementInstanceKey: string; ordinal: number }
  /** The handler completed: its activity is compensated. */
  | { type: 'COMPENSATION_HANDLER_COMPLETED'; compensationKey: string; elementId: string; handlerElementId: string; handlerElementInstanceKey: string; throwElementInstanceKey: string; ordinal: number }
  /** A cancel end event's compensation completed: the transaction is terminated and its cancel boundary event taken. Audit only. */
  | { type: 'TRANSACTION_CANCELED'; elementInstanceKey: string; elementId: string; cancelElementInstanceKey: string; boundaryElementId: string };

export type EngineEventType = EngineEvent['type'];

/** The fields of a user task that PATCH /v2/user-tasks/{key} may change. */
export interface UserTaskChanges {
  dueDate?: string | null;
  followUpDate?: string | null;
  candidateGroups?: string[];
  candidateUsers?: string[];
  priority?: number;
}

/** An event as recorded: with its position in the instance's log and its time. */
export type RecordedEvent = EngineEvent & { position: number; time: string };
