import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { KeyGenerator, type EngineCommand, type InstanceMessage, type ProcessInstanceRecord } from '#engine-core';
import { inTransaction } from '#persistence';
import { BatonError } from '../common/errors/index.js';
import { WALL_CLOCK, type Clock } from '../infrastructure/clock.js';
import { EventSubscriptionStore } from '../stores/event-subscription.store.js';
import type { CommandOrigin } from '../stores/instance-event.store.js';
import { PendingCommandStore } from '../stores/pending-command.store.js';
import { ProcessInstanceStore } from '../stores/process-instance.store.js';
import { CalledDefinitions } from './called-definitions.js';
import { CommandExecutor, type ExecutedCommand, type MessageCourier } from './command-executor.js';
import { SignalBroadcaster } from './signal-broadcaster.js';

/** How long a pending command may wait for its after-commit delivery before the sweeper takes it. */
const DELIVERY_GRACE_MS = 2_000;
/** Longest pause between two attempts of a command whose delivery keeps failing. */
const MAX_RETRY_DELAY_S = 300;
/** Deliveries running at once on this replica (each holds a pooled connection while it runs). */
const MAX_CONCURRENT_DELIVERIES = 4;
/** Deliveries waiting on this replica; beyond that, the sweeper delivers them. */
const MAX_QUEUED_DELIVERIES = 20_000;

/** What one delivery transaction did. */
interface Delivery {
  delivered: boolean;
  /** Commands it ran (for their after-commit work). */
  executed: ExecutedCommand[];
  /** Commands it wrote to the outbox itself (a broadcast's TRIGGER_SIGNALs, a message passed on). */
  written: string[];
  /** A broadcast with subscribers left: its next step follows. */
  more: boolean;
}

/**
 * Delivers the commands process instances send each other (call activities and their children,
 * errors and escalations, signals) and the messages correlated to waiting instances, from the
 * `pending_commands` outbox: each in a transaction of its own that locks the receiving instance,
 * runs the command and deletes the row — so a command takes effect exactly once, and never holds
 * two instances' locks in opposite orders. Delivery starts right after the sender's commit (at
 * most {@link MAX_CONCURRENT_DELIVERIES} at a time on a replica); {@link sweep} (every second, on
 * every replica) delivers what a crash left behind. A command the receiver refuses (the call
 * activity ended meanwhile, the child completed before its cancellation arrived) is dropped: it has
 * nothing left to do — except a message, which goes on to the next waiting instance of the same
 * process (Camunda: a message reaches a process once, so when the chosen instance stopped waiting,
 * another one that waits gets it). A signal broadcast is worked off in steps (SignalBroadcaster).
 * The sweep's delays are wall-clock time (PendingCommandStore): a pinned engine clock holds no
 * delivery back.
 */
