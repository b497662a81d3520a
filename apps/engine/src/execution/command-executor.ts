import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FeelService } from '#feel';
import { InstanceState, KeyGenerator, processCommand, type EngineCommand, type InstanceSnapshot, type ProcessInstanceRecord, type Rejection } from '#engine-core';
import { inTransaction } from '#persistence';
import { BatonError, ConflictError, NotFoundError } from '../common/errors/index.js';
import { CLOCK, type Clock } from '../infrastructure/clock.js';
import { DefinitionCache, type LoadedDefinition } from './definition-cache.js';
import { FormKeyResolver } from './form-key-resolver.js';
import { InstanceNotifications, type InstanceNotice } from './instance-notifications.js';
import { InstanceStore, type CommandOrigin } from './instance-store.js';

/** The outcome of a committed command. */
export interface ExecutedCommand {
  instance: ProcessInstanceRecord;
  state: InstanceState;
}

/**
 * Runs commands against process instances, one transaction each (design.md invariants 2–4):
 * lock the instance row, load its active state, let the pure core decide the events, write
 * the changed state and the events, commit; deadlocks and lock timeouts run it again. After
 * the commit, other replicas are notified of what they may be waiting for.
 */
@Injectable()
export class CommandExecutor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: InstanceStore,
    private readonly definitions: DefinitionCache,
    private readonly formKeys: FormKeyResolver,
    private readonly notifications: InstanceNotifications,
    private readonly keys: KeyGenerator,
    private readonly feel: FeelService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates an instance of a definition and runs it to its first wait states. */
  async createInstance(
    processDefinitionKey: string,
    input: { variables: Record<string, unknown>; businessId: string | null },
    origin: CommandOrigin,
  ): Promise<ExecutedCommand> {
    const definition = await this.definitions.get(processDefinitionKey);
    const executed = await inTransaction(this.dataSource, async (manager) => {
      const command: EngineCommand = { type: 'CREATE_PROCESS_INSTANCE', variables: input.variables, businessId: input.businessId, startedBy: origin.actor };
      const result = await this.run(manager, definition, InstanceState.empty().snapshot(), command, origin, 0, true);
      if (input.businessId !== null) await this.reserveBusinessId(manager, result.instance, input.businessId);
      return result;
    });
    await this.notify(executed.instance);
    return executed;
  }

  /** Runs a command on an existing instance. */
  async execute(processInstanceKey: string, command: EngineCommand, origin: CommandOrigin): Promise<ExecutedCommand> {
    const executed = await inTransaction(this.dataSource, async (manager) => {
      const loaded = await this.store.lockAndLoad(manager, processInstanceKey);
      if (!loaded) throw new NotFoundError('PROCESS_INSTANCE.NOT_FOUND', `No process instance with key ${processInstanceKey}`);
      const definition = await this.definitions.get(loaded.snapshot.instance!.processDefinitionKey);
      return this.run(manager, definition, loaded.snapshot, command, origin, loaded.eventPosition, false);
    });
    await this.notify(executed.instance);
    return executed;
  }

  private async run(
    manager: EntityManager,
    definition: LoadedDefinition,
    snapshot: InstanceSnapshot,
    command: EngineCommand,
    origin: CommandOrigin,
    eventPosition: number,
    isNew: boolean,
  ): Promise<ExecutedCommand> {
    const now = this.clock.now();
    const result = processCommand(snapshot, command, {
      model: definition.model,
      definition: definition.info,
      now: now.toISOString(),
      keys: this.keys,
      feel: this.feel,
      formKeys: await this.formKeys.resolve(definition, now.getTime()),
      uuid: randomUUID,
      random: Math.random,
    });
    if (!result.ok) throw toError(result.rejection);
    const instance = result.state.instance!;
    await this.store.save(manager, result.state.changes(), result.events, {
      instance,
      processDefinitionKey: definition.info.processDefinitionKey,
      eventPosition,
      isNew,
      time: now.toISOString(),
      origin,
    });
    if (instance.state !== 'ACTIVE' && instance.businessId !== null && !isNew) {
      await manager.query('DELETE FROM active_business_ids WHERE process_instance_key = ?', [instance.processInstanceKey]);
    }
    return { instance, state: result.state };
  }

  /** Business ids are unique among active instances of a process id (Temporal's workflow-id policy). */
  private async reserveBusinessId(manager: EntityManager, instance: ProcessInstanceRecord, businessId: string): Promise<void> {
    if (instance.state !== 'ACTIVE') return;
    try {
      await manager.query('INSERT INTO active_business_ids (tenant_id, process_definition_id, business_id, process_instance_key) VALUES (?, ?, ?, ?)', [
        instance.tenantId,
        instance.processDefinitionId,
        businessId,
        instance.processInstanceKey,
      ]);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ER_DUP_ENTRY') throw error;
      const [existing] = (await manager.query(
        'SELECT process_instance_key FROM active_business_ids WHERE tenant_id = ? AND process_definition_id = ? AND business_id = ?',
        [instance.tenantId, instance.processDefinitionId, businessId],
      )) as Array<{ process_instance_key: string }>;
      throw new ConflictError(
        'PROCESS_INSTANCE.BUSINESS_ID_IN_USE',
        `An active instance of '${instance.processDefinitionId}' with business id '${businessId}' exists already: ${existing?.process_instance_key}`,
        { processInstanceKey: existing ? String(existing.process_instance_key) : null },
      );
    }
  }

  private async notify(instance: ProcessInstanceRecord): Promise<void> {
    const notices: InstanceNotice[] = [];
    if (instance.state !== 'ACTIVE') notices.push({ kind: 'instance-ended', processInstanceKey: instance.processInstanceKey, state: instance.state });
    if (notices.length > 0) await this.notifications.publish(notices);
  }
}

function toError(rejection: Rejection): BatonError {
  return rejection.kind === 'NOT_FOUND' ? new NotFoundError(rejection.code, rejection.message) : new ConflictError(rejection.code, rejection.message);
}
