import { addIsoDuration, parseIsoDuration } from '#bpmn';
import { Failure } from '../../failure.js';
import type { IncidentErrorType, JobRecord } from '../../state/records.js';
import type { CommandProcessor } from '../command-processor.js';
import { jobFor } from './job-guard.js';

/** The custom header a model may use to declare the backoff between retries (ISO-8601 duration). */
export const RETRY_BACKOFF_HEADER = 'retryBackoff';

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
 * When a failed job may run again: after the worker's backoff, or the model's `retryBackoff`
 * header (ISO-8601 duration, e.g. PT30S), or at once. An unreadable header means no backoff.
 */
function retryInstant(now: string, backOffMs: number | null, job: JobRecord): string | null {
  if (backOffMs !== null) return backOffMs > 0 ? new Date(Date.parse(now) + backOffMs).toISOString() : null;
  const header = job.customHeaders[RETRY_BACKOFF_HEADER];
  if (!header) return null;
  const duration = parseIsoDuration(header.trim());
  if (!duration.ok) return null;
  const at = addIsoDuration(new Date(now), duration.value);
  return at.getTime() > Date.parse(now) ? at.toISOString() : null;
}

/** Camunda's incident type of a job without retries: a listener's job has its own. */
export function noRetriesType(job: JobRecord): IncidentErrorType {
  if (job.kind === 'EXECUTION_LISTENER') return 'EXECUTION_LISTENER_NO_RETRIES';
  if (job.kind === 'TASK_LISTENER') return 'TASK_LISTENER_NO_RETRIES';
  return 'JOB_NO_RETRIES';
}
