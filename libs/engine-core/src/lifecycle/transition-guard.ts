import type { EngineEvent } from '../events/engine-event.js';
import type { Lifecycle } from '../state/records.js';

/** Zeebe's element lifecycle as a table: from each state, the states an element may move to. */
const LEGAL: Record<Lifecycle, readonly Lifecycle[]> = {
  ACTIVATING: ['ACTIVATED', 'TERMINATING'],
  ACTIVATED: ['COMPLETING', 'TERMINATING'],
  // An element held at COMPLETING by an incident (a failed output mapping) may still be terminated.
  COMPLETING: ['COMPLETED', 'TERMINATING'],
  COMPLETED: [],
  TERMINATING: ['TERMINATED'],
  TERMINATED: [],
};

/** An ELEMENT_* transition the lifecycle does not allow; the command is refused with it. */
export interface IllegalTransition {
  elementInstanceKey: string;
  elementId: string;
  from: Lifecycle | 'NEW' | 'UNKNOWN';
  to: Lifecycle;
}

/**
 * The one guard of element transitions: a new element instance starts ACTIVATING, and each
 * ELEMENT_* event must follow {@link LEGAL}. Returns the illegal transition as a value, or
 * undefined when the move is allowed.
 */
export function checkTransition(element: { elementInstanceKey: string; elementId: string; lifecycle: Lifecycle } | undefined, to: Lifecycle, target: { elementInstanceKey: string; elementId: string }): IllegalTransition | undefined {
  if (to === 'ACTIVATING') return element ? { ...target, from: element.lifecycle, to } : undefined;
  if (!element) return { ...target, from: 'UNKNOWN', to };
  return LEGAL[element.lifecycle].includes(to) ? undefined : { ...target, from: element.lifecycle, to };
}

/** Zeebe's wording for a refused transition. */
export function illegalTransitionMessage(illegal: IllegalTransition): string {
  const from = illegal.from === 'UNKNOWN' ? 'unknown' : illegal.from === 'NEW' ? 'new' : illegal.from;
  return `Expected element instance ${illegal.elementInstanceKey} ('${illegal.elementId}') to move from ${from} to ${illegal.to}, but the element lifecycle does not allow that transition`;
}

const TRANSITIONS: Partial<Record<EngineEvent['type'], Lifecycle>> = {
  ELEMENT_ACTIVATING: 'ACTIVATING',
  ELEMENT_ACTIVATED: 'ACTIVATED',
  ELEMENT_COMPLETING: 'COMPLETING',
  ELEMENT_COMPLETED: 'COMPLETED',
  ELEMENT_TERMINATING: 'TERMINATING',
  ELEMENT_TERMINATED: 'TERMINATED',
};

/** The lifecycle state an ELEMENT_* event moves its element to; undefined for other events. */
export function targetLifecycle(event: EngineEvent): Lifecycle | undefined {
  return TRANSITIONS[event.type];
}
