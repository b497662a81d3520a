import { startTaskTransition } from '../../processing/task-listeners.js';
import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';
import { openUserTask } from './user-task-guard.js';

/**
 * Assigns (or unassigns, `null`) a user task. Without override (a claim, a release by the
 * assignee), a task someone else holds is refused with USER_TASK.ALREADY_ASSIGNED — decided under
 * the instance's lock, so of two colleagues claiming at once exactly one wins.
 */
export const assignUserTask: CommandProcessor<'ASSIGN_USER_TASK'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const task = openUserTask(state, command.userTaskKey, 'assigned');
    if ('kind' in task) return task;
    const heldByOther = task.assignee !== null && task.assignee !== command.assignee && task.assignee !== command.assignedBy;
    if (command.allowOverride === false && heldByOther) {
      return rejection('USER_TASK.ALREADY_ASSIGNED', `User task ${task.userTaskKey} is already assigned to '${task.assignee}'`, { assignee: task.assignee });
    }
    if (task.assignee === command.assignee) return undefined;
    if (!startTaskTransition(lifecycle, task, { eventType: 'assigning', assignee: command.assignee })) lifecycle.emit({ type: 'USER_TASK_ASSIGNED', userTaskKey: task.userTaskKey, assignee: command.assignee });
    return undefined;
  },
};
