import { rejection, type EngineCommand, type Rejection } from '../commands/engine-command.js';
import type { Processing } from './processing.js';

type CallActivityCommand = Extract<EngineCommand, { type: 'COMPLETE_CALL_ACTIVITY' | 'CALLED_ELEMENT_NOT_FOUND' | 'THROW_ERROR_AT' }>;

/**
 * What the executor reports back to a call activity about its child instance: it completed, the
 * called process is not deployed, or an error nothing in the child caught. The call activity must
 * be waiting (ACTIVATED) and, when the command names the child, wait for that child.
 */
export function processCallActivityCommand(processing: Processing, command: CallActivityCommand): Rejection | undefined {
  const element = processing.state.element(command.elementInstanceKey);
  if (!element) return rejection('NOT_FOUND', 'ELEMENT_INSTANCE.NOT_FOUND', `No active element instance with key ${command.elementInstanceKey}`);
  if (element.elementType !== 'bpmn:CallActivity') {
    return rejection('INVALID_STATE', 'CALL_ACTIVITY.NOT_A_CALL_ACTIVITY', `Element instance ${element.elementInstanceKey} ('${element.elementId}') is not a call activity`);
  }
  if (element.lifecycle !== 'ACTIVATED') {
    return rejection('INVALID_STATE', 'CALL_ACTIVITY.NOT_WAITING', `Call activity '${element.elementId}' (${element.elementInstanceKey}) is ${element.lifecycle.toLowerCase()}, not waiting for its child`);
  }
  if (command.childProcessInstanceKey !== undefined && command.childProcessInstanceKey !== element.calledProcessInstanceKey) {
    return rejection(
      'INVALID_STATE',
      'CALL_ACTIVITY.OTHER_CHILD',
      `Call activity '${element.elementId}' (${element.elementInstanceKey}) waits for child instance ${element.calledProcessInstanceKey ?? 'none'}, not ${command.childProcessInstanceKey}`,
    );
  }
  switch (command.type) {
    case 'COMPLETE_CALL_ACTIVITY':
      processing.completeCallActivity(element, command.variables);
      return undefined;
    case 'CALLED_ELEMENT_NOT_FOUND':
      processing.calledElementNotFound(element, command.message);
      return undefined;
    case 'THROW_ERROR_AT':
      processing.throwErrorFrom(element, command.errorCode, command.errorMessage, command.variables, 'CALL', null);
      return undefined;
  }
}
