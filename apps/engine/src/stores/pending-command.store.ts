import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InstanceMessage } from '#engine-core';
import { messageCommandName } from '#engine-core';
import type { CommandOrigin } from './instance-event.store.js';
import { json, type SqlRunner } from './sql.js';

/** A command between instances, as stored. */
export interface PendingCommand {
  commandKey: string;
  message: InstanceMessage;
  origin: CommandOrigin;
  /** How far a signal broadcast has got (null: not started, or not a broadcast). */
  progress: BroadcastProgress | null;
}

/** How far a signal broadcast has got: it wakes its subscribers in batches, one transaction each. */
export interface BroadcastProgress {
  /** The signal start events were started. */
  startsDone: boolean;
  /** The last process instance key given its TRIGGER_SIGNAL (null: none yet). */
  after: string | null;
}

/**
 * Owner of `pending_commands`, the outbox between instances. `created_at` and the retry delays
 * are delivery bookkeeping, not business time: they are written and compared on the wall clock,
 * so a pinned engine clock (PUT /v2/clock) never holds a delivery back.
 */
@Injectable()
export class PendingCommandStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes messages for other instances in the sender's transaction; `keys` gives each its command
   * key; `progress` is a broadcast's, when it has made some already (an API broadcast starts its
   * signal start events in the transaction that writes it).
   */
  async insert(manager: SqlRunner, messages: readonly InstanceMessage[], options: { keys: () => string; actor: string; createdAt: Date; progress?: BroadcastProgress }): Promise<string[]> {
    if (messages.length === 0) return [];
    const progress = options.progress ? JSON.stringify(options.progress) : null;
    const rows = messages.map((message) => [options.keys(), message.processInstanceKey, JSON.stringify(message), messageCommandName(message), options.actor, options.createdAt, progress]);
    // Large batches (a broadcast's deliveries) go in chunks, within the placeholder limit.
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await manager.query(
        `INSERT INTO pending_commands (command_key, process_instance_key, payload, origin_command, actor, created_at, progress) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flat(),
      );
    }
    return rows.map((row) => row[0] as string);
  }

  /** Records how far a broadcast has got, in the transaction of its last batch. */
  async updateProgress(manager: SqlRunner, commandKey: string, progress: BroadcastProgress): Promise<void> {
    await manager.query('UPDATE pending_commands SET progress = ? WHERE command_key = ?', [JSON.stringify(progress), commandKey]);
  }

  /** Locks a pending command for delivery; null when it is gone (delivered) or another replica holds it. */
  async lockForDelivery(manager: SqlRunner, commandKey: string): Promise<PendingCommand | null> {
    const [row] = (await manager.query('SELECT command_key, payload, origin_command, actor, progress FROM pending_commands WHERE command_key = ? FOR UPDATE SKIP LOCKED', [commandKey])) as Array<{
      command_key: string;
      payload: unknown;
      origin_command: string;
      actor: string;
      progress: unknown;
    }>;
    if (!row) return null;
    const message = json<InstanceMessage>(row.payload);
    const progress = row.progress === null || row.progress === undefined ? null : json<BroadcastProgress>(row.progress);
    return { commandKey: String(row.command_key), message, origin: { command: row.origin_command, actor: row.actor }, progress };
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
