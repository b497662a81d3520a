import { throwErrorFrom } from '../../lifecycle/error-propagation.js';
import type { CommandProcessor } from '../command-processor.js';
import { jobFor } from './job-guard.js';

/**
 * A worker threw a BPMN error from its job: caught by a boundary event, handed to the parent
 * instance, or an incident UNHANDLED_ERROR_EVENT whose resolution offers the job again.
 */
export const throwError: CommandProcessor<'THROW_ERROR'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const found = jobFor(state, command.jobKey, ['ACTIVATED'], 'given an error');
    if ('kind' in found) return found;
    const { job, element } = found;
    lifecycle.emit({ type: 'JOB_ERROR_THROWN', jobKey: job.jobKey, elementInstanceKey: element.elementInstanceKey, errorCode: command.errorCode, errorMessage: command.errorMessage });
    throwErrorFrom(lifecycle, element, command, 'JOB', job.jobKey);
    return undefined;
  },
};
