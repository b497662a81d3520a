import { Injectable } from '@nestjs/common';
import type { EngineEvent, SubscriptionRecord } from '#engine-core';
import { upsertRows, type Read, type Row, type SqlRunner, type StatementBatch, type WriteContext } from './sql.js';

/** An open message subscription that a published message may reach. */
export interface MessageSubscriber {
  processInstanceKey: string;
  processDefinitionId: string;
  subscriptionKey: string;
}

/** Camunda's states of a subscription row (the message subscription search shows them). */
export type SubscriptionRowState = 'CREATED' | 'CORRELATED' | 'DELETED';

/**
 * Owner of `event_subscriptions`: the message, signal and condition subscriptions of process
 * instances. Written in the instance's batch (opened, a condition evaluated, closed); loaded with
 * the instance (the open ones); read by message publication and correlation (which open ones
 * wait for a message) and by a signal broadcast (which instances wait for a signal, in batches).
 */
@Injectable()
export class EventSubscriptionStore {
  /** The instance's open subscriptions, oldest first (read under the instance lock). */
  openOf(processInstanceKey: string): Read<SubscriptionRecord[]> {
    return {
      sql: "SELECT * FROM event_subscriptions WHERE process_instance_key = ? AND state = 'CREATED' ORDER BY subscription_key",
      parameters: [processInstanceKey],
      read: (rows) => rows.map(toSubscription),
    };
  }

  /**
   * Inserts opened subscriptions and updates changed ones. A closed subscription becomes
   * CORRELATED when one of `events` triggered it (its message, signal or condition), else DELETED.
   */
  upsertStatements(batch: StatementBatch, subscriptions: readonly SubscriptionRecord[], events: readonly EngineEvent[], context: WriteContext): void {
    if (subscriptions.length === 0) return;
    const triggered = new Set(events.flatMap((event) => (event.type === 'MESSAGE_CORRELATED' || event.type === 'SIGNAL_CAUGHT' || event.type === 'CONDITION_TRIGGERED' ? [event.subscriptionKey] : [])));
    const { instance, processDefinitionKey, time } = context;
    upsertRows(
      batch,
      'event_subscriptions',
      ['subscription_key', 'kind', 'process_instance_key', 'process_definition_key', 'process_definition_id', 'element_instance_key', 'element_id', 'name', 'correlation_key', 'interrupting', 'condition_met', 'state', 'tenant_id', 'created_at', 'updated_at'],
      ['condition_met', 'state', 'updated_at'],
      subscriptions.map((s) => [
        s.subscriptionKey,
        s.kind,
        instance.processInstanceKey,
        processDefinitionKey,
        instance.processDefinitionId,
        s.elementInstanceKey,
        s.elementId,
        s.name,
        s.correlationKey,
        s.interrupting,
        s.conditionMet ?? null,
        rowState(s, triggered),
        instance.tenantId,
        time,
        time,
      ]),
    );
  }

  /**
   * The open subscriptions for a message name and correlation key, oldest instance first. With
   * `lock` (a message being buffered) a locking read: a subscription another transaction is opening
   * right now is waited for, so a message being buffered and a subscription being opened never miss
   * each other (the opener looks for buffered messages with a locking read too, MessageStore.liveFor).
   */
  async messageSubscribers(manager: SqlRunner, message: { tenantId: string; name: string; correlationKey: string }, options: { lock: boolean }): Promise<MessageSubscriber[]> {
    const rows = (await manager.query(
      `SELECT process_instance_key, process_definition_id, subscription_key FROM event_subscriptions
        WHERE tenant_id = ? AND kind = 'message' AND name = ? AND correlation_key = ? AND state = 'CREATED'
        ORDER BY process_instance_key, subscription_key${options.lock ? ' LOCK IN SHARE MODE' : ''}`,
      [message.tenantId, message.name, message.correlationKey],
    )) as Row[];
    return rows.map((row) => ({ processInstanceKey: String(row.process_instance_key), processDefinitionId: String(row.process_definition_id), subscriptionKey: String(row.subscription_key) }));
  }

  /**
   * The next `limit` instances (by key, after `after`) with an open subscription for a signal
   * opened before the broadcast (`subscriptionKeyBefore`: keys grow with time).
   */
  async signalSubscribers(manager: SqlRunner, signal: { tenantId: string; name: string; subscriptionKeyBefore: string; after: string | null; limit: number }): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT process_instance_key FROM event_subscriptions
        WHERE tenant_id = ? AND kind = 'signal' AND name = ? AND correlation_key IS NULL AND state = 'CREATED' AND subscription_key < CAST(? AS UNSIGNED) AND process_instance_key > CAST(? AS UNSIGNED)
        ORDER BY process_instance_key LIMIT ?`,
      [signal.tenantId, signal.name, signal.subscriptionKeyBefore, signal.after ?? '0', signal.limit],
    )) as Row[];
    return rows.map((row) => String(row.process_instance_key));
  }
}

function rowState(subscription: SubscriptionRecord, triggered: ReadonlySet<string>): SubscriptionRowState {
  if (subscription.state === 'OPEN') return 'CREATED';
  return triggered.has(subscription.subscriptionKey) ? 'CORRELATED' : 'DELETED';
}

function toSubscription(r: Row): SubscriptionRecord {
  const record: SubscriptionRecord = {
    subscriptionKey: String(r.subscription_key),
    kind: r.kind as SubscriptionRecord['kind'],
    elementInstanceKey: String(r.element_instance_key),
    elementId: String(r.element_id),
    name: String(r.name),
    correlationKey: r.correlation_key === null || r.correlation_key === undefined ? null : String(r.correlation_key),
    interrupting: Boolean(Number(r.interrupting)),
    state: r.state === 'CREATED' ? 'OPEN' : 'CLOSED',
  };
  if (r.condition_met !== null && r.condition_met !== undefined) record.conditionMet = Boolean(Number(r.condition_met));
  return record;
}
