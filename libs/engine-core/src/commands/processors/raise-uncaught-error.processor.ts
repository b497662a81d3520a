import { Failure } from '../../failure.js';
import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';

/**
 * No calling instance caught an error this instance threw (sent by the executor): the incident
 * UNHANDLED_ERROR_EVENT is raised at the element that threw it, as Zeebe does — resolving it
 * offers its job again, or runs its error end event again. Refused when the thrower does not wait
 * for it any more (it was canceled meanwhile).
 */
export const raiseUncaughtError: CommandProcessor<'RAISE_UNCAUGHT_ERROR'> = {
  instance: 'active',
  process(command, { state, lifecycle }) {
    const thrower = state.element(command.elementInstanceKey);
    const waiting = command.retry === 'JOB' ? thrower?.lifecycle === 'ACTIVATED' : thrower?.lifecycle === 'ACTIVATING';
    if (!thrower || !waiting) {
      return rejection('ELEMENT_INSTANCE.NOT_ACTIVE', `Element instance ${command.elementInstanceKey} no longer waits for its error '${command.errorCode}' to be caught`);
    }
    lifecycle.raiseIncident(thrower, new Failure('UNHANDLED_ERROR_EVENT', command.incidentMessage), command.retry, command.jobKey);
    return undefined;
  },
};
