import type { SubProcessNode } from '#bpmn';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * An event subprocess is started by the trigger of its start event (timer, message, signal,
 * error, escalation, condition) inside its scope — the lifecycle interrupts the scope first for an
 * interrupting one — and begins at that start event with the trigger's variables. Like an
 * embedded subprocess it is a variable scope and completes when nothing is left active inside.
 */
export const eventSubProcessBehaviour: ElementBehaviour<SubProcessNode> = {
  onActivate: (context) => ({ startScope: context.node.startEventId, trigger: context.trigger ?? {} }),
};
