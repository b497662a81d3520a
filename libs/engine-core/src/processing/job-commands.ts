import { addIsoDuration, parseIsoDuration } from '#bpmn';
import { rejection, type EngineCommand, type Rejection } from '../commands/engine-command.js';
import type { JobRecord, JobState } from '../state/records.js';
import { Failure } from './processing-environment.js';
import type { Processing } from './processing.js';

/** The custom header a model may use to declare the backoff between retries (ISO-8601 duration). */
export const RETRY_BACKOFF_HEADER = 'retryBackoff';

type JobCommand = Extract<EngineCommand, { type: 'COMPLETE_JOB' | 'FAIL_JOB' | 'THROW_ERROR' | 'UPDATE_JOB_RETRIES' | 'TIME_OUT_JOB' }>;

const ALLOWED: Record<JobCommand['type'], { states: JobState[]; verb: string }> = {
  COMPLETE_JOB: { states: ['CREATED', 'ACTIVATED', 'FAILED'], verb: 'completed' },
  FAIL_JOB: { states: ['ACTIVATED'], verb: 'failed' },
  THROW_ERROR: { states: ['ACTIVATED'], verb: 'given an error' },
  UPDATE_JOB_RETRIES: { states: ['CREATED', 'ACTIVATED', 'FAILED', 'ERROR_THROWN'], verb: 'updated' },
  TIME_OUT_JOB: { states: ['ACTIVATED'], verb: 'timed out' },
};

/**
 * What workers (and the deadline sweeper) do to jobs: complete, fail (with retries and backoff,
 * or an incident JOB_NO_RETRIES), throw a BPMN error (caught by a boundary event, handed to the
 * parent instance, or an incident UNHANDLED_ERROR_EVENT), change retries, time out.
 */
export function processJobCommand(processing: Processing, command: JobCommand): Rejection | undefined {
  const { state } = processing;
  const job = state.jobs.get(command.jobKey);
  if (!job) return rejection('NOT_FOUND', 'JOB.NOT_FOUND', `No job with key ${command.jobKey}`);
  const allowed = ALLOWED[command.type];
  if (!allowed.states.includes(job.state)) {
    return rejection('INVALID_STATE', job.state === 'ACTIVATED' || job.state === 'CREATED' ? 'JOB.NOT_ACTIVATED' : 'JOB.NOT_ACTIVE', `Job ${job.jobKey} is ${job.state.toLowerCase()}; it cannot be ${allowed.verb}`);
  }
  const element = state.element(job.elementInstanceKey);
  if (element?.lifecycle !== 'ACTIVATED') return rejection('INVALID_STATE', 'JOB.ELEMENT_NOT_WAITING', `The element of job ${job.jobKey} is not waiting for it`);
  const key = job.elementInstanceKey;

  switch (command.type) {
    case 'COMPLETE_JOB':
      processing.emit({ type: 'JOB_COMPLETED', jobKey: job.jobKey, elementInstanceKey: key });
      processing.completeWaiting(key, command.variables);
      return undefined;

    case 'FAIL_JOB': {
      processing.variables.setLocalDocument(key, command.variables);
      const retries = Math.max(0, command.retries);
      const retryAt = retries > 0 ? retryInstant(processing.env.now, command.retryBackOffMs, job) : null;
      processing.emit({ type: 'JOB_FAILED', jobKey: job.jobKey, elementInstanceKey: key, retries, retryAt, errorMessage: command.errorMessage });
      if (retries === 0) {
        const message = command.errorMessage?.trim() ? command.errorMessage : 'No more retries left.';
        processing.raiseIncident(element, new Failure('JOB_NO_RETRIES', message), 'JOB', job.jobKey);
      }
      return undefined;
    }

    case 'THROW_ERROR':
      processing.emit({ type: 'JOB_ERROR_THROWN', jobKey: job.jobKey, elementInstanceKey: key, errorCode: command.errorCode, errorMessage: command.errorMessage });
      processing.throwErrorFrom(element, command.errorCode, command.errorMessage, command.variables, 'JOB', job.jobKey);
      return undefined;

    case 'UPDATE_JOB_RETRIES':
      if (command.retries !== job.retries) processing.emit({ type: 'JOB_RETRIES_UPDATED', jobKey: job.jobKey, elementInstanceKey: key, retries: command.retries });
      return undefined;

    case 'TIME_OUT_JOB':
      processing.emit({ type: 'JOB_TIMED_OUT', jobKey: job.jobKey, elementInstanceKey: key });
      return undefined;
  }
}

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
