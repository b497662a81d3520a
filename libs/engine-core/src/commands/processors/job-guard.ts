import type { InstanceState } from '../../state/instance-state.js';
import type { ElementInstanceRecord, JobRecord, JobState, Lifecycle } from '../../state/records.js';
import { endedElement } from '../../processing/task-listeners.js';
import { rejection, type Rejection } from '../engine-command.js';

/**
 * The job a job command names, if the command may act on it now: the job exists, is in one of
 * `states`, and its element still waits for it. Otherwise the rejection (404 / 409) to answer;
 * a job of an instance that ended is not found (404 JOB.NOT_FOUND), whatever the command.
 */
export function jobFor(state: InstanceState, jobKey: string, states: readonly JobState[], verb: string): { job: JobRecord; element: ElementInstanceRecord } | Rejection {
  const job = state.jobs.get(jobKey);
  if (!job) {
    // The job of an instance that ended is gone with it: 404, as Camunda answers (not a 409 about the instance).
    const instance = state.instance;
    if (instance && instance.state !== 'ACTIVE') return rejection('JOB.NOT_FOUND', `Job ${jobKey} is not active: its process instance ${instance.processInstanceKey} has ended`);
    return rejection('JOB.NOT_FOUND', `No job with key ${jobKey}`);
  }
  if (!states.includes(job.state)) {
    return rejection(job.state === 'ACTIVATED' || job.state === 'CREATED' ? 'JOB.NOT_ACTIVATED' : 'JOB.NOT_ACTIVE', `Job ${job.jobKey} is ${job.state.toLowerCase()}; it cannot be ${verb}`);
  }
  // A canceling task listener runs after its element was terminated (it is no longer loaded).
  if (job.listenerEventType === 'CANCELING') return { job, element: state.element(job.elementInstanceKey) ?? endedElement(job, state.instance!.processInstanceKey) };
  const element = state.element(job.elementInstanceKey);
  if (!element || element.lifecycle !== waitingLifecycle(job)) return rejection('JOB.ELEMENT_NOT_WAITING', `The element of job ${job.jobKey} is not waiting for it`);
  return { job, element };
}

/**
 * Where an element waits for a job: a start listener's while ACTIVATING, an end listener's while
 * COMPLETING, its own job and its user task's listeners while ACTIVATED.
 */
function waitingLifecycle(job: JobRecord): Lifecycle {
  if (job.listenerEventType === 'START') return 'ACTIVATING';
  if (job.listenerEventType === 'END') return 'COMPLETING';
  return 'ACTIVATED';
}
