import type { InstanceMessage } from '#engine-core';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '#persistence';
import { BatonError } from '../common/errors/index.js';
import { CalledDefinitions } from './called-definitions.js';
import { CommandExecutor, type ExecutedCommand, type MessageCourier } from './command-executor.js';
import type { CommandOrigin } from './instance-store.js';

/** How long a pending command may wait for its after-commit delivery before the sweeper takes it. */
const DELIVERY_GRACE_MS = 2_000;
/** Longest pause between two attempts of a command whose delivery keeps failing. */
const MAX_RETRY_DELAY_S = 300;

type Row = { command_key: string; payload: unknown; origin_command: string; actor: string };

/**
 * Delivers the commands process instances send each other (call activities and their children),
 * from the `pending_commands` outbox: each in a transaction of its own that locks the receiving
 * instance, runs the command and deletes the row — so a command takes effect exactly once, and
 * never holds two instances' locks in opposite orders. Delivery starts right after the sender's
 * commit; {@link sweep} (every second, on every replica) delivers what a crash left behind.
 * A command the receiver refuses (the call activity ended meanwhile, the child completed before
 * its cancellation arrived) is dropped: it has nothing left to do.
 */
@Injectable()
export class PendingCommands implements MessageCourier, BeforeApplicationShutdown {
  private readonly logger = new Logger('PendingCommands');
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly executor: CommandExecutor,
    private readonly calledDefinitions: CalledDefinitions,
  ) {
    executor.setCourier(this);
  }

  deliverSoon(commandKeys: readonly string[]): void {
    if (this.stopping) return; // the sweeper of this or another replica delivers them
    for (const key of commandKeys) {
      const delivery = this.deliver(key)
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error, commandKey: key }, 'Delivering a command between instances failed; the sweeper retries it'))
        .finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }
  }

  /** Delivers one pending command; false when it is gone (delivered) or another replica is on it. */
  async deliver(commandKey: string): Promise<boolean> {
    let outcome: { delivered: boolean; executed: ExecutedCommand | null };
    try {
      outcome = await inTransaction(this.dataSource, async (manager) => {
        const [row] = (await manager.query('SELECT command_key, payload, origin_command, actor FROM pending_commands WHERE command_key = ? FOR UPDATE SKIP LOCKED', [commandKey])) as Row[];
        if (!row) return { delivered: false, executed: null };
        const message = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as InstanceMessage;
        const executed = await this.run(manager, message, { command: row.origin_command, actor: row.actor });
        await manager.query('DELETE FROM pending_commands WHERE command_key = ?', [commandKey]);
        return { delivered: true, executed };
      });
    } catch (error) {
      await this.dataSource
        .query('UPDATE pending_commands SET attempts = attempts + 1, last_error = ? WHERE command_key = ?', [String((error as Error).stack ?? error).slice(0, 4000), commandKey])
        .catch(() => undefined);
      throw error;
    }
    if (outcome.executed) await this.executor.afterCommit(outcome.executed);
    return outcome.delivered;
  }

  /** Delivers pending commands whose after-commit delivery did not happen (crash, shutdown, failure), oldest first. */
  async sweep(): Promise<number> {
    const due = (await this.dataSource.query(
      `SELECT command_key FROM pending_commands
        WHERE created_at < ? - INTERVAL LEAST(attempts * attempts, ${MAX_RETRY_DELAY_S}) SECOND
        ORDER BY created_at LIMIT 200`,
      [new Date(Date.now() - DELIVERY_GRACE_MS)],
    )) as Array<{ command_key: string }>;
    let delivered = 0;
    for (const row of due) {
      try {
        if (await this.deliver(String(row.command_key))) delivered += 1;
      } catch (error) {
        this.logger.warn({ err: error, commandKey: String(row.command_key) }, 'Delivering a command between instances failed again');
      }
    }
    return delivered;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Runs a message on its receiver; null when the receiver refused it (then it is dropped). */
  private async run(manager: EntityManager, message: InstanceMessage, origin: CommandOrigin): Promise<ExecutedCommand | null> {
    try {
      if (message.kind === 'command') return await this.executor.executeIn(manager, message.processInstanceKey, message.command, origin);
      if (message.kind === 'broadcast-signal') throw new Error('A signal thrown by a process instance is broadcast by the signal broadcaster, not delivered as a command');
      return await this.startChild(manager, message, origin);
    } catch (error) {
      if (!(error instanceof BatonError)) throw error;
      this.logger.debug({ code: error.code, message: error.message, processInstanceKey: message.processInstanceKey }, 'An instance refused a command from another instance; dropped');
      return null;
    }
  }

  /**
   * Starts the child of a call activity. The parent is locked first and must still wait for this
   * child: a call activity that ended meanwhile sent a cancellation that must not miss the child.
   */
  private async startChild(manager: EntityManager, message: Extract<InstanceMessage, { kind: 'start-child' }>, origin: CommandOrigin): Promise<ExecutedCommand | null> {
    const [waiting] = (await manager.query(
      `SELECT e.state, e.called_process_instance_key FROM process_instances p
         JOIN element_instances e ON e.element_instance_key = ?
        WHERE p.process_instance_key = ? FOR UPDATE`,
      [message.parentElementInstanceKey, message.parentProcessInstanceKey],
    )) as Array<{ state: string; called_process_instance_key: string | null }>;
    if (!waiting || waiting.state !== 'ACTIVE' || String(waiting.called_process_instance_key) !== message.processInstanceKey) return null;

    const called = await this.calledDefinitions.resolve(manager, message);
    if ('missing' in called) {
      return this.executor.executeIn(
        manager,
        message.parentProcessInstanceKey,
        { type: 'CALLED_ELEMENT_NOT_FOUND', elementInstanceKey: message.parentElementInstanceKey, childProcessInstanceKey: message.processInstanceKey, message: called.missing },
        origin,
      );
    }
    return this.executor.createIn(
      manager,
      called.processDefinitionKey,
      {
        type: 'CREATE_PROCESS_INSTANCE',
        variables: message.variables,
        businessId: null,
        startedBy: origin.actor,
        processInstanceKey: message.processInstanceKey,
        parentProcessInstanceKey: message.parentProcessInstanceKey,
        parentElementInstanceKey: message.parentElementInstanceKey,
      },
      origin,
    );
  }
}
