import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { KeyGenerator, type InstanceMessage } from '#engine-core';
import { inTransaction } from '#persistence';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { WALL_CLOCK, type Clock } from '../infrastructure/clock.js';
import { EventSubscriptionStore } from '../stores/event-subscription.store.js';
import type { CommandOrigin } from '../stores/instance-event.store.js';
import { PendingCommandStore, type PendingCommand } from '../stores/pending-command.store.js';
import { SignalStartSubscriptionStore, type SignalStartSubscription } from '../stores/signal-start-subscription.store.js';
import { CommandExecutor, type ExecutedCommand } from './command-executor.js';

type Broadcast = Extract<InstanceMessage, { kind: 'broadcast-signal' }>;

/** What one step of a broadcast did, for its after-commit work. */
export interface BroadcastStep {
  /** Instances started at signal start events. */
  started: ExecutedCommand[];
  /** The TRIGGER_SIGNAL commands it wrote to the outbox. */
  deliveries: string[];
  /** The broadcast has reached every subscriber (its row is gone). */
  done: boolean;
}

/**
 * Broadcasts signals (Camunda 8: docs.camunda.io/docs/components/concepts/signals/): a broadcast
 * starts an instance at every signal start event of the latest process versions and wakes every
 * instance with an open subscription for the signal. A broadcast is a row of the outbox between
 * instances (`pending_commands`, kind `broadcast-signal`; its command key is the signal key),
 * written by POST /v2/signals/broadcast or by the transaction of a signal throw or end event. It
 * is worked off in steps, each a transaction of its own that locks the row: first the starts, then
 * batches of `BATON_SIGNAL_BATCH_SIZE` waiting instances, for which it writes TRIGGER_SIGNAL
 * commands (delivered like every other command between instances) and records how far it got. So
 * ten thousand waiting instances never share one lock, and a crash resumes where it stopped.
 * Only subscriptions opened before the broadcast are woken (their keys are smaller than its key).
 */
@Injectable()
export class SignalBroadcaster {
  constructor(
    private readonly dataSource: DataSource,
    private readonly executor: CommandExecutor,
    private readonly pendingCommands: PendingCommandStore,
    private readonly subscriptions: EventSubscriptionStore,
    private readonly signalStarts: SignalStartSubscriptionStore,
    private readonly keys: KeyGenerator,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  /**
   * An API broadcast: in one transaction, the signal start events start and the broadcast is
   * written to the outbox; the caller delivers it after the commit (`signalKey` is its command key).
   */
  async broadcast(signal: { tenantId: string; signalName: string; variables: Record<string, unknown> }, actor: string): Promise<{ signalKey: string; started: ExecutedCommand[] }> {
    const signalKey = this.keys.next();
    const started = await inTransaction(this.dataSource, async (manager) => {
      const instances = await this.startAll(manager, signal, { command: 'BROADCAST_SIGNAL', actor });
      const message: Broadcast = { kind: 'broadcast-signal', processInstanceKey: signalKey, tenantId: signal.tenantId, signalName: signal.signalName, variables: signal.variables };
      await this.pendingCommands.insert(manager, [message], { keys: () => signalKey, actor, createdAt: this.wallClock.now(), progress: { startsDone: true, after: null } });
      return instances;
    });
    return { signalKey, started };
  }

  /** One step of a broadcast whose outbox row the caller locked, in its transaction. */
  async stepIn(manager: EntityManager, pending: PendingCommand & { message: Broadcast }): Promise<BroadcastStep> {
    const { message, origin, commandKey } = pending;
    const progress = pending.progress ?? { startsDone: false, after: null };
    if (!progress.startsDone) {
      const started = await this.startAll(manager, message, { command: 'BROADCAST_SIGNAL', actor: origin.actor });
      await this.pendingCommands.updateProgress(manager, commandKey, { startsDone: true, after: null });
      return { started, deliveries: [], done: false };
    }
    const limit = this.config.events.signalBatchSize;
    const waiting = await this.subscriptions.signalSubscribers(manager, { tenantId: message.tenantId, name: message.signalName, subscriptionKeyBefore: commandKey, after: progress.after, limit });
    const triggers: InstanceMessage[] = waiting.map((processInstanceKey) => ({
      kind: 'command',
      processInstanceKey,
      command: { type: 'TRIGGER_SIGNAL', signalKey: commandKey, signalName: message.signalName, variables: message.variables },
    }));
    const deliveries = await this.pendingCommands.insert(manager, triggers, { keys: () => this.keys.next(), actor: origin.actor, createdAt: this.wallClock.now() });
    const done = waiting.length < limit;
    if (done) await this.pendingCommands.delete(manager, commandKey);
    else await this.pendingCommands.updateProgress(manager, commandKey, { startsDone: true, after: waiting[waiting.length - 1]! });
    return { started: [], deliveries, done };
  }

  /**
   * Starts one instance of every process whose latest version has a signal start event for the
   * signal (one per process, as in Camunda, even with two such start events), in the caller's transaction.
   */
  private async startAll(manager: EntityManager, signal: { tenantId: string; signalName: string; variables: Record<string, unknown> }, origin: CommandOrigin): Promise<ExecutedCommand[]> {
    const started: ExecutedCommand[] = [];
    const byProcess = new Map<string, SignalStartSubscription>();
    for (const start of await this.signalStarts.forSignal(manager, signal.tenantId, signal.signalName)) {
      if (!byProcess.has(start.processDefinitionId)) byProcess.set(start.processDefinitionId, start);
    }
    for (const start of byProcess.values()) {
      const outcome = await this.executor.startAtEventIn(manager, { ...start, tenantId: signal.tenantId }, { variables: signal.variables, businessId: null }, origin);
      if ('executed' in outcome) started.push(outcome.executed);
    }
    return started;
  }
}
