import { Injectable } from '@nestjs/common';
import { KeyGenerator } from '#engine-core';
import type { Principal } from '../auth/principal.js';
import { BatonError, ConflictError, InvalidArgumentError, NotFoundError } from '../common/errors/index.js';
import { DEFAULT_TENANT } from '../deployments/usecases/create-deployment.usecase.js';
import { CommandExecutor } from '../execution/command-executor.js';
import { MessageStartSubscriptionRepository, type MessageStartSubscription as Subscription } from '../process-definitions/message-start-subscription.repository.js';

/** What one message did: the instances it started, and the processes it did not start again. */
export interface MessageOutcome {
  messageKey: string;
  tenantId: string;
  started: string[];
  /** Processes with an active instance started with the same correlation key (their business id). */
  alreadyRunning: Array<{ processDefinitionId: string; processInstanceKey: string | null }>;
}

/**
 * Publishing and correlating messages. Baton's message subscriptions are message start events:
 * a message starts one instance at each latest process version with a start event for its name.
 * The correlation key becomes the instance's business id, so while that instance is active the
 * same key does not start the process again (as Zeebe: one active instance per correlation key).
 * Intermediate message catch events, receive tasks and buffering (timeToLive) are not supported
 * yet; a message that starts nothing is discarded.
 */
@Injectable()
export class MessageStartUseCase {
  constructor(
    private readonly subscriptionRepository: MessageStartSubscriptionRepository,
    private readonly executor: CommandExecutor,
    private readonly keys: KeyGenerator,
  ) {}

  async publish(message: { name: string; correlationKey?: string; variables?: Record<string, unknown>; tenantId?: string }, principal: Principal): Promise<MessageOutcome> {
    const tenantId = this.tenantOf(message.tenantId);
    const outcome: MessageOutcome = { messageKey: this.keys.next(), tenantId, started: [], alreadyRunning: [] };
    for (const subscription of await this.subscriptions(tenantId, message.name)) {
      await this.start(subscription, message, principal, outcome);
    }
    return outcome;
  }

  /**
   * Like publish, but the message must reach an instance: the first subscribed process (by id) is
   * started; 404 when no process listens for it, 409 when its instance for this key is still active.
   */
  async correlate(message: { name: string; correlationKey?: string; variables?: Record<string, unknown>; tenantId?: string }, principal: Principal): Promise<MessageOutcome & { processInstanceKey: string }> {
    const tenantId = this.tenantOf(message.tenantId);
    const outcome: MessageOutcome = { messageKey: this.keys.next(), tenantId, started: [], alreadyRunning: [] };
    const [subscription] = await this.subscriptions(tenantId, message.name);
    if (!subscription) {
      throw new NotFoundError('MESSAGE.NO_SUBSCRIPTION', `No deployed process has a message start event for message '${message.name}', so nothing can receive it`);
    }
    await this.start(subscription, message, principal, outcome);
    const [running] = outcome.alreadyRunning;
    if (running) {
      throw new ConflictError(
        'MESSAGE.NOT_CORRELATED',
        `Message '${message.name}' was not correlated: an active instance of '${running.processDefinitionId}' started with correlation key '${message.correlationKey}' exists (${running.processInstanceKey})`,
        { processInstanceKey: running.processInstanceKey },
      );
    }
    return { ...outcome, processInstanceKey: outcome.started[0]! };
  }

  private async start(subscription: Subscription, message: { name: string; correlationKey?: string; variables?: Record<string, unknown> }, principal: Principal, outcome: MessageOutcome): Promise<void> {
    const businessId = message.correlationKey ? message.correlationKey : null;
    try {
      const { instance } = await this.executor.createInstance(
        subscription.processDefinitionKey,
        { variables: message.variables ?? {}, businessId, startElementId: subscription.elementId },
        { command: 'PUBLISH_MESSAGE', actor: principal.username },
      );
      outcome.started.push(instance.processInstanceKey);
    } catch (error) {
      if (!(error instanceof BatonError) || error.code !== 'PROCESS_INSTANCE.BUSINESS_ID_IN_USE') throw error;
      const existing = (error.extensions?.processInstanceKey as string | null | undefined) ?? null;
      outcome.alreadyRunning.push({ processDefinitionId: subscription.processDefinitionId, processInstanceKey: existing });
    }
  }

  private async subscriptions(tenantId: string, messageName: string): Promise<Subscription[]> {
    // One start per process, even if two of its start events listen for the same message.
    const byProcess = new Map<string, Subscription>();
    for (const subscription of await this.subscriptionRepository.forMessage(tenantId, messageName)) {
      if (!byProcess.has(subscription.processDefinitionId)) byProcess.set(subscription.processDefinitionId, subscription);
    }
    return [...byProcess.values()];
  }

  private tenantOf(tenantId: string | undefined): string {
    const tenant = tenantId ?? DEFAULT_TENANT;
    if (tenant !== DEFAULT_TENANT) throw new InvalidArgumentError('MESSAGE.UNKNOWN_TENANT', `Baton has one tenant, '${DEFAULT_TENANT}', but the message names '${tenant}'`);
    return tenant;
  }
}
