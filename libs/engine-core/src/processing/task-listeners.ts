import type { TaskListenerDefinition, UserTaskNode } from '#bpmn';
import type { TaskListenerResult } from '../commands/engine-command.js';
import type { Failure } from '../failure.js';
import type { ElementInstanceRecord, JobRecord, ListenerEventType, UserTaskCorrections, UserTaskRecord, UserTaskTransition } from '../state/records.js';
import { createListenerJob } from './listener-jobs.js';
import type { BehaviourServices } from '../behaviours/behaviour-services.js';

/** What running user task listeners needs (behaviours have it too: the creating and canceling listeners start there). */
type TaskListenerLifecycle = Pick<BehaviourServices, 'state' | 'model' | 'now' | 'evaluator' | 'variables' | 'emit' | 'nextKey'>;

/** Finishing a transition may complete the element. */
type TaskTransitionLifecycle = TaskListenerLifecycle & { completeWaiting(elementInstanceKey: string, result: Record<string, unknown> | undefined): void };

function userTaskNode(lifecycle: TaskListenerLifecycle, elementId: string): UserTaskNode {
  return lifecycle.model.elements[elementId] as UserTaskNode;
}

type TransitionEvent = UserTaskTransition['eventType'];

/** What a transition asks for, before its listeners run. */
export type TransitionRequest = Omit<UserTaskTransition, 'index' | 'corrections'>;

/** The transitions a task listener may deny (Camunda: not creating, not canceling). */
export const DENIABLE_TRANSITIONS: readonly TransitionEvent[] = ['assigning', 'updating', 'completing'];

/** Zeebe's `io.camunda.zeebe:action` header of a task listener's job, by transition. */
const ACTIONS: Record<TransitionEvent, string> = { creating: '', assigning: 'assign', updating: 'update', completing: 'complete', canceling: '' };

/** The listeners of a user task for one transition, in model order. */
export function taskListenersOf(node: UserTaskNode, eventType: TransitionEvent): TaskListenerDefinition[] {
  return (node.userTask.taskListeners ?? []).filter((listener) => listener.eventType === eventType);
}

/**
 * Starts a user task transition that has listeners: the task goes to the transition's state
 * (USER_TASK_TRANSITION_STARTED) and the first listener's job is created. False, with nothing
 * emitted, when the transition has no listener: the caller does it at once.
 */
export function startTaskTransition(lifecycle: TaskListenerLifecycle, task: UserTaskRecord, request: TransitionRequest): boolean {
  const node = userTaskNode(lifecycle, task.elementId);
  if (taskListenersOf(node, request.eventType).length === 0) return false;
  lifecycle.emit({ type: 'USER_TASK_TRANSITION_STARTED', userTaskKey: task.userTaskKey, transition: { ...request, index: 0, corrections: {} } });
  runTaskListener(lifecycle, task.userTaskKey);
  return true;
}

/**
 * Creates the job of the transition's current listener. A type or retries that do not evaluate
 * are an incident on the task's element; resolving it runs the transition's listeners again from
 * the first (Camunda). A canceling listener after its element ended evaluates in the process scope.
 */
export function runTaskListener(lifecycle: TaskListenerLifecycle, userTaskKey: string): void {
  const task = lifecycle.state.userTasks.get(userTaskKey)!;
  const transition = task.transition!;
  const listener = taskListenersOf(userTaskNode(lifecycle, task.elementId), transition.eventType)[transition.index]!;
  const element = lifecycle.state.element(task.elementInstanceKey);
  const alive = element && element.lifecycle !== 'TERMINATED';
  const failed = createListenerJob(lifecycle, element ?? endedElement(task, lifecycle.state.instance!.processInstanceKey), listener, {
    kind: 'TASK_LISTENER',
    eventType: transition.eventType.toUpperCase() as ListenerEventType,
    progress: { index: transition.index },
    headers: { ...task.customHeaders, ...taskHeaders(task, transition) },
    ...(alive ? {} : { scopeKey: lifecycle.state.instance!.processInstanceKey }),
  });
  if (failed && element) raiseTransitionIncident(lifecycle, element, failed);
}

