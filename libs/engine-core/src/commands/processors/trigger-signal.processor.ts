import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';

/**
 * A broadcast signal reaches the instance (Camunda 8: docs.camunda.io/docs/components/concepts/signals/):
 * every open subscription for the signal's name triggers with its variables, oldest first; one
 * that an earlier interrupting trigger closed is skipped. Refused with SIGNAL.NO_SUBSCRIPTION when
 * nothing here waits for it (any more).
 */
export const triggerSignal: CommandProcessor<'TRIGGER_SIGNAL'> = {
  instance: 'active',
  process(command, { state, lifecycle }) {
    const subscriptions = state.openSubscriptions().filter((candidate) => candidate.kind === 'signal' && candidate.name === command.signalName);
    if (subscriptions.length === 0) {
      return rejection('SIGNAL.NO_SUBSCRIPTION', `Process instance ${state.instance!.processInstanceKey} waits for no signal '${command.signalName}'`);
    }
    for (const subscription of subscriptions) {
      if (state.subscriptions.get(subscription.subscriptionKey)?.state !== 'OPEN') continue;
      const owner = state.element(subscription.elementInstanceKey);
      if (!owner) continue;
      lifecycle.emit({
        type: 'SIGNAL_CAUGHT',
        subscriptionKey: subscription.subscriptionKey,
        elementInstanceKey: owner.elementInstanceKey,
        elementId: subscription.elementId,
        signalKey: command.signalKey,
        signalName: command.signalName,
        variableNames: Object.keys(command.variables),
      });
      lifecycle.triggerSubscription(subscription, owner, command.variables);
    }
    return undefined;
  },
};
