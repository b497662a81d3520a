import type { InstanceState } from '../../state/instance-state.js';
import type { UserTaskRecord } from '../../state/records.js';
import { rejection, type Rejection } from '../engine-command.js';

/** The open user task a command names, or the rejection: unknown (404) or no longer open (409). */
export function openUserTask(state: InstanceState, userTaskKey: string, verb: string): UserTaskRecord | Rejection {
  const task = state.userTasks.get(userTaskKey);
  if (!task) return rejection('USER_TASK.NOT_FOUND', `No user task with key ${userTaskKey}`);
  if (task.state === 'COMPLETED' || task.state === 'CANCELED') return rejection('USER_TASK.NOT_ACTIVE', `User task ${task.userTaskKey} is ${task.state.toLowerCase()}; it cannot be ${verb}`);
  if (task.state !== 'CREATED') {
    return rejection('USER_TASK.LISTENERS_RUNNING', `Expected user task ${task.userTaskKey} to be created so it can be ${verb}, but it is in state '${task.state}': its task listeners run`);
  }
  return task;
}
