import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FeelService } from '#feel';
import {
  InstanceState,
  isChildCancellation,
  KeyGenerator,
  messagesOf,
  processCommand,
  type EngineCommand,
  type InstanceMessage,
  type InstanceSnapshot,
  type ProcessInstanceRecord,
  type Rejection,
  type StateChanges,
} from '#engine-core';
import { inTransaction } from '#persistence';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { BatonError, ConflictError, InvalidArgumentError, NotFoundError } from '../common/errors/index.js';
import { JobDispatcher } from '../dispatch/job-dispatcher.js';
import { TimerScheduler } from '../dispatch/timer-scheduler.js';
import { CLOCK, WALL_CLOCK, type Clock } from '../infrastructure/clock.js';
import { InstanceNotifications, type InstanceNotice } from '../notifications/instance-notifications.js';
import { BusinessIdStore } from '../stores/business-id.store.js';
import { PendingCommandStore } from '../stores/pending-command.store.js';
import { DefinitionCache, type LoadedDefinition } from './definition-cache.js';
import { FormKeyResolver } from './form-key-resolver.js';
import { InstanceStore, type CommandOrigin } from './instance-store.js';
import { MessageCorrelations } from './message-correlations.js';

/** The outcome of a committed command. */
export interface ExecutedCommand {
  /** The instance after the command (and the buffered messages it correlated in the same transaction). */
  instance: ProcessInstanceRecord;
  /** Its state, likewise. */
  state: InstanceState;
  /** What the command changed, then what each buffered message correlated after it changed (for the after-commit work). */
  changes: StateChanges[];
  /** Commands for other instances it wrote to `pending_commands` (delivered after the commit). */
  pendingCommandKeys: string[];
  /** The called children it cancelled in the same transaction (and theirs, recursively). */
  cascade: ExecutedCommand[];
}

/** A message correlated to an instance over the outbox or by POST /v2/messages/correlation. */
export type CorrelationOutcome =
  | { executed: ExecutedCommand }
  /** The message has reached the instance's process already (Camunda's cardinality rule): nothing ran. */
  | { skipped: 'already-reached' }
  /** The instance refused it (it waits for no such message any more): nothing ran. */
  | { refused: BatonError; instance: ProcessInstanceRecord };

type CorrelateMessage = Extract<EngineCommand, { type: 'CORRELATE_MESSAGE' }>;

/** A start at a start event of a process (a message, signal or timer start event). */
export interface EventStart {
  processDefinitionKey: string;
  processDefinitionId: string;
  tenantId: string;
  elementId: string;
}

/** Delivers commands between instances after the commit that wrote them (PendingCommands). */
export interface MessageCourier {
  deliverSoon(commandKeys: readonly string[]): void;
}

/**
 * Runs commands against process instances, one transaction each (design.md invariants 2–4):
 * lock the instance row, load its active state, let the pure core decide the events, write
 * the changed state and the events, commit; deadlocks and lock timeouts run it again. After
 * the commit, other replicas are notified of what they may be waiting for.
 */
@Injectable()
export class CommandExecutor {
  private readonly logger = new Logger('CommandExecutor');
  private courier: MessageCourier | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: InstanceStore,
    private readonly businessIds: BusinessIdStore,
    private readonly pendingCommands: PendingCommandStore,
    private readonly definitions: DefinitionCache,
    private readonly formKeys: FormKeyResolver,
    private readonly correlations: MessageCorrelations,
    private readonly notifications: InstanceNotifications,
    private readonly dispatcher: JobDispatcher,
    private readonly timers: TimerScheduler,
    private readonly keys: KeyGenerator,
    private readonly feel: FeelService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  /** Who delivers the commands between instances (set once by PendingCommands). */
  setCourier(courier: MessageCourier): void {
    this.courier = courier;
  }

