import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EngineEvent, InstanceSnapshot, InstanceState, ProcessInstanceRecord } from '#engine-core';
import { CompensationSubscriptionStore } from '../stores/compensation-subscription.store.js';
import { ElementInstanceStore } from '../stores/element-instance.store.js';
import { EventSubscriptionStore } from '../stores/event-subscription.store.js';
import { IncidentStore } from '../stores/incident.store.js';
import { InstanceEventStore, type CommandOrigin } from '../stores/instance-event.store.js';
import { JobStore } from '../stores/job.store.js';
import { JoinTokenStore } from '../stores/join-token.store.js';
import { ProcessInstanceStore } from '../stores/process-instance.store.js';
import { readTogether, StatementBatch } from '../stores/sql.js';
import { TimerStore } from '../stores/timer.store.js';
import { UserTaskStore } from '../stores/user-task.store.js';
import { VariableStore } from '../stores/variable.store.js';

export type { CommandOrigin } from '../stores/instance-event.store.js';

/**
 * Loads the active state of one process instance (locking its row first) and writes back what a
 * command changed plus its events, inside the caller's transaction, one round trip each way: the
 * owner of each table contributes its statements (docs/architecture.md, "Tables and their
 * owners"), this class puts them in order. This is the engine's hot path.
 */
@Injectable()
export class InstanceStore {
  constructor(
    private readonly instances: ProcessInstanceStore,
    private readonly elements: ElementInstanceStore,
    private readonly variables: VariableStore,
    private readonly joinTokens: JoinTokenStore,
    private readonly userTasks: UserTaskStore,
    private readonly jobs: JobStore,
    private readonly incidents: IncidentStore,
    private readonly timers: TimerStore,
    private readonly subscriptions: EventSubscriptionStore,
    private readonly events: InstanceEventStore,
    private readonly compensations: CompensationSubscriptionStore,
  ) {}

  /**
   * Locks the instance row (SELECT ... FOR UPDATE) and loads its active state, in one round
   * trip (the statements run in order, so every read happens under the lock); null if unknown.
   */
  async lockAndLoad(manager: EntityManager, processInstanceKey: string): Promise<{ snapshot: InstanceSnapshot; eventPosition: number } | null> {
    const [instance, elements, variables, joinTokens, userTasks, jobs, incidents, timers, subscriptions, compensations] = await readTogether(manager, [
      this.instances.lock(processInstanceKey),
      this.elements.activeOf(processInstanceKey),
      this.variables.inActiveScopes(processInstanceKey),
      this.joinTokens.of(processInstanceKey),
      this.userTasks.openOf(processInstanceKey),
      this.jobs.lockOpenOf(processInstanceKey),
      this.incidents.activeOf(processInstanceKey),
      this.timers.activeOf(processInstanceKey),
      this.subscriptions.openOf(processInstanceKey),
      this.compensations.pendingOf(processInstanceKey),
    ]);
    if (!instance) return null;
    const snapshot = { instance: instance.record, elements, variables, joinTokens, userTasks, jobs, incidents, timers, subscriptions, ...(compensations.length > 0 ? { compensations } : {}) };
    return { snapshot, eventPosition: instance.eventPosition };
  }

  /**
   * Writes the changed records and appends the events to the audit log. `eventPosition` is the
   * number of events the instance had before this command.
   */
  async save(manager: EntityManager, state: InstanceState, events: EngineEvent[], context: { instance: ProcessInstanceRecord; processDefinitionKey: string; eventPosition: number; isNew: boolean; time: string; origin: CommandOrigin }): Promise<void> {
    const changes = state.changes();
    const { instance, processDefinitionKey, eventPosition, origin } = context;
    const write = { instance, processDefinitionKey, time: new Date(context.time) };
    const batch = new StatementBatch();
    this.instances.writeStatements(batch, instance, { isNew: context.isNew, eventPosition: eventPosition + events.length });
    this.elements.upsertStatements(batch, changes.elements, write);
    this.variables.upsertStatements(batch, changes.variables, write);
    this.joinTokens.replaceStatements(batch, changes.joinTokens, instance.processInstanceKey);
    this.userTasks.upsertStatements(batch, changes.userTasks, write);
    this.jobs.upsertStatements(batch, changes.jobs, write);
    this.incidents.upsertStatements(batch, changes.incidents, write);
    this.timers.upsertStatements(batch, changes.timers, write);
    this.subscriptions.upsertStatements(batch, changes.subscriptions, events, write);
    this.compensations.upsertStatements(batch, changes.compensations, write);
    this.events.appendStatements(batch, events, { processInstanceKey: instance.processInstanceKey, state, eventPosition, origin, time: write.time });
    await batch.run(manager);
  }
}
