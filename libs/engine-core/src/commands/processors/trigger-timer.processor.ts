import { externalState } from '../../state/records.js';
import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';

/** A due timer fires: its catch event completes, its boundary event or event subprocess starts (lifecycle/timer-firing.ts). */
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
    lifecycle.triggerTimer(timer, owner);
    return undefined;
  },
};
