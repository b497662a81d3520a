import { startTaskTransition } from '../../processing/task-listeners.js';
import type { CommandProcessor } from '../command-processor.js';
import { openUserTask } from './user-task-guard.js';

/** Changes a user task's schedule, priority or candidates. */
export const updateUserTask: CommandProcessor<'UPDATE_USER_TASK'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const task = openUserTask(state, command.userTaskKey, 'updated');
    if ('kind' in task) return task;
    if (Object.keys(command.changes).length === 0) return undefined;
    if (!startTaskTransition(lifecycle, task, { eventType: 'updating', changes: command.changes })) lifecycle.emit({ type: 'USER_TASK_UPDATED', userTaskKey: task.userTaskKey, changes: command.changes });
    return undefined;
  },
};
