import { parseRetryBackoff, retryBackoffMs } from '#bpmn';
import { Failure } from '../../failure.js';
import type { IncidentErrorType, JobRecord } from '../../state/records.js';
import type { CommandProcessor } from '../command-processor.js';
import { jobFor } from './job-guard.js';

/**
 * A worker failed its job: with retries left it is offered again after the backoff; with none, an
 * incident JOB_NO_RETRIES holds the element until retries are given and the incident resolved.
 * The failure's variables become local variables of the element.
 */
export const failJob: CommandProcessor<'FAIL_JOB'> = {
  instance: 'present',
  process(command, { state, env, lifecycle }) {
    const found = jobFor(state, command.jobKey, ['ACTIVATED'], 'failed');
    if ('kind' in found) return found;
    const { job, element } = found;
    if (element.lifecycle !== 'TERMINATED') lifecycle.variables.setLocalDocument(element.elementInstanceKey, command.variables);
    const retries = Math.max(0, command.retries);
    const retryAt = retries > 0 ? retryInstant(env.now, command.retryBackOffMs, job) : null;
    lifecycle.emit({ type: 'JOB_FAILED', jobKey: job.jobKey, elementInstanceKey: element.elementInstanceKey, retries, retryAt, errorMessage: command.errorMessage });
    // A canceling task listener's element has ended: there is nothing to hold with an incident (docs/listeners.md).
    if (retries === 0 && job.listenerEventType !== 'CANCELING') {
      const message = command.errorMessage?.trim() ? command.errorMessage : 'No more retries left.';
      lifecycle.raiseIncident(element, new Failure(noRetriesType(job), message), 'JOB', job.jobKey);
    }
    return undefined;
  },
};

/**
 * When a failed job may run again: after the worker's backoff (`retryBackOff` > 0 wins), else
 * after the backoff the model declares in its task headers — `retryBackoff` (ISO-8601 duration)
 * times `retryBackoffMultiplier`^(failures - 1), at most `retryBackoffMax`, counting this
 * failure — else at once. Headers the deployment could not read (a definition deployed before
 * they were validated) mean no backoff.
 */
function retryInstant(now: string, backOffMs: number | null, job: JobRecord): string | null {
  if (backOffMs !== null && backOffMs > 0) return new Date(Date.parse(now) + backOffMs).toISOString();
  const parsed = parseRetryBackoff(job.customHeaders);
  if (!parsed.ok || !parsed.policy) return null;
  const backoff = retryBackoffMs(parsed.policy, (job.failureCount ?? 0) + 1);
  return backoff > 0 ? new Date(Date.parse(now) + backoff).toISOString() : null;
}

/** Camunda's incident type of a job without retries: a listener's job has its own. */
export function noRetriesType(job: JobRecord): IncidentErrorType {
  if (job.kind === 'EXECUTION_LISTENER') return 'EXECUTION_LISTENER_NO_RETRIES';
  if (job.kind === 'TASK_LISTENER') return 'TASK_LISTENER_NO_RETRIES';
  return 'JOB_NO_RETRIES';
}
