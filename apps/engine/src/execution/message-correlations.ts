import { Injectable } from '@nestjs/common';
import type { EngineEvent, InstanceState, ProcessInstanceRecord } from '#engine-core';
import type { SqlRunner } from '../stores/sql.js';
import { MessageCorrelationStore } from '../stores/message-correlation.store.js';
import { MessageStore, type BufferedMessage } from '../stores/message.store.js';

/**
 * Camunda's cardinality rule for messages, kept where messages are correlated: a message reaches a
 * process (its BPMN id, across versions) at most once — so two waiting instances of one process
 * never both take it — and an instance at most once. Every correlation of a buffered message locks
 * its row first, so two instances of a process opening subscriptions at once cannot both take it.
 */
@Injectable()
export class MessageCorrelations {
  constructor(
    private readonly messages: MessageStore,
    private readonly correlations: MessageCorrelationStore,
  ) {}

  /**
   * After a command opened message subscriptions: the oldest live buffered message one of them
   * waits for that has not reached the instance's process yet — the executor correlates it in the
   * same transaction (a subscription that opens late still gets a buffered message).
   */
  async bufferedFor(manager: SqlRunner, state: InstanceState, events: readonly EngineEvent[], now: Date): Promise<BufferedMessage | null> {
    const instance = state.instance!;
    const waits = new Map<string, { name: string; correlationKey: string }>();
    for (const event of events) {
      if (event.type !== 'SUBSCRIPTION_OPENED' || event.subscription.kind !== 'message') continue;
      if (state.subscriptions.get(event.subscription.subscriptionKey)?.state !== 'OPEN') continue;
      const { name, correlationKey } = event.subscription;
      waits.set(JSON.stringify([name, correlationKey]), { name, correlationKey: correlationKey ?? '' });
    }
    let oldest: BufferedMessage | null = null;
    for (const wait of waits.values()) {
      for (const message of await this.messages.liveFor(manager, { tenantId: instance.tenantId, ...wait, now })) {
        if ((await this.correlations.processesReached(manager, message.messageKey)).has(instance.processDefinitionId)) continue;
        if (oldest === null || compareKeys(message.messageKey, oldest.messageKey) < 0) oldest = message;
        break;
      }
    }
    return oldest;
  }

  /**
   * Whether a message may still reach an instance: not when it reached the instance's process
   * already. A buffered message is locked first (see above). Returns until when the correlation is
   * kept (the message's expiry; `now` for a message that was not buffered), or null.
   */
  async admit(manager: SqlRunner, messageKey: string, instance: ProcessInstanceRecord, now: Date): Promise<Date | null> {
    const buffered = await this.messages.lock(manager, messageKey);
    if ((await this.correlations.processesReached(manager, messageKey)).has(instance.processDefinitionId)) return null;
    return buffered && buffered.expiresAt.getTime() > now.getTime() ? buffered.expiresAt : now;
  }

  /** Records the message a command correlated (its MESSAGE_CORRELATED event), in the correlating transaction. */
  async record(manager: SqlRunner, instance: ProcessInstanceRecord, events: readonly EngineEvent[], keptUntil: Date, now: Date): Promise<void> {
    for (const event of events) {
      if (event.type !== 'MESSAGE_CORRELATED') continue;
      await this.correlations.record(manager, {
        messageKey: event.messageKey,
        processInstanceKey: instance.processInstanceKey,
        processDefinitionId: instance.processDefinitionId,
        elementId: event.elementId,
        correlatedAt: now,
        expiresAt: keptUntil,
      });
    }
  }

  /** Records that a message started an instance at a message start event (before the instance is created, in its transaction). */
  async recordStart(manager: SqlRunner, start: { messageKey: string; processInstanceKey: string; processDefinitionId: string; elementId: string }, keptUntil: Date, now: Date): Promise<void> {
    await this.correlations.record(manager, { ...start, correlatedAt: now, expiresAt: keptUntil });
  }

  /** The processes (BPMN ids) a message has reached. */
  processesReached(manager: SqlRunner, messageKey: string): Promise<Set<string>> {
    return this.correlations.processesReached(manager, messageKey);
  }
}

/** Orders numeric-string keys (64-bit, so not as numbers). */
function compareKeys(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
