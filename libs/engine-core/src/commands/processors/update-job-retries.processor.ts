import type { CommandProcessor } from '../command-processor.js';
import { jobFor } from './job-guard.js';

/** New retries for a job (before resolving its JOB_NO_RETRIES incident, typically). */
export const updateJobRetries: CommandProcessor<'UPDATE_JOB_RETRIES'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const found = jobFor(state, command.jobKey, ['CREATED', 'ACTIVATED', 'FAILED', 'ERROR_THROWN'], 'updated');
    if ('kind' in found) return found;
    const { job, element } = found;
    if (command.retries !== job.retries) lifecycle.emit({ type: 'JOB_RETRIES_UPDATED', jobKey: job.jobKey, elementInstanceKey: element.elementInstanceKey, retries: command.retries });
    return undefined;
  },
};
