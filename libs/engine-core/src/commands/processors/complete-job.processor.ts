import type { CommandProcessor } from '../command-processor.js';
import { jobFor } from './job-guard.js';

/** A worker completed its job: the element completes with the job's variables (an execution listener's job: the element goes on, listeners.md). */
export const completeJob: CommandProcessor<'COMPLETE_JOB'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const found = jobFor(state, command.jobKey, ['CREATED', 'ACTIVATED', 'FAILED'], 'completed');
    if ('kind' in found) return found;
    lifecycle.emit({ type: 'JOB_COMPLETED', jobKey: found.job.jobKey, elementInstanceKey: found.element.elementInstanceKey });
    if (found.job.kind === 'EXECUTION_LISTENER') lifecycle.completeExecutionListener(found.job, command.variables);
    else lifecycle.completeWaiting(found.element.elementInstanceKey, command.variables);
    return undefined;
  },
};
