import type { ReceiveTaskNode } from '#bpmn';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * A receive task waits for its message, like an intermediate message catch event, but is an
 * activity: it may have boundary events and be multi-instance (each inner instance waits for its
 * own message). The message's variables complete it (its output mappings, or propagation).
 */
export const receiveTaskBehaviour: ElementBehaviour<ReceiveTaskNode> = {
  onActivate: (context) => (context.trigger ? { complete: undefined, result: context.trigger } : 'wait'),
};