/** A user task listener's job cannot be completed this way: the rejection's code and message (checked before anything is emitted). */
export function taskListenerRefusal(task: UserTaskRecord | undefined, job: JobRecord, variables: Record<string, unknown>, result: TaskListenerResult | undefined): { code: 'JOB.LISTENER_VARIABLES' | 'JOB.DENIAL_NOT_ALLOWED' | 'JOB.ELEMENT_NOT_WAITING'; message: string } | undefined {
  if (!task?.transition) return { code: 'JOB.ELEMENT_NOT_WAITING', message: `The user task of job ${job.jobKey} is not waiting for its listeners` };
  if (Object.keys(variables).length > 0) {
    return { code: 'JOB.LISTENER_VARIABLES', message: `Expected to complete the user task listener job ${job.jobKey} without variables, but variables were given: task listener jobs cannot set variables (use corrections)` };
  }
  if (result?.denied && !DENIABLE_TRANSITIONS.includes(task.transition.eventType)) {
    return { code: 'JOB.DENIAL_NOT_ALLOWED', message: `Expected to deny the ${task.transition.eventType} of user task ${task.userTaskKey}, but only assigning, updating and completing can be denied` };
  }
  return undefined;
}

/**
 * A task listener's job completed (checked by `taskListenerRefusal`): a denial ends the transition
 * and the task is as it was; otherwise the corrections are added to those so far and the next
 * listener runs, or the transition is done: the corrections and what was asked are applied.
 */
export function completeTaskListener(lifecycle: TaskTransitionLifecycle, task: UserTaskRecord, result: TaskListenerResult | undefined): void {
  const transition = task.transition!;
  if (result?.denied) {
    lifecycle.emit({ type: 'USER_TASK_TRANSITION_DENIED', userTaskKey: task.userTaskKey, eventType: transition.eventType, deniedReason: result.deniedReason });
    return;
  }
  const corrections = { ...transition.corrections, ...(result?.corrections ?? {}) };
  const next = transition.index + 1;
  if (next < taskListenersOf(userTaskNode(lifecycle, task.elementId), transition.eventType).length) {
    lifecycle.emit({ type: 'USER_TASK_LISTENER_COMPLETED', userTaskKey: task.userTaskKey, index: next, corrections });
    runTaskListener(lifecycle, task.userTaskKey);
    return;
  }
  finishTransition(lifecycle, task, { ...transition, corrections });
}

/** Every listener agreed: the transition takes effect with the corrections (which trigger no updating listeners). */
function finishTransition(lifecycle: TaskTransitionLifecycle, task: UserTaskRecord, transition: UserTaskTransition): void {
  const key = task.userTaskKey;
  if (transition.eventType === 'canceling') {
    lifecycle.emit({ type: 'USER_TASK_CANCELED', userTaskKey: key, elementInstanceKey: task.elementInstanceKey });
    return;
  }
  lifecycle.emit({ type: 'USER_TASK_TRANSITION_ENDED', userTaskKey: key });
  const { assignee: correctedAssignee, ...corrected } = transition.corrections;
  const changes = { ...(transition.changes ?? {}), ...corrected };
  if (Object.keys(changes).length > 0) lifecycle.emit({ type: 'USER_TASK_UPDATED', userTaskKey: key, changes });
  const current = lifecycle.state.userTasks.get(key)!;
  switch (transition.eventType) {
    case 'creating': {
      // The assignee can be corrected at creation only when the process did not set one.
      const assignee = transition.assignee ?? (correctedAssignee !== undefined ? correctedAssignee : null);
      afterCreation(lifecycle, current, assignee);
      return;
    }
    case 'assigning': {
      const assignee = correctedAssignee !== undefined ? correctedAssignee : (transition.assignee ?? null);
      if (assignee !== current.assignee) lifecycle.emit({ type: 'USER_TASK_ASSIGNED', userTaskKey: key, assignee });
      return;
    }
    case 'updating':
    case 'completing': {
      if (correctedAssignee !== undefined && correctedAssignee !== current.assignee) lifecycle.emit({ type: 'USER_TASK_ASSIGNED', userTaskKey: key, assignee: correctedAssignee });
      if (transition.eventType === 'completing') {
        const variables = transition.variables ?? {};
        lifecycle.emit({ type: 'USER_TASK_COMPLETED', userTaskKey: key, elementInstanceKey: task.elementInstanceKey, variableNames: Object.keys(variables) });
        lifecycle.completeWaiting(task.elementInstanceKey, variables);
      }
    }
  }
}

/**
 * After the task was created (and its creating listeners agreed): an assignee — from the process,
 * or corrected — is assigned through the assigning listeners, as Camunda triggers them when a
 * task is created with an assignee.
 */
