import { throwErrorFrom } from '../../lifecycle/error-propagation.js';
import type { CommandProcessor } from '../command-processor.js';
import { waitingCallActivity } from './call-guard.js';

/**
 * A BPMN error nothing in a called child caught, thrown again at its call activity (sent by the
 * executor). Caught here or above, the child ends with the call activity; caught nowhere, the
 * incident goes back to where the error was first thrown (`origin`).
 */
export const throwErrorAt: CommandProcessor<'THROW_ERROR_AT'> = {
  instance: 'active',
  process(command, { state, lifecycle }) {
    const element = waitingCallActivity(state, command.elementInstanceKey, command.childProcessInstanceKey);
    if ('kind' in element) return element;
    throwErrorFrom(lifecycle, element, command, 'CALL', null, command.origin);
    return undefined;
  },
};
