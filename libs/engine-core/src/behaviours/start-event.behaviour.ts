import type { StartEventNode } from '#bpmn';
import { completeAtOnce, type ElementBehaviour } from './element-behaviour.js';

/**
 * A start event completes at once. The start event of an event subprocess completes with the
 * variables of what triggered it (a message's, a signal's, a caught error's), which are
 * propagated like a catch event's (or go through its output mappings).
 */
export const startEventBehaviour: ElementBehaviour<StartEventNode> = {
  onActivate: (context) => (context.trigger ? { complete: undefined, result: context.trigger } : completeAtOnce),
};
