import { rejection } from '../engine-command.js';
import type { CommandProcessor } from '../command-processor.js';

/**
 * A message reaches the instance (Camunda 8: docs.camunda.io/docs/components/concepts/messages/):
 * the oldest open message subscription with its name and correlation key triggers — once per
 * instance and message, whatever else waits for it — with the message's variables. Refused with
 * MESSAGE.NO_SUBSCRIPTION when nothing here waits for it (any more).
 */
export const correlateMessage: CommandProcessor<'CORRELATE_MESSAGE'> = {
  instance: 'active',
  process(command, { state, lifecycle }) {
    const subscription = state
      .openSubscriptions()
      .find((candidate) => candidate.kind === 'message' && candidate.name === command.messageName && candidate.correlationKey === command.correlationKey);
    const owner = subscription ? state.element(subscription.elementInstanceKey) : undefined;
    if (!subscription || !owner) {
      return rejection('MESSAGE.NO_SUBSCRIPTION', `Process instance ${state.instance!.processInstanceKey} waits for no message '${command.messageName}' with correlation key '${command.correlationKey}'`);
    }
    lifecycle.emit({
      type: 'MESSAGE_CORRELATED',
      subscriptionKey: subscription.subscriptionKey,
      elementInstanceKey: owner.elementInstanceKey,
      elementId: subscription.elementId,
      messageKey: command.messageKey,
      messageName: command.messageName,
      correlationKey: command.correlationKey,
      variableNames: Object.keys(command.variables),
    });
    lifecycle.triggerSubscription(subscription, owner, command.variables);
    return undefined;
  },
};
