import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';

/**
 * Terminates the whole instance. A called instance ends with its call activity: only the
 * executor cancels it (`byParent`), as in Zeebe.
 */
export const cancelProcessInstance: CommandProcessor<'CANCEL_PROCESS_INSTANCE'> = {
  instance: 'active',
  process(command, { state, lifecycle }) {
    const instance = state.instance!;
    if (instance.parentProcessInstanceKey && !command.byParent) {
      return rejection(
        'INVALID_STATE',
        'PROCESS_INSTANCE.IS_CALLED',
        `Expected to cancel a root process instance, but ${instance.processInstanceKey} was created by a call activity of process instance ${instance.parentProcessInstanceKey}; cancel that one instead`,
      );
    }
    lifecycle.terminate(instance.processInstanceKey);
    return undefined;
  },
};
