import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InstanceMessage } from '#engine-core';
import { messageCommandName } from '#engine-core';
import type { CommandOrigin } from './instance-event.store.js';
import type { SqlRunner } from './sql.js';

/** A command between instances, as stored. */
export interface PendingCommand {
  commandKey: string;
  message: InstanceMessage;
  origin: CommandOrigin;
}

/**
 * Owner of `pending_commands`, the outbox between instances. `created_at` and the retry delays
 * are delivery bookkeeping, not business time: they are written and compared on the wall clock,
 * so a pinned engine clock (PUT /v2/clock) never holds a delivery back.
 */
@Injectable()
export class PendingCommandStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes messages for other instances in the sender's transaction; `keys` gives each its command key. */
  async insert(manager: SqlRunner, messages: readonly InstanceMessage[], options: { keys: () => string; actor: string; createdAt: Date }): Promise<string[]> {
    if (messages.length === 0) return [];
    const rows = messages.map((message) => [options.keys(), message.processInstanceKey, JSON.stringify(message), messageCommandName(message), options.actor, options.createdAt]);
    await manager.query(
      `INSERT INTO pending_commands (command_key, process_instance_key, payload, origin_command, actor, created_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
    return rows.map((row) => row[0] as string);
  }

  /** Locks a pending command for delivery; null when it is gone (delivered) or another replica holds it. */
  async lockForDelivery(manager: SqlRunner, commandKey: string): Promise<PendingCommand | null> {
    const [row] = (await manager.query('SELECT command_key, payload, origin_command, actor FROM pending_commands WHERE command_key = ? FOR UPDATE SKIP LOCKED', [commandKey])) as Array<{
      command_key: string;
      payload: unknown;
      origin_command: string;
      actor: string;
    }>;
    if (!row) return null;
    const message = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as InstanceMessage;
    return { commandKey: String(row.command_key), message, origin: { command: row.origin_command, actor: row.actor } };
  }

  /** Removes a delivered command (in the receiver's transaction). */
  async delete(manager: SqlRunner, commandKey: string): Promise<void> {
    await manager.query('DELETE FROM pending_commands WHERE command_key = ?', [commandKey]);
  }

  /** Counts a failed delivery, keeping the error for whoever looks into it. */
  async recordFailure(commandKey: string, error: string): Promise<void> {
    await this.dataSource.query('UPDATE pending_commands SET attempts = attempts + 1, last_error = ? WHERE command_key = ?', [error.slice(0, 4000), commandKey]);
  }

  /**
   * Commands created before `createdBefore` (wall clock), each held back a little longer after
   * every failed attempt (attempts² seconds, at most `maxRetryDelaySeconds`), oldest first.
   */
  async due(createdBefore: Date, maxRetryDelaySeconds: number, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT command_key FROM pending_commands
        WHERE created_at < ? - INTERVAL LEAST(attempts * attempts, ?) SECOND
        ORDER BY created_at LIMIT ?`,
      [createdBefore, maxRetryDelaySeconds, limit],
    )) as Array<{ command_key: string }>;
    return rows.map((row) => String(row.command_key));
  }
}
