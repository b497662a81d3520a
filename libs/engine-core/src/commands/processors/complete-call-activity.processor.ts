import type { CallActivityNode } from '#bpmn';
import { childResult } from '../../behaviours/call-activity.behaviour.js';
import type { CommandProcessor } from '../command-processor.js';
import { waitingCallActivity } from './call-guard.js';

/** The child of a call activity completed (sent by the executor): the call activity completes with what comes back. */
export const completeCallActivity: CommandProcessor<'COMPLETE_CALL_ACTIVITY'> = {
  instance: 'active',
  process(command, { state, lifecycle }) {
    const element = waitingCallActivity(state, command.elementInstanceKey, command.childProcessInstanceKey);
    if ('kind' in element) return element;
    const node = lifecycle.node(element.elementId) as CallActivityNode;
    lifecycle.completeWaiting(element.elementInstanceKey, childResult(node, command.variables));
    return undefined;
  },
};
