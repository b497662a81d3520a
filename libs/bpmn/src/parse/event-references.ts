/**
 * Readers for what an event (or a receive task) references: its event definition of a kind, and
 * the `bpmn:error`, `bpmn:message`, `bpmn:signal` or `bpmn:escalation` root element behind it.
 */
import { elementProperty, stringProperty, type ModdleElement } from './moddle-element.js';
import { eventDefinitions, extension } from './zeebe-extensions.js';

/** The first event definition of the given type (e.g. `'bpmn:SignalEventDefinition'`) of an event, if it has one. */
export function eventDefinitionOf(event: ModdleElement, type: string): ModdleElement | undefined {
  return eventDefinitions(event).find((definition) => definition.$type === type);
}

/** The error event definition of an event, if it has one. */
export function errorDefinitionOf(event: ModdleElement): ModdleElement | undefined {
  return eventDefinitionOf(event, 'bpmn:ErrorEventDefinition');
}

/** The `bpmn:error` an error event references, if any. */
export function referencedError(event: ModdleElement): ModdleElement | undefined {
  return elementProperty(errorDefinitionOf(event), 'errorRef');
}

/**
 * The error code an error catch event catches, trimmed; undefined for a catch-all (no error
 * reference, or an error without code: Camunda 8.2+ catch-all events).
 */
export function caughtErrorCode(event: ModdleElement): string | undefined {
  return nonBlank(stringProperty(referencedError(event), 'errorCode'));
}

/**
 * The element that holds the `messageRef` of a message event or receive task: the message event
 * definition of an event, or the receive task itself.
 */
export function messageReferrer(element: ModdleElement): ModdleElement | undefined {
  return element.$type === 'bpmn:ReceiveTask' ? element : eventDefinitionOf(element, 'bpmn:MessageEventDefinition');
}

/** The `bpmn:message` a message event or receive task references. */
export function messageOf(element: ModdleElement): ModdleElement | undefined {
  return elementProperty(messageReferrer(element), 'messageRef');
}

/** The `zeebe:subscription` of a `bpmn:message` (where its correlation key is), if it has one. */
export function subscriptionOf(message: ModdleElement | undefined): ModdleElement | undefined {
  return message === undefined ? undefined : extension(message, 'zeebe:Subscription');
}

/** The `bpmn:signal` a signal event references. */
export function signalOf(event: ModdleElement): ModdleElement | undefined {
  return elementProperty(eventDefinitionOf(event, 'bpmn:SignalEventDefinition'), 'signalRef');
}

/** The `bpmn:escalation` an escalation event references. */
export function escalationOf(event: ModdleElement): ModdleElement | undefined {
  return elementProperty(eventDefinitionOf(event, 'bpmn:EscalationEventDefinition'), 'escalationRef');
}

/**
 * The escalation code an escalation catch event catches, trimmed; undefined for a catch-all (no
 * escalation reference, or an escalation without code), as for errors.
 */
export function caughtEscalationCode(event: ModdleElement): string | undefined {
  return nonBlank(stringProperty(escalationOf(event), 'escalationCode'));
}

/** The name of a link event (`bpmn:linkEventDefinition name`), trimmed; undefined when absent or blank. */
export function linkNameOf(event: ModdleElement): string | undefined {
  return nonBlank(stringProperty(eventDefinitionOf(event, 'bpmn:LinkEventDefinition'), 'name'));
}

/** The trimmed text, or undefined when it is absent or blank. */
export function nonBlank(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
