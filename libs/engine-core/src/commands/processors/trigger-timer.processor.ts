import { externalState } from '../../state/records.js';
import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';

/** A due timer fires: its catch event completes, or its boundary event interrupts the activity. */
export const triggerTimer: CommandProcessor<'TRIGGER_TIMER'> = {
  instance: 'active',
  process(command, { state, env, lifecycle }) {
    const timer = state.timers.get(command.timerKey);
    if (!timer) return rejection('TIMER.NOT_FOUND', `No timer with key ${command.timerKey}`);
    if (timer.state !== 'ACTIVE') return rejection('TIMER.NOT_ACTIVE', `Timer ${timer.timerKey} is ${timer.state.toLowerCase()}`);
    if (Date.parse(env.now) < Date.parse(timer.dueDate)) {
      return rejection('TIMER.NOT_DUE', `Timer ${timer.timerKey} is due at ${timer.dueDate}, not yet at ${env.now}`);
    }
    const owner = state.element(timer.elementInstanceKey);
    if (!owner || externalState(owner.lifecycle) !== 'ACTIVE') {
      return rejection('TIMER.ELEMENT_NOT_ACTIVE', `The element instance of timer ${timer.timerKey} is not active`);
    }
    lifecycle.emit({ type: 'TIMER_TRIGGERED', timerKey: timer.timerKey, elementInstanceKey: timer.elementInstanceKey, elementId: timer.elementId });
    const node = lifecycle.node(timer.elementId);
    if (node.type === 'bpmn:BoundaryEvent') lifecycle.triggerBoundaryEvent(node, owner, {});
    else lifecycle.startCompletion(owner.elementInstanceKey, undefined, undefined);
    return undefined;
  },
};
