import { eventDefinitions } from '../parse/zeebe-extensions.js';
import { isA, type ModdleElement } from '../parse/moddle-element.js';

/** The trigger of an event, as modelers name it: `none`, `message`, `timer`, ... or `multiple`. */
export type EventKind =
  | 'none'
  | 'message'
  | 'timer'
  | 'signal'
  | 'conditional'
  | 'error'
  | 'escalation'
  | 'compensation'
  | 'link'
  | 'cancel'
  | 'terminate'
  | 'multiple'
  | 'unknown';

const KIND_BY_DEFINITION: Record<string, EventKind> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ConditionalEventDefinition': 'conditional',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:CompensateEventDefinition': 'compensation',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CancelEventDefinition': 'cancel',
  'bpmn:TerminateEventDefinition': 'terminate',
};

/** The kind of an event from its event definitions (`none` without any, `multiple` with several). */
export function eventKind(event: ModdleElement): EventKind {
  const definitions = eventDefinitions(event);
  if (definitions.length === 0) return 'none';
  if (definitions.length > 1) return 'multiple';
  return KIND_BY_DEFINITION[definitions[0]!.$type] ?? 'unknown';
}

/** True for an event subprocess (`bpmn:subProcess triggeredByEvent="true"`): started by its start event's trigger, never by a flow. */
export function isEventSubProcess(element: ModdleElement | undefined): boolean {
  return element !== undefined && isA(element, 'bpmn:SubProcess') && element['triggeredByEvent'] === true;
}

/**
 * Whether a catch event interrupts: `cancelActivity` of a boundary event, `isInterrupting` of a
 * start event (both default to true in BPMN); other events interrupt nothing and answer true.
 */
export function isInterrupting(event: ModdleElement): boolean {
  if (event.$type === 'bpmn:BoundaryEvent') return event['cancelActivity'] !== false;
  if (event.$type === 'bpmn:StartEvent') return event['isInterrupting'] !== false;
  return true;
}

/** The timer event definition of an event, if it has one. */
export function timerOf(event: ModdleElement): ModdleElement | undefined {
  return eventDefinitions(event).find((definition) => definition.$type === 'bpmn:TimerEventDefinition');
}