  /** Creates an instance of a definition and runs it to its first wait states. */
  async createInstance(
    processDefinitionKey: string,
    input: { variables: Record<string, unknown>; businessId: string | null; startElementId?: string },
    origin: CommandOrigin,
  ): Promise<ExecutedCommand> {
    const executed = await inTransaction(this.dataSource, async (manager) => {
      const command: EngineCommand = {
        type: 'CREATE_PROCESS_INSTANCE',
        variables: input.variables,
        businessId: input.businessId,
        startedBy: origin.actor,
        ...(input.startElementId ? { startElementId: input.startElementId } : {}),
      };
      const result = await this.createIn(manager, processDefinitionKey, command, origin);
      if (input.businessId !== null) await this.reserveBusinessId(manager, result.instance, input.businessId);
      return result;
    });
    await this.afterCommit(executed);
    return executed;
  }

  /** Runs a command on an existing instance. */
  async execute(processInstanceKey: string, command: EngineCommand, origin: CommandOrigin): Promise<ExecutedCommand> {
    const executed = await inTransaction(this.dataSource, (manager) => this.executeIn(manager, processInstanceKey, command, origin));
    await this.afterCommit(executed);
    return executed;
  }

  /** Creates an instance inside the caller's transaction; the caller commits and then calls {@link afterCommit}. */
  async createIn(manager: EntityManager, processDefinitionKey: string, command: Extract<EngineCommand, { type: 'CREATE_PROCESS_INSTANCE' }>, origin: CommandOrigin): Promise<ExecutedCommand> {
    const definition = await this.definitions.get(processDefinitionKey, manager);
    return this.run(manager, definition, InstanceState.empty().snapshot(), command, origin, 0, true);
  }

  /** Runs a command on an existing instance inside the caller's transaction (locking the instance first). */
  async executeIn(manager: EntityManager, processInstanceKey: string, command: EngineCommand, origin: CommandOrigin): Promise<ExecutedCommand> {
    if (command.type === 'CORRELATE_MESSAGE') {
      const outcome = await this.correlateIn(manager, processInstanceKey, command, origin);
      if ('executed' in outcome) return outcome.executed;
      if ('refused' in outcome) throw outcome.refused;
      throw new NotFoundError('MESSAGE.NO_SUBSCRIPTION', `Message ${command.messageKey} has reached the process of instance ${processInstanceKey} already (a message reaches a process once)`);
    }
    const loaded = await this.lockAndLoad(manager, processInstanceKey);
    const definition = await this.definitions.get(loaded.snapshot.instance!.processDefinitionKey, manager);
    return this.run(manager, definition, loaded.snapshot, command, origin, loaded.eventPosition, false);
  }

  /**
   * Correlates a message to an instance inside the caller's transaction: the instance is locked,
   * then the message (when buffered), and the message runs only when it has not reached the
   * instance's process yet (Camunda: a message reaches a process at most once). The correlation is
   * recorded in the same transaction.
   */
  async correlateIn(manager: EntityManager, processInstanceKey: string, command: CorrelateMessage, origin: CommandOrigin): Promise<CorrelationOutcome> {
    const loaded = await this.lockAndLoad(manager, processInstanceKey);
    const instance = loaded.snapshot.instance!;
    const keptUntil = await this.correlations.admit(manager, command.messageKey, instance, this.clock.now());
    if (keptUntil === null) return { skipped: 'already-reached' };
    const definition = await this.definitions.get(instance.processDefinitionKey, manager);
    try {
      return { executed: await this.run(manager, definition, loaded.snapshot, command, origin, loaded.eventPosition, false, keptUntil) };
    } catch (error) {
      if (error instanceof BatonError) return { refused: error, instance };
      throw error;
    }
  }

