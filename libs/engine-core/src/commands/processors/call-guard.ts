import type { InstanceState } from '../../state/instance-state.js';
import type { ElementInstanceRecord } from '../../state/records.js';
import { rejection, type Rejection } from '../engine-command.js';

/**
 * The call activity a report about a child instance is for: it must be a call activity, waiting
 * (ACTIVATED) and, when the report names the child, waiting for that child.
 */
export function waitingCallActivity(state: InstanceState, elementInstanceKey: string, childProcessInstanceKey: string | undefined): ElementInstanceRecord | Rejection {
  const element = state.element(elementInstanceKey);
  if (!element) return rejection('ELEMENT_INSTANCE.NOT_FOUND', `No active element instance with key ${elementInstanceKey}`);
  if (element.elementType !== 'bpmn:CallActivity') {
    return rejection('CALL_ACTIVITY.NOT_A_CALL_ACTIVITY', `Element instance ${element.elementInstanceKey} ('${element.elementId}') is not a call activity`);
  }
  if (element.lifecycle !== 'ACTIVATED') {
    return rejection('CALL_ACTIVITY.NOT_WAITING', `Call activity '${element.elementId}' (${element.elementInstanceKey}) is ${element.lifecycle.toLowerCase()}, not waiting for its child`);
  }
  if (childProcessInstanceKey !== undefined && childProcessInstanceKey !== element.calledProcessInstanceKey) {
    return rejection(
      'CALL_ACTIVITY.OTHER_CHILD',
      `Call activity '${element.elementId}' (${element.elementInstanceKey}) waits for child instance ${element.calledProcessInstanceKey ?? 'none'}, not ${childProcessInstanceKey}`,
    );
  }
  return element;
}
