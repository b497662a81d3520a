import { startTaskTransition } from '../../processing/task-listeners.js';
import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';
import { openUserTask } from './user-task-guard.js';

/**
 * Completes a user task with variables: an unassigned task is first assigned to who completes
 * it; a task assigned to someone else is refused with its assignee.
 */
export const completeUserTask: CommandProcessor<'COMPLETE_USER_TASK'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const task = openUserTask(state, command.userTaskKey, 'completed');
    if ('kind' in task) return task;
    const element = state.element(task.elementInstanceKey);
    if (element?.lifecycle !== 'ACTIVATED') return rejection('USER_TASK.ELEMENT_NOT_WAITING', `The element of user task ${task.userTaskKey} is not waiting for it`);
    if (task.assignee !== null && task.assignee !== command.completedBy) {
      return rejection('USER_TASK.ASSIGNED_TO_OTHER', `User task ${task.userTaskKey} is assigned to '${task.assignee}'; only they may complete it`, { assignee: task.assignee });
    }
    if (task.assignee === null) lifecycle.emit({ type: 'USER_TASK_ASSIGNED', userTaskKey: task.userTaskKey, assignee: command.completedBy });
    const assigned = state.userTasks.get(task.userTaskKey)!;
    if (startTaskTransition(lifecycle, assigned, { eventType: 'completing', variables: command.variables, completedBy: command.completedBy })) return undefined;
    lifecycle.emit({ type: 'USER_TASK_COMPLETED', userTaskKey: task.userTaskKey, elementInstanceKey: task.elementInstanceKey, variableNames: Object.keys(command.variables) });
    lifecycle.completeWaiting(task.elementInstanceKey, command.variables);
    return undefined;
  },
};
