import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';

/**
 * Terminates the whole instance. A called instance ends with its call activity: only the
 * executor cancels it (`byParent`), as in Zeebe. Camunda answers a cancellation of an instance
 * that ended as NOT_FOUND; the code and message still say that it ended, and how.
 */
export const cancelProcessInstance: CommandProcessor<'CANCEL_PROCESS_INSTANCE'> = {
  instance: 'present',
  process(command, { state, lifecycle }) {
    const instance = state.instance!;
    if (instance.state !== 'ACTIVE') {
      const how = instance.state === 'COMPLETED' ? 'is already completed' : 'was terminated';
      return rejection('PROCESS_INSTANCE.ENDED', `Process instance ${instance.processInstanceKey} ${how}, so there is nothing to cancel`);
    }
    if (instance.parentProcessInstanceKey && !command.byParent) {
      return rejection(
        'PROCESS_INSTANCE.IS_CALLED',
        `Expected to cancel a root process instance, but ${instance.processInstanceKey} was created by a call activity of process instance ${instance.parentProcessInstanceKey}; cancel that one instead`,
      );
    }
    lifecycle.terminate(instance.processInstanceKey);
    return undefined;
  },
};
