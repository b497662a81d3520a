import type { EngineCommand, Rejection } from '../commands/engine-command.js';
import { rejection } from '../commands/engine-command.js';
import type { EngineEvent } from '../events/engine-event.js';
import { InstanceState, type InstanceSnapshot } from '../state/instance-state.js';
import { externalState } from '../state/records.js';
import { processCallActivityCommand } from './call-activity-commands.js';
import { processJobCommand } from './job-commands.js';
import type { ProcessingEnvironment } from './processing-environment.js';
import { Processing } from './processing.js';

/** The outcome of a command: the events it caused and the state after them, or why it was refused. */
export type CommandResult =
  | { ok: true; events: EngineEvent[]; state: InstanceState; processInstanceKey: string }
  | { ok: false; rejection: Rejection };

/**
 * The pure core's entry: (state, command, environment) → events. Deterministic for the same
 * inputs (the environment carries the time and the key source).
 */
export function processCommand(snapshot: InstanceSnapshot, command: EngineCommand, env: ProcessingEnvironment): CommandResult {
  const state = new InstanceState(snapshot);
  const processing = new Processing(state, env);
  const refused = dispatch(processing, command);
  if (refused) return { ok: false, rejection: refused };
  return { ok: true, events: processing.events, state, processInstanceKey: state.instance!.processInstanceKey };
}

