import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ExecutableProcess } from '#bpmn';
import { Failure, KeyGenerator, nextCycleTimer, timerSchedule, ValueEvaluator } from '#engine-core';
import { FeelService } from '#feel';
import { inTransaction } from '#persistence';
import { InvalidArgumentError } from '../common/errors/index.js';
import { TimerScheduler } from '../dispatch/timer-scheduler.js';
import { CLOCK, type Clock } from '../infrastructure/clock.js';
import { StartTimerStore, type StartTimer } from '../stores/start-timer.store.js';
import { CommandExecutor, type ExecutedCommand } from './command-executor.js';

/** How a deployment changed a process id's timer start schedule (scheduled on BullMQ after its commit). */
export interface StartTimerChange {
  added: StartTimer[];
  removed: string[];
}

/**
 * Timer start events (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/timer-events/):
 * the schedule belongs to the latest version of a process. Deploying a version replaces its
 * process id's schedule with the version's timer start events (a time date, or a cycle: ISO 8601
 * repeating interval or cron; FEEL evaluated at deployment without variables), or removes it.
 * When an occurrence is due (engine clock; a BullMQ delayed job, or the due-timer sweep), an
 * instance starts at its start event and the next occurrence of a cycle replaces it, in one
 * transaction. A due time that passed while the engine was down fires once when it is back: the
 * next occurrence is the first one after that moment, not every one that was missed.
 */
@Injectable()
export class StartTimers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: StartTimerStore,
    private readonly executor: CommandExecutor,
    private readonly scheduler: TimerScheduler,
    private readonly keys: KeyGenerator,
    private readonly feel: FeelService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Makes a newly deployed version's timer start events its process id's schedule, in the deployment's transaction. */
  async replaceIn(manager: EntityManager, definition: { tenantId: string; processDefinitionKey: string; model: ExecutableProcess }, now: Date): Promise<StartTimerChange> {
    const { model } = definition;
    const evaluator = new ValueEvaluator(this.feel, { now });
    const added: StartTimer[] = [];
    for (const start of model.timerStartEvents ?? []) {
      const schedule = timerSchedule(start.timer, {}, evaluator, now.toISOString());
      if (schedule instanceof Failure) {
        throw new InvalidArgumentError('DEPLOYMENT.INVALID_RESOURCE', `The timer of start event '${start.elementId}' of process '${model.id}' cannot be scheduled: ${schedule.message}`);
      }
      added.push({
        timerKey: this.keys.next(),
        tenantId: definition.tenantId,
        processDefinitionId: model.id,
        processDefinitionKey: definition.processDefinitionKey,
        elementId: start.elementId,
        dueDate: new Date(schedule.dueDate),
        ...(schedule.cycle ? { cycle: schedule.cycle } : {}),
      });
    }
    const removed = await this.store.replace(manager, { tenantId: definition.tenantId, processDefinitionId: model.id }, added, now);
    return { added, removed };
  }

  /** After the deployment's commit: the new occurrences on BullMQ, the replaced ones off it. */
  async afterCommit(change: StartTimerChange): Promise<void> {
    await this.scheduler.unscheduleStartTimers(change.removed);
    await this.scheduler.scheduleStartTimers(change.added);
  }

  /**
   * Fires an occurrence: starts an instance at its start event and schedules the next occurrence
   * of its cycle. 'not-due' before its due date (engine clock), 'gone' when it fired already or a
   * deployment replaced it.
   */
  async fire(timerKey: string): Promise<'fired' | 'not-due' | 'gone'> {
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const timer = await this.store.lock(manager, timerKey);
      if (!timer) return 'gone' as const;
      const now = this.clock.now();
      if (timer.dueDate.getTime() > now.getTime()) return 'not-due' as const;
      await this.store.delete(manager, timerKey);
      const next = this.nextOf(timer, now);
      if (next) await this.store.insert(manager, next, now);
      const started = await this.executor.startAtEventIn(manager, timer, { variables: {}, businessId: null }, { command: 'TRIGGER_TIMER', actor: 'system' });
      return { started: 'executed' in started ? started.executed : null, next };
    });
    if (typeof outcome === 'string') return outcome;
    if (outcome.started) await this.executor.afterCommit(outcome.started as ExecutedCommand);
    if (outcome.next) await this.scheduler.scheduleStartTimers([outcome.next]);
    return 'fired';
  }

  /** Fires every occurrence due by the engine clock (the sweep: BullMQ lost it, the clock was moved, the engine was down). */
  async fireDue(limit: number): Promise<number> {
    const due = await this.store.due(this.clock.now(), limit);
    for (const timerKey of due) await this.fire(timerKey);
    return due.length;
  }

  /** The occurrence after `timer` fired at `now`, for a cycle with repetitions left. */
  private nextOf(timer: StartTimer, now: Date): StartTimer | null {
    if (!timer.cycle) return null;
    const next = nextCycleTimer(timer.cycle, timer.dueDate.toISOString(), now.toISOString());
    if (!next) return null;
    return { ...timer, timerKey: this.keys.next(), dueDate: new Date(next.dueDate), ...(next.cycle ? { cycle: next.cycle } : {}) };
  }
}
