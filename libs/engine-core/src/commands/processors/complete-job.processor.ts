import type { CommandProcessor } from '../command-processor.js';
import { completeAdHocJob } from './ad-hoc-job.js';
import { jobFor } from './job-guard.js';

/** A worker completed its job: the element completes with the job's variables. */
export const completeJob: CommandProcessor<'COMPLETE_JOB'> = {
  instance: 'present',
  process(command, context) {
    const { state, lifecycle } = context;
    const found = jobFor(state, command.jobKey, ['CREATED', 'ACTIVATED', 'FAILED'], 'completed');
    if ('kind' in found) return found;
    if (found.element.elementType === 'bpmn:AdHocSubProcess') return completeAdHocJob(command, found, context);
    lifecycle.emit({ type: 'JOB_COMPLETED', jobKey: found.job.jobKey, elementInstanceKey: found.element.elementInstanceKey });
    lifecycle.completeWaiting(found.element.elementInstanceKey, command.variables);
    return undefined;
  },
};