function dispatch(processing: Processing, command: EngineCommand): Rejection | undefined {
  const { state } = processing;
  if (command.type === 'CREATE_PROCESS_INSTANCE') {
    if (state.instance) return rejection('INVALID_STATE', 'PROCESS_INSTANCE.ALREADY_EXISTS', 'The process instance exists already');
    const model = processing.env.model;
    const startElementId = command.startElementId ?? model.startEventId;
    if (startElementId === undefined) {
      const messages = (model.messageStartEvents ?? []).map((start) => `'${start.messageName}'`).join(', ');
      return rejection(
        'INVALID_STATE',
        'PROCESS_INSTANCE.NO_NONE_START_EVENT',
        `Expected to create an instance of process '${model.id}' at its none start event, but it has none: it is started by publishing the message ${messages}`,
      );
    }
    const start = model.elements[startElementId];
    if (start?.type !== 'bpmn:StartEvent' || start.parentId !== undefined) {
      return rejection('INVALID_STATE', 'PROCESS_INSTANCE.NOT_A_START_EVENT', `Expected '${startElementId}' to be a start event of process '${model.id}' but it is not`);
    }
    processing.createInstance(command.variables, command.businessId, command.startedBy, {
      startElementId,
      ...(command.processInstanceKey !== undefined ? { processInstanceKey: command.processInstanceKey } : {}),
      ...(command.parentProcessInstanceKey !== undefined ? { parentProcessInstanceKey: command.parentProcessInstanceKey } : {}),
      ...(command.parentElementInstanceKey !== undefined ? { parentElementInstanceKey: command.parentElementInstanceKey } : {}),
    });
    return undefined;
  }
  const instance = state.instance;
  if (!instance) return rejection('NOT_FOUND', 'PROCESS_INSTANCE.NOT_FOUND', 'No such process instance');
  const inactive = instance.state !== 'ACTIVE'
    ? rejection('INVALID_STATE', 'PROCESS_INSTANCE.NOT_ACTIVE', `Process instance ${instance.processInstanceKey} is ${instance.state.toLowerCase()}`)
    : undefined;

  switch (command.type) {
    case 'CANCEL_PROCESS_INSTANCE':
      // Camunda answers a cancellation of an instance that ended as NOT_FOUND; the code and
      // message still say that it ended, and how.
      if (instance.state !== 'ACTIVE') {
        const how = instance.state === 'COMPLETED' ? 'is already completed' : 'was terminated';
        return rejection('NOT_FOUND', 'PROCESS_INSTANCE.ENDED', `Process instance ${instance.processInstanceKey} ${how}, so there is nothing to cancel`);
      }
      if (instance.parentProcessInstanceKey && !command.byParent) {
        // Zeebe refuses too: a called instance ends with its call activity.
        return rejection(
          'INVALID_STATE',
          'PROCESS_INSTANCE.IS_CALLED',
          `Expected to cancel a root process instance, but ${instance.processInstanceKey} was created by a call activity of process instance ${instance.parentProcessInstanceKey}; cancel that one instead`,
        );
      }
      processing.cancel();
      return undefined;

    case 'TRIGGER_TIMER': {
      if (inactive) return inactive;
      const timer = state.timers.get(command.timerKey);
      if (!timer) return rejection('NOT_FOUND', 'TIMER.NOT_FOUND', `No timer with key ${command.timerKey}`);
      if (timer.state !== 'ACTIVE') return rejection('INVALID_STATE', 'TIMER.NOT_ACTIVE', `Timer ${timer.timerKey} is ${timer.state.toLowerCase()}`);
      if (Date.parse(processing.env.now) < Date.parse(timer.dueDate)) {
        return rejection('INVALID_STATE', 'TIMER.NOT_DUE', `Timer ${timer.timerKey} is due at ${timer.dueDate}, not yet at ${processing.env.now}`);
      }
      const owner = state.element(timer.elementInstanceKey);
      if (!owner || externalState(owner.lifecycle) !== 'ACTIVE') {
        return rejection('INVALID_STATE', 'TIMER.ELEMENT_NOT_ACTIVE', `The element instance of timer ${timer.timerKey} is not active`);
      }
      processing.triggerTimer(timer);
      return undefined;
    }

    case 'COMPLETE_CALL_ACTIVITY':
    case 'CALLED_ELEMENT_NOT_FOUND':
    case 'THROW_ERROR_AT':
      if (inactive) return inactive;
      return processCallActivityCommand(processing, command);

    case 'COMPLETE_JOB':
    case 'FAIL_JOB':
    case 'THROW_ERROR':
    case 'UPDATE_JOB_RETRIES':
    case 'TIME_OUT_JOB':
      return processJobCommand(processing, command);

    case 'COMPLETE_USER_TASK': {
      const task = state.userTasks.get(command.userTaskKey);
      if (!task) return rejection('NOT_FOUND', 'USER_TASK.NOT_FOUND', `No user task with key ${command.userTaskKey}`);
      if (task.state !== 'CREATED') return rejection('INVALID_STATE', 'USER_TASK.NOT_ACTIVE', `User task ${task.userTaskKey} is ${task.state.toLowerCase()}; it cannot be completed`);
      const element = state.element(task.elementInstanceKey);
      if (element?.lifecycle !== 'ACTIVATED') return rejection('INVALID_STATE', 'USER_TASK.ELEMENT_NOT_WAITING', `The element of user task ${task.userTaskKey} is not waiting for it`);
      if (task.assignee !== null && task.assignee !== command.completedBy) {
        return rejection('INVALID_STATE', 'USER_TASK.ASSIGNED_TO_OTHER', `User task ${task.userTaskKey} is assigned to '${task.assignee}'; only they may complete it`, { assignee: task.assignee });
      }
      if (task.assignee === null) processing.emit({ type: 'USER_TASK_ASSIGNED', userTaskKey: task.userTaskKey, assignee: command.completedBy });
      processing.emit({ type: 'USER_TASK_COMPLETED', userTaskKey: task.userTaskKey, elementInstanceKey: task.elementInstanceKey, variableNames: Object.keys(command.variables) });
      processing.completeWaiting(task.elementInstanceKey, command.variables);
      return undefined;
    }

    case 'ASSIGN_USER_TASK': {
      const task = state.userTasks.get(command.userTaskKey);
      if (!task) return rejection('NOT_FOUND', 'USER_TASK.NOT_FOUND', `No user task with key ${command.userTaskKey}`);
      if (task.state !== 'CREATED') return rejection('INVALID_STATE', 'USER_TASK.NOT_ACTIVE', `User task ${task.userTaskKey} is ${task.state.toLowerCase()}; it cannot be assigned`);
      const heldByOther = task.assignee !== null && task.assignee !== command.assignee && task.assignee !== command.assignedBy;
      if (command.allowOverride === false && heldByOther) {
        return rejection('INVALID_STATE', 'USER_TASK.ALREADY_ASSIGNED', `User task ${task.userTaskKey} is already assigned to '${task.assignee}'`, { assignee: task.assignee });
      }
      if (task.assignee !== command.assignee) processing.emit({ type: 'USER_TASK_ASSIGNED', userTaskKey: task.userTaskKey, assignee: command.assignee });
      return undefined;
    }

    case 'UPDATE_USER_TASK': {
      const task = state.userTasks.get(command.userTaskKey);
      if (!task) return rejection('NOT_FOUND', 'USER_TASK.NOT_FOUND', `No user task with key ${command.userTaskKey}`);
      if (task.state !== 'CREATED') return rejection('INVALID_STATE', 'USER_TASK.NOT_ACTIVE', `User task ${task.userTaskKey} is ${task.state.toLowerCase()}; it cannot be updated`);
      if (Object.keys(command.changes).length > 0) processing.emit({ type: 'USER_TASK_UPDATED', userTaskKey: task.userTaskKey, changes: command.changes });
      return undefined;
    }

    case 'RESOLVE_INCIDENT': {
      const incident = state.incidents.get(command.incidentKey);
      if (!incident) return rejection('NOT_FOUND', 'INCIDENT.NOT_FOUND', `No incident with key ${command.incidentKey}`);
      if (incident.state !== 'ACTIVE') return rejection('INVALID_STATE', 'INCIDENT.NOT_ACTIVE', `Incident ${incident.incidentKey} is resolved already`);
      const job = incident.jobKey ? state.jobs.get(incident.jobKey) : undefined;
      if (incident.errorType === 'JOB_NO_RETRIES' && job && job.retries <= 0) {
        return rejection('INVALID_STATE', 'INCIDENT.JOB_HAS_NO_RETRIES', `Job ${job.jobKey} has no retries left: give it retries (PATCH /v2/jobs/${job.jobKey}) before resolving incident ${incident.incidentKey}`);
      }
      processing.resolveIncident(incident);
      return undefined;
    }

    case 'SET_VARIABLES': {
      const element = state.element(command.elementInstanceKey);
      if (!element) return rejection('NOT_FOUND', 'ELEMENT_INSTANCE.NOT_FOUND', `No active element instance with key ${command.elementInstanceKey}`);
      if (externalState(element.lifecycle) !== 'ACTIVE') return rejection('INVALID_STATE', 'ELEMENT_INSTANCE.NOT_ACTIVE', `Element instance ${element.elementInstanceKey} is not active`);
      if (command.local) processing.variables.setLocalDocument(element.elementInstanceKey, command.variables);
      else processing.variables.propagate(element.elementInstanceKey, command.variables);
      return undefined;
    }
  }
}
