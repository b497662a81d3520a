import type { ExecutionListenerDefinition, ListenerDefinition, TaskListenerDefinition } from '../model/executable-process.js';
import { taskListenerEventType } from '../parse/listener-events.js';
import { elementList, elementProperty, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { extensions } from '../parse/zeebe-extensions.js';
import { valueSource } from './value-source.js';

/** An element's `zeebe:executionListeners` in model order, or undefined when it has none (validated by the `listeners` rule). */
export function compileExecutionListeners(element: ModdleElement): ExecutionListenerDefinition[] | undefined {
  const listeners = listenerElements(element, 'zeebe:ExecutionListeners').map((listener) => {
    const eventType = stringProperty(listener, 'eventType')?.trim() === 'end' ? 'end' : 'start';
    return compileListener(listener, eventType);
  });
  return listeners.length > 0 ? listeners : undefined;
}

/** A user task's `zeebe:taskListeners` in model order (legacy event names translated), or undefined when it has none. */
export function compileTaskListeners(element: ModdleElement): TaskListenerDefinition[] | undefined {
  const listeners = listenerElements(element, 'zeebe:TaskListeners').flatMap((listener) => {
    const eventType = taskListenerEventType(stringProperty(listener, 'eventType'));
    return eventType === undefined ? [] : [compileListener(listener, eventType)];
  });
  return listeners.length > 0 ? listeners : undefined;
}

/** Zeebe's default retries of a listener job. */
const DEFAULT_LISTENER_RETRIES = '3';

function listenerElements(element: ModdleElement, type: string): ModdleElement[] {
  return extensions(element, type).flatMap((list) => elementList(list, 'listeners'));
}

function compileListener<E extends string>(listener: ModdleElement, eventType: E): ListenerDefinition<E> {
  const retries = stringProperty(listener, 'retries')?.trim();
  return {
    eventType,
    type: valueSource((stringProperty(listener, 'type') ?? '').trim()),
    retries: valueSource(retries === undefined || retries === '' ? DEFAULT_LISTENER_RETRIES : retries),
    headers: headersOf(listener),
  };
}

/** A listener's own headers (`headers` of an execution listener in the Zeebe descriptor; task listeners have none). */
function headersOf(listener: ModdleElement): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of elementList(elementProperty(listener, 'headers'), 'values')) {
    const key = stringProperty(header, 'key');
    if (key !== undefined) headers[key] = stringProperty(header, 'value') ?? '';
  }
  return headers;
}
