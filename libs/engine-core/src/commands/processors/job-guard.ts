import type { InstanceState } from '../../state/instance-state.js';
import type { ElementInstanceRecord, JobRecord, JobState } from '../../state/records.js';
import { rejection, type Rejection } from '../engine-command.js';

/**
 * The job a job command names, if the command may act on it now: the job exists, is in one of
 * `states`, and its element still waits for it. Otherwise the rejection (404 / 409) to answer.
 */
export function jobFor(state: InstanceState, jobKey: string, states: readonly JobState[], verb: string): { job: JobRecord; element: ElementInstanceRecord } | Rejection {
  const job = state.jobs.get(jobKey);
  if (!job) return rejection('NOT_FOUND', 'JOB.NOT_FOUND', `No job with key ${jobKey}`);
  if (!states.includes(job.state)) {
    return rejection('INVALID_STATE', job.state === 'ACTIVATED' || job.state === 'CREATED' ? 'JOB.NOT_ACTIVATED' : 'JOB.NOT_ACTIVE', `Job ${job.jobKey} is ${job.state.toLowerCase()}; it cannot be ${verb}`);
  }
  const element = state.element(job.elementInstanceKey);
  if (element?.lifecycle !== 'ACTIVATED') return rejection('INVALID_STATE', 'JOB.ELEMENT_NOT_WAITING', `The element of job ${job.jobKey} is not waiting for it`);
  return { job, element };
}
