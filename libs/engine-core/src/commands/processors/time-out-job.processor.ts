import type { CommandProcessor } from '../command-processor.js';
import { jobFor } from './job-guard.js';

/** The worker that activated a job missed its deadline: the job is offered again, retries unchanged. */
export const timeOutJob: CommandProcessor<'TIME_OUT_JOB'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const found = jobFor(state, command.jobKey, ['ACTIVATED'], 'timed out');
    if ('kind' in found) return found;
    lifecycle.emit({ type: 'JOB_TIMED_OUT', jobKey: found.job.jobKey, elementInstanceKey: found.element.elementInstanceKey });
    return undefined;
  },
};
