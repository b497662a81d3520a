import { eventDefinitions } from '../parse/zeebe-extensions.js';
import type { ModdleElement } from '../parse/moddle-element.js';

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
