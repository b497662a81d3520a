import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommandExecutor, type ExecutedCommand } from '../execution/command-executor.js';
import { MessageCorrelations } from '../execution/message-correlations.js';
import { MessageStartSubscriptionRepository, type MessageStartSubscription } from '../process-definitions/message-start-subscription.repository.js';
import type { CommandOrigin } from '../stores/instance-event.store.js';

/** A message as the message endpoints handle it. */
export interface IncomingMessage {
  messageKey: string;
  tenantId: string;
  name: string;
  /** '' when the message has none. */
  correlationKey: string;
  variables: Record<string, unknown>;
}

/** What starting a process by a message did. */
export type MessageStart =
  | { started: ExecutedCommand; processDefinitionId: string }
  /** An active instance of the process started with the same correlation key holds it as its business id. */
  | { alreadyRunning: string | null; processDefinitionId: string };

/**
 * Message start events (Camunda 8: a message starts one instance of every process whose latest
 * version has a message start event for its name). A non-empty correlation key becomes the
 * instance's business id, so while that instance is active the same key does not start the
 * process again (Zeebe's rule). The message is recorded as having reached the instance (and so
 * its process) before the instance runs, so a subscription the new instance opens does not take
 * the same message again.
 */
@Injectable()
export class MessageStarts {
  constructor(
    private readonly subscriptions: MessageStartSubscriptionRepository,
    private readonly executor: CommandExecutor,
    private readonly correlations: MessageCorrelations,
  ) {}

  /** The processes a message starts: one start event per process (by process id, then element id). */
  async listeners(tenantId: string, messageName: string): Promise<MessageStartSubscription[]> {
    const byProcess = new Map<string, MessageStartSubscription>();
    for (const subscription of await this.subscriptions.forMessage(tenantId, messageName)) {
      if (!byProcess.has(subscription.processDefinitionId)) byProcess.set(subscription.processDefinitionId, subscription);
    }
    return [...byProcess.values()];
  }

  /** Starts a process at its message start event, in the caller's transaction. */
  async startIn(manager: EntityManager, start: MessageStartSubscription, message: IncomingMessage, keptUntil: Date, now: Date, origin: CommandOrigin): Promise<MessageStart> {
    const outcome = await this.executor.startAtEventIn(
      manager,
      { ...start, tenantId: message.tenantId },
      {
        variables: message.variables,
        businessId: message.correlationKey === '' ? null : message.correlationKey,
        beforeStart: (processInstanceKey) =>
          this.correlations.recordStart(manager, { messageKey: message.messageKey, processInstanceKey, processDefinitionId: start.processDefinitionId, elementId: start.elementId }, keptUntil, now),
      },
      origin,
    );
    if ('executed' in outcome) return { started: outcome.executed, processDefinitionId: start.processDefinitionId };
    return { alreadyRunning: outcome.heldBy, processDefinitionId: start.processDefinitionId };
  }
}
