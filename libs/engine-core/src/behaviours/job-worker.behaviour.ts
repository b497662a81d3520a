import type { JobDefinition } from '#bpmn';
import { Failure } from '../failure.js';
import { completeAtOnce, type ActivationOutcome, type ElementBehaviour, type ElementContext } from './element-behaviour.js';

/**
 * Creates the element's job and waits for it to be completed (service, send and business rule
 * tasks, script tasks with a job, message throw and end events): Zeebe's job worker behaviour.
 */
export function createJob(context: ElementContext, job: JobDefinition): ActivationOutcome | Failure {
  const { services, instance } = context;
  const variables = context.variables();
  const type = services.evaluator.string(job.type, variables);
  if (type instanceof Failure) return type;
  if (type.trim() === '') return new Failure('EXTRACT_VALUE_ERROR', `Expected a non-empty job type for '${instance.elementId}' but the expression gave an empty string`);
  const retries = services.evaluator.integer(job.retries, variables, 0, 2_147_483_647);
  if (retries instanceof Failure) return retries;
  services.emit({
    type: 'JOB_CREATED',
    job: {
      jobKey: services.nextKey(),
      elementInstanceKey: instance.elementInstanceKey,
      elementId: instance.elementId,
      type,
      state: 'CREATED',
      retries,
      customHeaders: { ...job.headers },
      createdAt: services.now,
      retryAt: null,
      errorMessage: null,
      activatable: true,
    },
  });
  return 'wait';
}

/** Cancels the element's job when the element is terminated. */
export function cancelJob(context: ElementContext): void {
  const job = context.services.state.jobOf(context.instance.elementInstanceKey);
  if (job) context.services.emit({ type: 'JOB_CANCELED', jobKey: job.jobKey, elementInstanceKey: context.instance.elementInstanceKey });
}

type JobNode = { job?: JobDefinition };

/** Elements that always work through a job, or pass through when they have none (none events). */
export const jobWorkerBehaviour: ElementBehaviour = {
  onActivate: (context) => {
    const job = (context.node as JobNode).job;
    return job ? createJob(context, job) : completeAtOnce;
  },
  onTerminate: cancelJob,
};