export function afterCreation(lifecycle: TaskListenerLifecycle, task: UserTaskRecord, assignee: string | null): void {
  if (assignee === null || assignee === task.assignee) return;
  if (!startTaskTransition(lifecycle, task, { eventType: 'assigning', assignee })) lifecycle.emit({ type: 'USER_TASK_ASSIGNED', userTaskKey: task.userTaskKey, assignee });
}

/**
 * The task is canceled with its element (terminated): a transition under way is dropped with its
 * listener's job; then the canceling listeners run (the element does not wait for them in Baton,
 * see docs/listeners.md), or the task is canceled at once.
 */
export function cancelUserTask(lifecycle: TaskListenerLifecycle, task: UserTaskRecord): void {
  const job = lifecycle.state.jobOf(task.elementInstanceKey);
  if (job?.kind === 'TASK_LISTENER') lifecycle.emit({ type: 'JOB_CANCELED', jobKey: job.jobKey, elementInstanceKey: task.elementInstanceKey });
  if (startTaskTransition(lifecycle, task, { eventType: 'canceling' })) return;
  lifecycle.emit({ type: 'USER_TASK_CANCELED', userTaskKey: task.userTaskKey, elementInstanceKey: task.elementInstanceKey });
}

/** Restarts a transition from its first listener, corrections dropped (its incident was resolved). */
export function restartTaskTransition(lifecycle: TaskListenerLifecycle, task: UserTaskRecord): void {
  const { index: _index, corrections: _corrections, ...request } = task.transition!;
  lifecycle.emit({ type: 'USER_TASK_TRANSITION_STARTED', userTaskKey: task.userTaskKey, transition: { ...request, index: 0, corrections: {} } });
  runTaskListener(lifecycle, task.userTaskKey);
}

/**
 * The user task data a task listener's job gets in its headers (Camunda's reserved
 * `io.camunda.zeebe:*` names): the task as the transition would leave it with the corrections so
 * far, and which attributes it changes.
 */
function taskHeaders(task: UserTaskRecord, transition: UserTaskTransition): Record<string, string> {
  const pending: UserTaskCorrections = {
    ...(transition.eventType === 'assigning' || transition.eventType === 'creating' ? (transition.assignee !== undefined ? { assignee: transition.assignee } : {}) : {}),
    ...(transition.changes ?? {}),
    ...transition.corrections,
  };
  const view = { ...task, ...pending };
  const changed = (Object.keys(pending) as Array<keyof UserTaskCorrections>).filter((name) => JSON.stringify(pending[name] ?? null) !== JSON.stringify(task[name] ?? null));
  const headers: Record<string, string> = {
    'io.camunda.zeebe:action': ACTIONS[transition.eventType],
    'io.camunda.zeebe:userTaskKey': task.userTaskKey,
    'io.camunda.zeebe:candidateGroups': JSON.stringify(view.candidateGroups),
    'io.camunda.zeebe:candidateUsers': JSON.stringify(view.candidateUsers),
    'io.camunda.zeebe:priority': String(view.priority),
    'io.camunda.zeebe:changedAttributes': JSON.stringify(changed),
  };
  if (view.assignee) headers['io.camunda.zeebe:assignee'] = view.assignee;
  if (view.dueDate) headers['io.camunda.zeebe:dueDate'] = view.dueDate;
  if (view.followUpDate) headers['io.camunda.zeebe:followUpDate'] = view.followUpDate;
  if (task.formKey) headers['io.camunda.zeebe:formKey'] = task.formKey;
  return headers;
}

function raiseTransitionIncident(lifecycle: TaskListenerLifecycle, element: ElementInstanceRecord, failure: Failure): void {
  lifecycle.emit({
    type: 'INCIDENT_CREATED',
    incidentKey: lifecycle.nextKey(),
    elementInstanceKey: element.elementInstanceKey,
    elementId: element.elementId,
    errorType: failure.errorType,
    errorMessage: failure.message,
    retry: 'TASK_LISTENERS',
    jobKey: null,
  });
}

/** The element of a user task whose canceling listeners run after it was terminated (it is no longer loaded). */
export function endedElement(task: Pick<UserTaskRecord, 'elementInstanceKey' | 'elementId'>, processInstanceKey: string): ElementInstanceRecord {
  return {
    elementInstanceKey: task.elementInstanceKey,
    processInstanceKey,
    elementId: task.elementId,
    elementName: null,
    elementType: 'bpmn:UserTask',
    flowScopeKey: null,
    lifecycle: 'TERMINATED',
    startDate: '',
    endDate: null,
    incidentKey: null,
  };
}

