/** Readers for what an event definition references: the `bpmn:error` or `bpmn:message` of an event. */
import { elementProperty, stringProperty, type ModdleElement } from './moddle-element.js';
import { eventDefinitions } from './zeebe-extensions.js';

/** The error event definition of an event, if it has one. */
export function errorDefinitionOf(event: ModdleElement): ModdleElement | undefined {
  return eventDefinitions(event).find((definition) => definition.$type === 'bpmn:ErrorEventDefinition');
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
  const code = stringProperty(referencedError(event), 'errorCode')?.trim();
  return code === undefined || code === '' ? undefined : code;
}

/** The `bpmn:message` a message event references. */
export function messageOf(event: ModdleElement): ModdleElement | undefined {
  const definition = eventDefinitions(event).find((candidate) => candidate.$type === 'bpmn:MessageEventDefinition');
  return elementProperty(definition, 'messageRef');
}
