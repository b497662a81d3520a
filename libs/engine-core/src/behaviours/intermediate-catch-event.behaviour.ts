import type { IntermediateCatchEventNode } from '#bpmn';
import { completeAtOnce, type ElementBehaviour } from './element-behaviour.js';

/**
 * An intermediate catch event waits for its trigger: a timer, a message (its subscription opened
 * with the name and correlation key evaluated now), a signal or a condition (Camunda 8:
 * docs.camunda.io/docs/components/modeler/bpmn/events/). The lifecycle opens what it waits for
 * and completes it with the trigger's variables when it happens. A link catch event continues at
 * once (its link throw events jump to it); one activated by a trigger (after an event-based
 * gateway) completes at once with the trigger's variables.
 */
export const intermediateCatchEventBehaviour: ElementBehaviour<IntermediateCatchEventNode> = {
  onActivate: (context) => {
    if (context.trigger) return { complete: undefined, result: context.trigger };
    return context.node.trigger.kind === 'link' ? completeAtOnce : 'wait';
  },
};
