import type { BoundaryEventNode } from '#bpmn';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * An interrupting boundary event is activated by the lifecycle once its trigger fired (its timer,
 * or an error caught from its activity) and the activity was terminated; it completes at once
 * with what the trigger brought (a caught error's variables: with output mappings they are its
 * local variables for the mappings to read, without they propagate — Zeebe's rule for event
 * variables) and takes its outgoing flows. The timers themselves are created and canceled with
 * the activity (services.ts).
 */
export const boundaryEventBehaviour: ElementBehaviour<BoundaryEventNode> = {
  onActivate: (context) => ({ complete: undefined, ...(context.trigger ? { result: context.trigger } : {}) }),
};
