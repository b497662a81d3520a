import { NotFoundError } from '../common/errors/index.js';

/** Unknown, or not visible to the caller: the two are answered alike so that existence does not leak. */
export function userTaskNotFound(userTaskKey: string): NotFoundError {
  return new NotFoundError('USER_TASK.NOT_FOUND', `No user task with key ${userTaskKey}`);
}