@Injectable()
export class PendingCommands implements MessageCourier, BeforeApplicationShutdown {
  private readonly logger = new Logger('PendingCommands');
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: string[] = [];
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly executor: CommandExecutor,
    private readonly broadcaster: SignalBroadcaster,
    private readonly calledDefinitions: CalledDefinitions,
    private readonly store: PendingCommandStore,
    private readonly instances: ProcessInstanceStore,
    private readonly subscriptions: EventSubscriptionStore,
    private readonly keys: KeyGenerator,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
  ) {
    executor.setCourier(this);
  }

  deliverSoon(commandKeys: readonly string[]): void {
    if (this.stopping) return; // the sweeper of this or another replica delivers them
    for (const key of commandKeys) if (this.waiting.length < MAX_QUEUED_DELIVERIES) this.waiting.push(key);
    this.startDeliveries();
  }

  private startDeliveries(): void {
    while (!this.stopping && this.inFlight.size < MAX_CONCURRENT_DELIVERIES && this.waiting.length > 0) {
      const key = this.waiting.shift()!;
      const delivery: Promise<void> = this.deliver(key)
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error, commandKey: key }, 'Delivering a command between instances failed; the sweeper retries it'))
        .finally(() => {
          this.inFlight.delete(delivery);
          this.startDeliveries();
        });
      this.inFlight.add(delivery);
    }
  }

  /**
   * Delivers one pending command (a broadcast: all its steps); false when it is gone (delivered)
   * or another replica is on it.
   */
  async deliver(commandKey: string): Promise<boolean> {
    let delivered = false;
    for (;;) {
      let outcome: Delivery;
      try {
        outcome = await inTransaction(this.dataSource, (manager) => this.deliverIn(manager, commandKey));
      } catch (error) {
        await this.store.recordFailure(commandKey, String((error as Error).stack ?? error)).catch(() => undefined);
        throw error;
      }
      for (const executed of outcome.executed) await this.executor.afterCommit(executed);
      if (outcome.written.length > 0) this.deliverSoon(outcome.written);
      delivered ||= outcome.delivered;
      if (!outcome.more || this.stopping) return delivered;
    }
  }

  private async deliverIn(manager: EntityManager, commandKey: string): Promise<Delivery> {
    const pending = await this.store.lockForDelivery(manager, commandKey);
    if (!pending) return { delivered: false, executed: [], written: [], more: false };
    if (pending.message.kind === 'broadcast-signal') {
      const step = await this.broadcaster.stepIn(manager, pending as Parameters<SignalBroadcaster['stepIn']>[1]);
      return { delivered: true, executed: step.started, written: step.deliveries, more: !step.done };
    }
    const { executed, written } = await this.run(manager, pending.message, pending.origin);
    await this.store.delete(manager, commandKey);
    return { delivered: true, executed: executed ? [executed] : [], written, more: false };
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
    this.waiting.length = 0;
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Runs a message on its receiver: `executed` null when the receiver refused it (then it is
   * dropped, or a message passed on: `written`).
   */
  private async run(manager: EntityManager, message: Exclude<InstanceMessage, { kind: 'broadcast-signal' }>, origin: CommandOrigin): Promise<{ executed: ExecutedCommand | null; written: string[] }> {
    try {
      if (message.kind === 'command' && message.command.type === 'CORRELATE_MESSAGE') {
        const outcome = await this.executor.correlateIn(manager, message.processInstanceKey, message.command, origin);
        if ('executed' in outcome) return { executed: outcome.executed, written: [] };
        if ('skipped' in outcome) return { executed: null, written: [] };
        return { executed: null, written: await this.passOn(manager, message.command, outcome.instance, origin) };
      }
      if (message.kind === 'command') return { executed: await this.executor.executeIn(manager, message.processInstanceKey, message.command, origin), written: [] };
      return { executed: await this.startChild(manager, message, origin), written: [] };
    } catch (error) {
      if (!(error instanceof BatonError)) throw error;
      this.logger.debug({ code: error.code, message: error.message, processInstanceKey: message.processInstanceKey }, 'An instance refused a command from another instance; dropped');
      return { executed: null, written: [] };
    }
  }

  /**
   * A message the chosen instance no longer waited for goes to the next instance of the same process
   * that waits for it (oldest first), if any.
   */
  private async passOn(manager: EntityManager, command: Extract<EngineCommand, { type: 'CORRELATE_MESSAGE' }>, refused: ProcessInstanceRecord, origin: CommandOrigin): Promise<string[]> {
    const subscribers = await this.subscriptions.messageSubscribers(manager, { tenantId: refused.tenantId, name: command.messageName, correlationKey: command.correlationKey }, { lock: false });
    const next = subscribers.find((s) => s.processDefinitionId === refused.processDefinitionId && s.processInstanceKey !== refused.processInstanceKey);
    if (!next) return [];
    return this.store.insert(manager, [{ kind: 'command', processInstanceKey: next.processInstanceKey, command }], { keys: () => this.keys.next(), actor: origin.actor, createdAt: this.wallClock.now() });
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
