import { Failure } from '../../failure.js';
import type { CommandProcessor } from '../command-processor.js';
import { waitingCallActivity } from './call-guard.js';

/** The called process is not deployed (sent by the executor): incident CALLED_ELEMENT_ERROR; resolving it calls again. */
export const calledElementNotFound: CommandProcessor<'CALLED_ELEMENT_NOT_FOUND'> = {
  instance: 'active',
  process(command, { state, lifecycle }) {
    const element = waitingCallActivity(state, command.elementInstanceKey, command.childProcessInstanceKey);
    if ('kind' in element) return element;
    lifecycle.raiseIncident(element, new Failure('CALLED_ELEMENT_ERROR', command.message), 'CALL');
    return undefined;
  },
};
