import type { InstanceMessage } from '#engine-core';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '#persistence';
import { BatonError } from '../common/errors/index.js';
import { WALL_CLOCK, type Clock } from '../infrastructure/clock.js';
import type { CommandOrigin } from '../stores/instance-event.store.js';
import { PendingCommandStore } from '../stores/pending-command.store.js';
import { ProcessInstanceStore } from '../stores/process-instance.store.js';
import { CalledDefinitions } from './called-definitions.js';
import { CommandExecutor, type ExecutedCommand, type MessageCourier } from './command-executor.js';

/** How long a pending command may wait for its after-commit delivery before the sweeper takes it. */
const DELIVERY_GRACE_MS = 2_000;
/** Longest pause between two attempts of a command whose delivery keeps failing. */
const MAX_RETRY_DELAY_S = 300;

/**
 * Delivers the commands process instances send each other (call activities and their children),
 * from the `pending_commands` outbox: each in a transaction of its own that locks the receiving
 * instance, runs the command and deletes the row — so a command takes effect exactly once, and
 * never holds two instances' locks in opposite orders. Delivery starts right after the sender's
 * commit; {@link sweep} (every second, on every replica) delivers what a crash left behind.
 * A command the receiver refuses (the call activity ended meanwhile, the child completed before
 * its cancellation arrived) is dropped: it has nothing left to do. The sweep's delays are wall-clock
 * time (PendingCommandStore): a pinned engine clock holds no delivery back.
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
    private readonly store: PendingCommandStore,
    private readonly instances: ProcessInstanceStore,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
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
        const pending = await this.store.lockForDelivery(manager, commandKey);
        if (!pending) return { delivered: false, executed: null };
        const executed = await this.run(manager, pending.message, pending.origin);
        await this.store.delete(manager, commandKey);
        return { delivered: true, executed };
      });
    } catch (error) {
      await this.store.recordFailure(commandKey, String((error as Error).stack ?? error)).catch(() => undefined);
      throw error;
    }
    if (outcome.executed) await this.executor.afterCommit(outcome.executed);
    return outcome.delivered;
  }

  /** Delivers pending commands whose after-commit delivery did not happen (crash, shutdown, failure), oldest first. */
  async sweep(): Promise<number> {
    const due = await this.store.due(new Date(this.wallClock.now().getTime() - DELIVERY_GRACE_MS), MAX_RETRY_DELAY_S, 200);
    let delivered = 0;
    for (const commandKey of due) {
      try {
        if (await this.deliver(commandKey)) delivered += 1;
      } catch (error) {
        this.logger.warn({ err: error, commandKey }, 'Delivering a command between instances failed again');
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
    const waiting = await this.instances.lockCallActivity(manager, message.parentProcessInstanceKey, message.parentElementInstanceKey);
    if (!waiting || waiting.state !== 'ACTIVE' || waiting.calledProcessInstanceKey !== message.processInstanceKey) return null;

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
