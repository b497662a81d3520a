import type { SubProcessNode } from '#bpmn';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * An embedded subprocess is a variable scope: it starts at its none start event and completes
 * (with its output mappings) when nothing is left active inside; termination ends its children.
 */
export const subProcessBehaviour: ElementBehaviour<SubProcessNode> = {
  onActivate: (context) => ({ startScope: context.node.startEventId }),
};
