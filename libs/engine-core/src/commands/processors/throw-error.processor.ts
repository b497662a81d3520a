import { throwErrorFrom } from '../../lifecycle/error-propagation.js';
import { Failure } from '../../failure.js';
import type { CommandProcessor } from '../command-processor.js';
import { jobFor } from './job-guard.js';

/**
 * A worker threw a BPMN error from its job: caught by a boundary event, handed to the parent
 * instance, or an incident UNHANDLED_ERROR_EVENT whose resolution offers the job again.
 */
export const throwError: CommandProcessor<'THROW_ERROR'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const found = jobFor(state, command.jobKey, ['ACTIVATED'], 'given an error');
    if ('kind' in found) return found;
    const { job, element } = found;
    lifecycle.emit({ type: 'JOB_ERROR_THROWN', jobKey: job.jobKey, elementInstanceKey: element.elementInstanceKey, errorCode: command.errorCode, errorMessage: command.errorMessage });
    if (job.kind) {
      // Camunda does not support BPMN errors from listener jobs: the element waits behind an incident; resolving it offers the job again.
      const listener = job.kind === 'EXECUTION_LISTENER' ? 'an execution listener' : 'a user task listener';
      const message = `Expected to complete or fail the job of ${listener} (${job.listenerEventType?.toLowerCase()} of '${element.elementId}'), but it threw the BPMN error '${command.errorCode}': throwing BPMN errors from listener jobs is not supported`;
      lifecycle.raiseIncident(element, new Failure('UNHANDLED_ERROR_EVENT', message), 'JOB', job.jobKey);
      return undefined;
    }
    throwErrorFrom(lifecycle, element, command, 'JOB', job.jobKey);
    return undefined;
  },
};