  /**
   * Starts an instance at a start event of a process (a message, signal or timer start event)
   * inside the caller's transaction. With a business id (a message's correlation key) nothing starts
   * while an active instance of the process holds it (`heldBy`). `beforeStart` runs once the
   * instance's key is known and before it runs (a message records that it reached it).
   */
  async startAtEventIn(
    manager: EntityManager,
    start: EventStart,
    input: { variables: Record<string, unknown>; businessId: string | null; beforeStart?: (processInstanceKey: string) => Promise<void> },
    origin: CommandOrigin,
  ): Promise<{ executed: ExecutedCommand } | { heldBy: string | null }> {
    const processInstanceKey = this.keys.next();
    if (input.businessId !== null) {
      const reservation = await this.businessIds.reserve(manager, { tenantId: start.tenantId, processDefinitionId: start.processDefinitionId, businessId: input.businessId, processInstanceKey });
      if ('heldBy' in reservation) return reservation;
    }
    await input.beforeStart?.(processInstanceKey);
    const executed = await this.createIn(
      manager,
      start.processDefinitionKey,
      { type: 'CREATE_PROCESS_INSTANCE', variables: input.variables, businessId: input.businessId, startedBy: origin.actor, startElementId: start.elementId, processInstanceKey },
      origin,
    );
    // An instance that ended at once holds its business id no longer.
    if (executed.instance.state !== 'ACTIVE' && input.businessId !== null) await this.businessIds.release(manager, processInstanceKey);
    return { executed };
  }

  /**
   * What follows a commit: jobs and timers to BullMQ, notices to waiting requests on every
   * replica, commands for other instances on their way.
   */
  async afterCommit(executed: ExecutedCommand): Promise<void> {
    for (const changes of executed.changes) {
      await this.dispatcher.afterCommit(changes.jobs);
      if (changes.timers.length > 0) await this.timers.afterCommit(executed.instance.processInstanceKey, changes.timers);
    }
    await this.notify(executed.instance);
    if (executed.pendingCommandKeys.length > 0) this.courier?.deliverSoon(executed.pendingCommandKeys);
    for (const child of executed.cascade) await this.afterCommit(child);
  }

  private async lockAndLoad(manager: EntityManager, processInstanceKey: string): Promise<{ snapshot: InstanceSnapshot; eventPosition: number }> {
    const loaded = await this.store.lockAndLoad(manager, processInstanceKey);
    if (!loaded) throw new NotFoundError('PROCESS_INSTANCE.NOT_FOUND', `No process instance with key ${processInstanceKey}`);
    return loaded;
  }

  /**
   * Runs a command on a loaded (locked) instance and writes what it did. When it opened message
   * subscriptions for which a buffered message is waiting, that message is correlated next, in the
   * same transaction (and so on). `keptUntil`: a CORRELATE_MESSAGE's correlation is recorded, kept
   * until then.
   */
  private async run(
    manager: EntityManager,
    definition: LoadedDefinition,
    snapshot: InstanceSnapshot,
    command: EngineCommand,
    origin: CommandOrigin,
    eventPosition: number,
    isNew: boolean,
    keptUntil?: Date,
  ): Promise<ExecutedCommand> {
    const now = this.clock.now();
    const result = processCommand(snapshot, command, {
      model: definition.model,
      definition: definition.info,
      now: now.toISOString(),
      keys: this.keys,
      feel: this.feel,
      formKeys: await this.formKeys.resolve(definition, this.wallClock.now().getTime(), manager),
      uuid: randomUUID,
      random: Math.random,
      maxVariableDepth: this.config.limits.maxVariableDepth,
    });
    if (!result.ok) throw toError(result.rejection);
    const instance = result.state.instance!;
    await this.store.save(manager, result.state, result.events, {
      instance,
      processDefinitionKey: definition.info.processDefinitionKey,
      eventPosition,
      isNew,
      time: now.toISOString(),
      origin,
    });
    if (instance.state !== 'ACTIVE' && instance.businessId !== null && !isNew) await this.businessIds.release(manager, instance.processInstanceKey);
    if (command.type === 'CORRELATE_MESSAGE') await this.correlations.record(manager, instance, result.events, keptUntil ?? now, now);
    const messages = messagesOf(result.events, instance, definition);
    const pendingCommandKeys = await this.writeMessages(manager, messages.filter((m) => !isChildCancellation(m)), origin);
    const cascade = await this.cancelChildren(manager, messages.filter(isChildCancellation), origin);
    const executed: ExecutedCommand = { instance, state: result.state, changes: [result.state.changes()], pendingCommandKeys, cascade };

    const buffered = instance.state === 'ACTIVE' ? await this.correlations.bufferedFor(manager, result.state, result.events, now) : null;
    if (!buffered) return executed;
    let next: ExecutedCommand;
    try {
      next = await this.run(
        manager,
        definition,
        result.state.snapshot(),
        { type: 'CORRELATE_MESSAGE', messageKey: buffered.messageKey, messageName: buffered.name, correlationKey: buffered.correlationKey, variables: buffered.variables },
        { command: 'CORRELATE_MESSAGE', actor: buffered.publishedBy },
        eventPosition + result.events.length,
        false,
        buffered.expiresAt,
      );
    } catch (error) {
      // A refusal changes nothing (it comes before any write): the command itself stands.
      if (!(error instanceof BatonError)) throw error;
      this.logger.warn({ code: error.code, messageKey: buffered.messageKey, processInstanceKey: instance.processInstanceKey }, 'A buffered message for a subscription just opened was refused');
      return executed;
    }
    return {
      instance: next.instance,
      state: next.state,
      changes: [...executed.changes, ...next.changes],
      pendingCommandKeys: [...executed.pendingCommandKeys, ...next.pendingCommandKeys],
      cascade: [...executed.cascade, ...next.cascade],
    };
  }

