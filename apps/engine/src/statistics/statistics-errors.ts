import { InvalidArgumentError, NotFoundError } from '../common/errors/index.js';

/** 404 for an unknown process definition key (the code the process-definition endpoints use). */
export function processDefinitionNotFound(key: string): NotFoundError {
  return new NotFoundError('PROCESS_DEFINITION.NOT_FOUND', `No process definition with key ${key}`);
}

/** 404 for a process id no version of which is deployed. */
export function processIdNotFound(processDefinitionId: string): NotFoundError {
  return new NotFoundError('PROCESS_DEFINITION.NOT_FOUND', `No process definition with id '${processDefinitionId}' is deployed`);
}

/** 400 for a period whose end is not after its start. */
export function invalidPeriod(from: string, to: string): InvalidArgumentError {
  return new InvalidArgumentError('STATISTICS.INVALID_PERIOD', `Expected 'to' to be later than 'from' but got from ${from} and to ${to}`);
}
