import { elementList, isA, stringProperty, type ModdleElement } from './moddle-element.js';

/**
 * Readers for extension elements (`bpmn:extensionElements`), in particular the Zeebe ones
 * (`zeebe:taskDefinition`, `zeebe:ioMapping`, ...) defined by the zeebe-bpmn-moddle descriptor.
 */

/** The prefix of a legacy embedded form key: `camunda-forms:bpmn:<id of a zeebe:userTaskForm>`. */
export const EMBEDDED_FORM_KEY_PREFIX = 'camunda-forms:bpmn:';

/** Every extension element of `element`, in document order. */
export function extensionValues(element: ModdleElement): ModdleElement[] {
  const container = element['extensionElements'];
  return elementList(container as ModdleElement | undefined, 'values');
}

/** The first extension element of the given type (e.g. `'zeebe:TaskDefinition'`), or undefined. */
export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensionValues(element).find((value) => value.$type === type);
}

/** All extension elements of the given type. */
export function extensions(element: ModdleElement, type: string): ModdleElement[] {
  return extensionValues(element).filter((value) => value.$type === type);
}

/** The event definitions of an event (empty for a none event and for non-events). */
export function eventDefinitions(element: ModdleElement): ModdleElement[] {
  return elementList(element, 'eventDefinitions');
}

/** True for an event with exactly one event definition of the given type, e.g. `'bpmn:MessageEventDefinition'`. */
export function hasEventDefinition(element: ModdleElement, type: string): boolean {
  const definitions = eventDefinitions(element);
  return definitions.length === 1 && isA(definitions[0], type);
}

/** The body of a `bpmn:FormalExpression` property (e.g. `conditionExpression`), trimmed; undefined when absent or blank. */
export function expressionBody(element: ModdleElement | undefined, property: string): string | undefined {
  const expression = element?.[property] as ModdleElement | undefined;
  const body = stringProperty(expression, 'body');
  return body === undefined || body.trim() === '' ? undefined : body.trim();
}

/** The condition of a sequence flow (its `conditionExpression` body), undefined when it has none or it is blank. */
export function conditionOf(flow: ModdleElement): string | undefined {
  return expressionBody(flow, 'conditionExpression');
}