  /**
   * Cancels called children in this transaction, top-down (parent before child: the lock order of
   * a call tree), rather than through the outbox: a process that keeps calling itself would
   * otherwise start new levels as fast as a cancellation travels down. A child not started yet is
   * skipped (its start finds the call activity ended and is dropped); one that ended is left alone.
   */
  private async cancelChildren(manager: EntityManager, cancellations: Array<Extract<InstanceMessage, { kind: 'command' }>>, origin: CommandOrigin): Promise<ExecutedCommand[]> {
    const cascade: ExecutedCommand[] = [];
    for (const message of cancellations) {
      try {
        cascade.push(await this.executeIn(manager, message.processInstanceKey, message.command, origin));
      } catch (error) {
        if (!(error instanceof BatonError)) throw error;
      }
    }
    return cascade;
  }

  /**
   * Writes the commands for other instances to the outbox between instances (pending_commands), in
   * this transaction. Their creation time is delivery bookkeeping, on the wall clock (see PendingCommandStore).
   */
  private writeMessages(manager: EntityManager, messages: InstanceMessage[], origin: CommandOrigin): Promise<string[]> {
    return this.pendingCommands.insert(manager, messages, { keys: () => this.keys.next(), actor: origin.actor, createdAt: this.wallClock.now() });
  }

  /** Business ids are unique among active instances of a process id (Temporal's workflow-id policy). */
  private async reserveBusinessId(manager: EntityManager, instance: ProcessInstanceRecord, businessId: string): Promise<void> {
    if (instance.state !== 'ACTIVE') return;
    const outcome = await this.businessIds.reserve(manager, { tenantId: instance.tenantId, processDefinitionId: instance.processDefinitionId, businessId, processInstanceKey: instance.processInstanceKey });
    if ('reserved' in outcome) return;
    throw new ConflictError(
      'PROCESS_INSTANCE.BUSINESS_ID_IN_USE',
      `An active instance of '${instance.processDefinitionId}' with business id '${businessId}' exists already: ${outcome.heldBy ?? '(it ended meanwhile)'}`,
      { processInstanceKey: outcome.heldBy },
    );
  }

  private async notify(instance: ProcessInstanceRecord): Promise<void> {
    const notices: InstanceNotice[] = [];
    if (instance.state !== 'ACTIVE') notices.push({ kind: 'instance-ended', processInstanceKey: instance.processInstanceKey, state: instance.state });
    if (notices.length > 0) await this.notifications.publish(notices);
  }
}

/** The core's rejection as the error the API answers: its code is final (the catalogue gives the status). */
function toError(rejection: Rejection): BatonError {
  switch (rejection.kind) {
    case 'NOT_FOUND':
      return new NotFoundError(rejection.code, rejection.message);
    case 'INVALID_ARGUMENT':
      return new InvalidArgumentError(rejection.code, rejection.message, rejection.details);
    case 'INVALID_STATE':
      return new ConflictError(rejection.code, rejection.message, rejection.details);
  }
}
