import type { InstanceState } from '../../state/instance-state.js';
import type { UserTaskRecord } from '../../state/records.js';
import { rejection, type Rejection } from '../engine-command.js';

/** The open user task a command names, or the rejection: unknown (404) or no longer open (409). */
export function openUserTask(state: InstanceState, userTaskKey: string, verb: string): UserTaskRecord | Rejection {
  const task = state.userTasks.get(userTaskKey);
  if (!task) return rejection('USER_TASK.NOT_FOUND', `No user task with key ${userTaskKey}`);
  if (task.state !== 'CREATED') return rejection('USER_TASK.NOT_ACTIVE', `User task ${task.userTaskKey} is ${task.state.toLowerCase()}; it cannot be ${verb}`);
  return task;
}
