import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { affectedRows, json, type Row, type SqlRunner } from './sql.js';

/** A message to buffer. */
export interface BufferedMessage {
  messageKey: string;
  tenantId: string;
  name: string;
  /** '' when the message has none. */
  correlationKey: string;
  messageId: string | null;
  variables: Record<string, unknown>;
  publishedBy: string;
  publishedAt: Date;
  expiresAt: Date;
}

/**
 * Owner of `messages`, the message buffer. `expires_at` is business time (the engine clock, as
 * Zeebe measures a message's time to live on its own clock): compared with the engine clock only.
 */
@Injectable()
export class MessageStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Buffers a message in the publishing transaction. A live message with the same tenant, name,
   * correlation key and message id refuses it (`duplicate`); an expired one the sweeper has not
   * removed yet is removed first.
   */
  async buffer(manager: SqlRunner, message: BufferedMessage, now: Date): Promise<'buffered' | 'duplicate'> {
    const dedupeHash = message.messageId === null ? null : dedupeHashOf(message);
    if (dedupeHash !== null) await manager.query('DELETE FROM messages WHERE dedupe_hash = ? AND expires_at <= ?', [dedupeHash, now]);
    try {
      await manager.query(
        'INSERT INTO messages (message_key, tenant_id, name, correlation_key, message_id, dedupe_hash, variables, published_by, published_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [message.messageKey, message.tenantId, message.name, message.correlationKey, message.messageId, dedupeHash, JSON.stringify(message.variables), message.publishedBy, message.publishedAt, message.expiresAt],
      );
      return 'buffered';
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_DUP_ENTRY') return 'duplicate';
      throw error;
    }
  }

  /**
   * The live buffered messages with a name and correlation key, oldest first, locked: whoever
   * correlates one of them holds it until the commit, so a message reaches a process only once,
   * and a message being published right now is waited for (see EventSubscriptionStore.messageSubscribers).
   */
  async liveFor(manager: SqlRunner, match: { tenantId: string; name: string; correlationKey: string; now: Date }): Promise<BufferedMessage[]> {
    const rows = (await manager.query('SELECT * FROM messages WHERE tenant_id = ? AND name = ? AND correlation_key = ? AND expires_at > ? ORDER BY message_key FOR UPDATE', [
      match.tenantId,
      match.name,
      match.correlationKey,
      match.now,
    ])) as Row[];
    return rows.map(toMessage);
  }

  /** Locks a buffered message (to correlate it); null when it is not (or no longer) buffered. */
  async lock(manager: SqlRunner, messageKey: string): Promise<BufferedMessage | null> {
    const [row] = (await manager.query('SELECT * FROM messages WHERE message_key = ? FOR UPDATE', [messageKey])) as Row[];
    return row ? toMessage(row) : null;
  }

  /** Removes up to `limit` messages whose time to live ended by `now` (engine clock); how many. */
  async deleteExpired(now: Date, limit: number): Promise<number> {
    return affectedRows(await this.dataSource.query('DELETE FROM messages WHERE expires_at <= ? ORDER BY expires_at LIMIT ?', [now, limit]));
  }
}

/** What makes a message id unique: tenant, name, correlation key and the id (hashed to fit one index). */
function dedupeHashOf(message: Pick<BufferedMessage, 'tenantId' | 'name' | 'correlationKey' | 'messageId'>): string {
  return createHash('sha256').update(JSON.stringify([message.tenantId, message.name, message.correlationKey, message.messageId])).digest('hex');
}

function toMessage(r: Row): BufferedMessage {
  return {
    messageKey: String(r.message_key),
    tenantId: String(r.tenant_id),
    name: String(r.name),
    correlationKey: String(r.correlation_key),
    messageId: r.message_id === null || r.message_id === undefined ? null : String(r.message_id),
    variables: json<Record<string, unknown>>(r.variables),
    publishedBy: String(r.published_by),
    publishedAt: r.published_at as Date,
    expiresAt: r.expires_at as Date,
  };
}
