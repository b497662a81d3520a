import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KeyGenerator } from '#engine-core';
import { inTransaction } from '#persistence';
import type { Principal } from '../../auth/principal.js';
import { ConflictError, NotFoundError } from '../../common/errors/index.js';
import { CommandExecutor, type ExecutedCommand } from '../../execution/command-executor.js';
import { CLOCK, type Clock } from '../../infrastructure/clock.js';
import { EventSubscriptionStore } from '../../stores/event-subscription.store.js';
import type { CorrelateMessageRequestDto } from '../message.dto.js';
import { MessageStarts, type IncomingMessage } from '../message-starts.js';
import { messagingTenant } from './tenant.js';

/**
 * POST /v2/messages/correlation: the message is correlated at once, in one transaction, to one
 * waiting instance — the oldest open subscription of the oldest instance waiting for its name and
 * correlation key — or else it starts the first process (by id) with a message start event for it,
 * and the answer names that instance. Not buffered. 404 MESSAGE.NO_SUBSCRIPTION when nothing waits
 * for it; 409 MESSAGE.NOT_CORRELATED when only a start was possible and the instance started with
 * the same correlation key is still active.
 */
@Injectable()
export class CorrelateMessageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly starts: MessageStarts,
    private readonly subscriptions: EventSubscriptionStore,
    private readonly executor: CommandExecutor,
    private readonly keys: KeyGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(request: CorrelateMessageRequestDto, principal: Principal): Promise<{ messageKey: string; tenantId: string; processInstanceKey: string }> {
    const message: IncomingMessage = {
      messageKey: this.keys.next(),
      tenantId: messagingTenant(request.tenantId, 'MESSAGE.UNKNOWN_TENANT'),
      name: request.name,
      correlationKey: request.correlationKey ?? '',
      variables: request.variables ?? {},
    };
    const [listener] = await this.starts.listeners(message.tenantId, message.name);
    const origin = { command: 'CORRELATE_MESSAGE', actor: principal.username };

    const executed = await inTransaction(this.dataSource, async (manager): Promise<ExecutedCommand> => {
      const tried = new Set<string>();
      for (const subscriber of await this.subscriptions.messageSubscribers(manager, message, { lock: false })) {
        if (tried.has(subscriber.processInstanceKey)) continue;
        tried.add(subscriber.processInstanceKey);
        const outcome = await this.executor.correlateIn(
          manager,
          subscriber.processInstanceKey,
          { type: 'CORRELATE_MESSAGE', messageKey: message.messageKey, messageName: message.name, correlationKey: message.correlationKey, variables: message.variables },
          origin,
        );
        // Refused: that instance stopped waiting just now; the next one may still wait.
        if ('executed' in outcome) return outcome.executed;
      }
      if (!listener) {
        throw new NotFoundError(
          'MESSAGE.NO_SUBSCRIPTION',
          `Expected to correlate message '${message.name}' with correlation key '${message.correlationKey}', but no process instance waits for it and no process starts by it`,
        );
      }
      const now = this.clock.now();
      const start = await this.starts.startIn(manager, listener, message, now, now, origin);
      if ('started' in start) return start.started;
      throw new ConflictError(
        'MESSAGE.NOT_CORRELATED',
        `Message '${message.name}' was not correlated: an active instance of '${start.processDefinitionId}' started with correlation key '${message.correlationKey}' exists (${start.alreadyRunning})`,
        { processInstanceKey: start.alreadyRunning },
      );
    });
    await this.executor.afterCommit(executed);
    return { messageKey: message.messageKey, tenantId: message.tenantId, processInstanceKey: executed.instance.processInstanceKey };
  }
}
