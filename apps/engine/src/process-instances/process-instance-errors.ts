import { NotFoundError } from '../common/errors/index.js';

/** The 404 for an unknown process instance key. */
export function processInstanceNotFound(key: string): NotFoundError {
  return new NotFoundError('PROCESS_INSTANCE.NOT_FOUND', `No process instance with key ${key}`);
}
