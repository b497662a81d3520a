import type { InstanceState } from '../state/instance-state.js';
import type { UserTaskRecord, UserTaskState, UserTaskTransition } from '../state/records.js';
import type { EngineEvent, EngineEventType } from './engine-event.js';

type Applier<T extends EngineEventType> = (state: InstanceState, event: Extract<EngineEvent, { type: T }>, time: string) => void;

/**
 * One small applier per event: the only code that changes an InstanceState. Processing decides
 * which events happen; appliers make them true. Replaying an instance's events from an empty
 * state with these appliers rebuilds its state.
 */
export const APPLIERS: { [T in EngineEventType]: Applier<T> } = {
  PROCESS_INSTANCE_CREATED: (state, event) => state.setInstance({ ...event.instance }),

  ELEMENT_ACTIVATING: (state, event, time) => {
    state.addElement({
      elementInstanceKey: event.elementInstanceKey,
      processInstanceKey: state.instance!.processInstanceKey,
      elementId: event.elementId,
      elementName: event.elementName,
      elementType: event.elementType,
      flowScopeKey: event.flowScopeKey,
      lifecycle: 'ACTIVATING',
      startDate: time,
      endDate: null,
      incidentKey: null,
    });
    for (const flowId of event.consumedFlowIds ?? []) state.consumeToken(event.flowScopeKey!, flowId);
  },
  ELEMENT_ACTIVATED: (state, event) => void state.updateElement(event.elementInstanceKey, { lifecycle: 'ACTIVATED' }),
  ELEMENT_COMPLETING: (state, event) => void state.updateElement(event.elementInstanceKey, { lifecycle: 'COMPLETING' }),
  ELEMENT_COMPLETED: (state, event, time) => {
    const element = state.updateElement(event.elementInstanceKey, { lifecycle: 'COMPLETED', endDate: time });
    if (element.elementType === 'bpmn:Process') state.updateInstance({ state: 'COMPLETED', endDate: time });
  },
  ELEMENT_TERMINATING: (state, event) => void state.updateElement(event.elementInstanceKey, { lifecycle: 'TERMINATING' }),
  ELEMENT_TERMINATED: (state, event, time) => {
    const element = state.updateElement(event.elementInstanceKey, { lifecycle: 'TERMINATED', endDate: time });
    if (element.elementType === 'bpmn:Process') state.updateInstance({ state: 'TERMINATED', endDate: time });
  },

  SEQUENCE_FLOW_TAKEN: (state, event) => {
    if (event.atJoin) state.addToken(event.flowScopeKey, event.flowId);
  },
  JOIN_TOKENS_DISCARDED: (state, event) => state.discardTokens(event.flowScopeKey),
  COMPLEX_GATEWAY_FIRED: (state, event) => {
    if (event.awaitedFlowIds.length === 0) return;
    for (const flowId of event.flowIds) state.markDelivered(event.flowScopeKey, flowId);
  },
  COMPLEX_GATEWAY_TOKEN_ABSORBED: (state, event) => {
    state.consumeToken(event.flowScopeKey, event.flowId);
    state.markDelivered(event.flowScopeKey, event.flowId);
  },
  COMPLEX_GATEWAY_RESET: (state, event) => state.clearResetMarks(event.flowScopeKey, event.flowIds),

  VARIABLE_CREATED: (state, event) => state.putVariable({ variableKey: event.variableKey, scopeKey: event.scopeKey, name: event.name, value: event.value }),
  VARIABLE_UPDATED: (state, event) => state.putVariable({ variableKey: event.variableKey, scopeKey: event.scopeKey, name: event.name, value: event.value }),

  JOB_CREATED: (state, event) => state.putJob({ ...event.job }),
  JOB_COMPLETED: (state, event) => state.putJob({ ...state.jobs.get(event.jobKey)!, state: 'COMPLETED', activatable: false }),
  JOB_CANCELED: (state, event) => state.putJob({ ...state.jobs.get(event.jobKey)!, state: 'CANCELED', activatable: false }),
  JOB_FAILED: (state, event) =>
    state.putJob({
      ...state.jobs.get(event.jobKey)!,
      state: 'FAILED',
      retries: event.retries,
      retryAt: event.retryAt,
      errorMessage: event.errorMessage,
      activatable: event.retries > 0,
      failureCount: (state.jobs.get(event.jobKey)!.failureCount ?? 0) + 1,
    }),
  JOB_RETRIES_UPDATED: (state, event) => state.putJob({ ...state.jobs.get(event.jobKey)!, retries: event.retries }),
  JOB_TIMED_OUT: (state, event) => state.putJob({ ...state.jobs.get(event.jobKey)!, state: 'CREATED', retryAt: null, activatable: true }),
  JOB_RECURRED: (state, event) => state.putJob({ ...state.jobs.get(event.jobKey)!, state: 'CREATED', retryAt: null, activatable: true }),
  JOB_ERROR_THROWN: (state, event) =>
    state.putJob({ ...state.jobs.get(event.jobKey)!, state: 'ERROR_THROWN', errorMessage: event.errorMessage, activatable: false }),

  USER_TASK_CREATED: (state, event) => state.putUserTask({ ...event.userTask }),
  USER_TASK_ASSIGNED: (state, event) => state.putUserTask({ ...state.userTasks.get(event.userTaskKey)!, assignee: event.assignee }),
  USER_TASK_UPDATED: (state, event) => state.putUserTask({ ...state.userTasks.get(event.userTaskKey)!, ...event.changes }),
  USER_TASK_COMPLETED: (state, event, time) => state.putUserTask({ ...state.userTasks.get(event.userTaskKey)!, state: 'COMPLETED', completionDate: time }),
  USER_TASK_CANCELED: (state, event, time) => state.putUserTask({ ...withoutTransition(state.userTasks.get(event.userTaskKey)!), state: 'CANCELED', completionDate: time }),
  USER_TASK_TRANSITION_STARTED: (state, event) => {
    const { denial: _denial, ...task } = state.userTasks.get(event.userTaskKey)!;
    state.putUserTask({ ...task, state: TRANSITION_STATES[event.transition.eventType], transition: structuredClone(event.transition) });
  },
  USER_TASK_LISTENER_COMPLETED: (state, event) => {
    const task = state.userTasks.get(event.userTaskKey)!;
    state.putUserTask({ ...task, transition: { ...task.transition!, index: event.index, corrections: structuredClone(event.corrections) } });
  },
  USER_TASK_TRANSITION_ENDED: (state, event) => state.putUserTask({ ...withoutTransition(state.userTasks.get(event.userTaskKey)!), state: 'CREATED' }),
  USER_TASK_TRANSITION_DENIED: (state, event) =>
    state.putUserTask({ ...withoutTransition(state.userTasks.get(event.userTaskKey)!), state: 'CREATED', denial: { eventType: event.eventType, deniedReason: event.deniedReason } }),

  INCIDENT_CREATED: (state, event, time) => {
    state.putIncident({
      incidentKey: event.incidentKey,
      elementInstanceKey: event.elementInstanceKey,
      elementId: event.elementId,
      errorType: event.errorType,
      errorMessage: event.errorMessage,
      state: 'ACTIVE',
      retry: event.retry,
      jobKey: event.jobKey,
      creationTime: time,
      resolvedAt: null,
      ...(event.trigger ? { trigger: event.trigger } : {}),
    });
    state.updateElement(event.elementInstanceKey, { incidentKey: event.incidentKey });
    state.updateInstance({ incidentCount: state.instance!.incidentCount + 1 });
  },
  INCIDENT_RESOLVED: (state, event, time) => {
    state.putIncident({ ...state.incidents.get(event.incidentKey)!, state: 'RESOLVED', resolvedAt: time });
    const element = state.element(event.elementInstanceKey);
    if (element?.incidentKey === event.incidentKey) state.updateElement(event.elementInstanceKey, { incidentKey: null });
    state.updateInstance({ incidentCount: Math.max(0, state.instance!.incidentCount - 1) });
  },

  MULTI_INSTANCE_UPDATED: (state, event) => void state.updateElement(event.elementInstanceKey, { multiInstance: { ...event.counts } }),

  TIMER_CREATED: (state, event) => state.putTimer({ ...event.timer }),
  TIMER_TRIGGERED: (state, event) => state.putTimer({ ...state.timers.get(event.timerKey)!, state: 'TRIGGERED' }),
  TIMER_CANCELED: (state, event) => state.putTimer({ ...state.timers.get(event.timerKey)!, state: 'CANCELED' }),

  SUBSCRIPTION_OPENED: (state, event) => state.putSubscription({ ...event.subscription }),
  SUBSCRIPTION_CLOSED: (state, event) => state.putSubscription({ ...state.subscriptions.get(event.subscriptionKey)!, state: 'CLOSED' }),
  CONDITION_EVALUATED: (state, event) => state.putSubscription({ ...state.subscriptions.get(event.subscriptionKey)!, conditionMet: event.conditionMet }),

  COMPENSATION_SUBSCRIBED: (state, event) => state.putCompensation({ ...event.compensation, variables: structuredClone(event.compensation.variables) }),
  COMPENSATION_TRIGGERED: (state, event) =>
    state.putCompensation({
      ...state.compensations.get(event.compensationKey)!,
      state: event.handlerElementId === null ? 'COMPENSATED' : 'TRIGGERED',
      throwElementInstanceKey: event.throwElementInstanceKey,
      ordinal: event.ordinal,
    }),
  COMPENSATION_HANDLER_ACTIVATED: (state, event) =>
    state.putCompensation({ ...state.compensations.get(event.compensationKey)!, state: 'COMPENSATING', handlerElementInstanceKey: event.handlerElementInstanceKey }),
  COMPENSATION_HANDLER_COMPLETED: (state, event) => state.putCompensation({ ...state.compensations.get(event.compensationKey)!, state: 'COMPENSATED' }),

  // Audit and executor notices: the state they describe is changed by the events around them.
  ERROR_CAUGHT: () => undefined,
  ERROR_NOT_CAUGHT: () => undefined,
  MESSAGE_CORRELATED: () => undefined,
  SIGNAL_CAUGHT: () => undefined,
  CONDITION_TRIGGERED: () => undefined,
  SIGNAL_THROWN: () => undefined,
  ESCALATION_CAUGHT: () => undefined,
  ESCALATION_NOT_CAUGHT: () => undefined,
  ESCALATION_ESCALATED_TO_PARENT: () => undefined,
  CHILD_INSTANCE_REQUESTED: (state, event) => void state.updateElement(event.elementInstanceKey, { calledProcessInstanceKey: event.childProcessInstanceKey }),
  CHILD_INSTANCE_CANCEL_REQUESTED: () => undefined,
  CALLED_INSTANCE_COMPLETED: () => undefined,
  ERROR_ESCALATED_TO_PARENT: () => undefined,
  TRANSACTION_CANCELED: () => undefined,
};

/** The state of a user task while its listeners hold each transition. */
const TRANSITION_STATES: Record<UserTaskTransition['eventType'], UserTaskState> = {
  creating: 'CREATING',
  assigning: 'ASSIGNING',
  updating: 'UPDATING',
  completing: 'COMPLETING',
  canceling: 'CANCELING',
};

function withoutTransition(task: UserTaskRecord): UserTaskRecord {
  const { transition: _transition, ...rest } = task;
  return rest;
}

/** Applies one event to the state. */
export function applyEvent(state: InstanceState, event: EngineEvent, time: string): void {
  (APPLIERS[event.type] as Applier<EngineEventType>)(state, event, time);
}
