import { TASK_LISTENER_EVENT_TYPES, type TaskListenerEventType } from '../model/executable-process.js';

/**
 * The task listener event names of Camunda 8.6 and 8.7 (`create`, `assignment`, `update`,
 * `complete`, `cancel`) that models made with older modelers still carry, and the 8.8 name each
 * means. Zeebe 8.8 reads both.
 */
const LEGACY_TASK_LISTENER_EVENTS: Record<string, TaskListenerEventType> = {
  create: 'creating',
  assignment: 'assigning',
  update: 'updating',
  complete: 'completing',
  cancel: 'canceling',
};

/** The 8.8 name of a task listener's `eventType` (legacy names translated), or undefined when it names no user task event. */
export function taskListenerEventType(raw: string | undefined): TaskListenerEventType | undefined {
  const name = (raw ?? '').trim();
  if ((TASK_LISTENER_EVENT_TYPES as readonly string[]).includes(name)) return name as TaskListenerEventType;
  return LEGACY_TASK_LISTENER_EVENTS[name];
}
