import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KeyGenerator, type InstanceMessage } from '#engine-core';
import { inTransaction } from '#persistence';
import type { Principal } from '../../auth/principal.js';
import { ConflictError } from '../../common/errors/index.js';
import { CommandExecutor, type ExecutedCommand } from '../../execution/command-executor.js';
import { MessageCorrelations } from '../../execution/message-correlations.js';
import { PendingCommands } from '../../execution/pending-commands.js';
import { CLOCK, WALL_CLOCK, type Clock } from '../../infrastructure/clock.js';
import { EventSubscriptionStore } from '../../stores/event-subscription.store.js';
import { MessageStore } from '../../stores/message.store.js';
import { PendingCommandStore } from '../../stores/pending-command.store.js';
import type { PublishMessageRequestDto } from '../message.dto.js';
import { MessageStarts, type IncomingMessage } from '../message-starts.js';
import { messagingTenant } from './tenant.js';

/**
 * POST /v2/messages/publication (Camunda 8: docs.camunda.io/docs/components/concepts/messages/).
 * In one transaction: the message is buffered for its time to live (a `messageId` a live buffered
 * message with the same name and key has already: 409, nothing published), it starts an instance
 * of every process with a message start event for it, and for every other process with instances
 * waiting for it (an open subscription with its name and correlation key) one CORRELATE_MESSAGE
 * command goes to the oldest such instance through the outbox between instances — a message
 * reaches a process once (Camunda's cardinality). After the commit they are delivered, each under
 * its instance's lock. A subscription that opens later takes a buffered message when it opens.
 */
@Injectable()
export class PublishMessageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly starts: MessageStarts,
    private readonly messages: MessageStore,
    private readonly subscriptions: EventSubscriptionStore,
    private readonly correlations: MessageCorrelations,
    private readonly outbox: PendingCommandStore,
    private readonly executor: CommandExecutor,
    private readonly courier: PendingCommands,
    private readonly keys: KeyGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
  ) {}

  async execute(request: PublishMessageRequestDto, principal: Principal): Promise<{ messageKey: string; tenantId: string }> {
    const message: IncomingMessage = {
      messageKey: this.keys.next(),
      tenantId: messagingTenant(request.tenantId, 'MESSAGE.UNKNOWN_TENANT'),
      name: request.name,
      correlationKey: request.correlationKey ?? '',
      variables: request.variables ?? {},
    };
    const timeToLive = request.timeToLive ?? 0;
    const listeners = await this.starts.listeners(message.tenantId, message.name);
    const origin = { command: 'PUBLISH_MESSAGE', actor: principal.username };

    const { started, deliveries } = await inTransaction(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const expiresAt = new Date(now.getTime() + timeToLive);
      // Buffered first: a subscription being opened right now then either sees the message or is seen below.
      if (timeToLive > 0) {
        const buffered = await this.messages.buffer(manager, { ...message, messageId: request.messageId ?? null, publishedBy: principal.username, publishedAt: now, expiresAt }, now);
        if (buffered === 'duplicate') {
          throw new ConflictError(
            'MESSAGE.ALREADY_EXISTS',
            `Expected to publish a new message with id '${request.messageId}', but a message with that id, name '${message.name}' and correlation key '${message.correlationKey}' is buffered already`,
          );
        }
      }
      const started: ExecutedCommand[] = [];
      for (const listener of listeners) {
        const outcome = await this.starts.startIn(manager, listener, message, timeToLive > 0 ? expiresAt : now, now, origin);
        if ('started' in outcome) started.push(outcome.started);
      }
      const reached = await this.correlations.processesReached(manager, message.messageKey);
      const waiting = await this.subscriptions.messageSubscribers(manager, message, { lock: timeToLive > 0 });
      // One instance per process: the oldest that waits (subscribers come oldest instance first).
      const targets = new Map<string, string>();
      for (const subscriber of waiting) {
        if (!reached.has(subscriber.processDefinitionId) && !targets.has(subscriber.processDefinitionId)) targets.set(subscriber.processDefinitionId, subscriber.processInstanceKey);
      }
      const commands: InstanceMessage[] = [...targets.values()].map((processInstanceKey) => ({
        kind: 'command',
        processInstanceKey,
        command: { type: 'CORRELATE_MESSAGE', messageKey: message.messageKey, messageName: message.name, correlationKey: message.correlationKey, variables: message.variables },
      }));
      const deliveries = await this.outbox.insert(manager, commands, { keys: () => this.keys.next(), actor: principal.username, createdAt: this.wallClock.now() });
      return { started, deliveries };
    });
    for (const executed of started) await this.executor.afterCommit(executed);
    this.courier.deliverSoon(deliveries);
    return { messageKey: message.messageKey, tenantId: message.tenantId };
  }
}
