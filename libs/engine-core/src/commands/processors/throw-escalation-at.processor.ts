import type { CommandProcessor } from '../command-processor.js';
import { waitingCallActivity } from './call-guard.js';

/**
 * An escalation nothing in a called child caught, thrown again at its call activity (sent by the
 * executor): the nearest catch event here takes it, or it goes on to this instance's caller, or
 * nothing catches it and the instance goes on.
 */
export const throwEscalationAt: CommandProcessor<'THROW_ESCALATION_AT'> = {
  instance: 'active',
  process(command, { state, lifecycle }) {
    const element = waitingCallActivity(state, command.elementInstanceKey, command.childProcessInstanceKey);
    if ('kind' in element) return element;
    lifecycle.throwEscalation(element, command.escalationCode, command.variables);
    return undefined;
  },
};
