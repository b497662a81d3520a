import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { BatonError } from '../common/errors/index.js';
import { JobDispatcher } from '../dispatch/job-dispatcher.js';
import { bullJobId, JobQueues } from '../dispatch/job-queues.js';
import { TimerScheduler, type ScheduledTimer } from '../dispatch/timer-scheduler.js';
import { CommandExecutor } from '../execution/command-executor.js';
import { PendingCommands } from '../execution/pending-commands.js';
import { StartTimers } from '../execution/start-timers.js';
import { CLOCK, type Clock } from '../infrastructure/clock.js';
import { REDIS } from '../infrastructure/infrastructure.module.js';
import { JobStore } from '../stores/job.store.js';
import { TimerStore } from '../stores/timer.store.js';

/** How long a PENDING dispatch may wait for its after-commit publish before the sweeper takes it. */
const PUBLISH_GRACE_MS = 2_000;
/** How long a published activatable job may sit unclaimed before its BullMQ job is checked. */
const STALE_AFTER_MS = 30_000;

/**
 * The safety nets of dispatch, each a small periodic task on every engine replica (they are
 * idempotent, so replicas need no coordination):
 * - fire timers (and timer start events) that are due by the engine clock but were not fired through BullMQ;
 * - publish dispatches whose after-commit publish was lost (crash, Redis briefly away);
 * - time out jobs whose worker did not finish before the deadline (its process died);
 * - notice that Redis lost its data (FLUSHALL, restart without persistence) and dispatch every
 *   activatable job again;
 * - re-dispatch activatable jobs whose BullMQ job has gone missing;
 * - deliver commands between instances (call activities) whose after-commit delivery was lost.
 */
@Injectable()
export class DispatchSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DispatchSweeper');
  private readonly intervals: NodeJS.Timeout[] = [];
  private readonly running = new Set<string>();
  private readonly sentinelKey: string;

  constructor(
    private readonly dispatcher: JobDispatcher,
    private readonly queues: JobQueues,
    private readonly timers: TimerScheduler,
    private readonly executor: CommandExecutor,
    private readonly pendingCommands: PendingCommands,
    private readonly startTimers: StartTimers,
    private readonly jobs: JobStore,
    private readonly timerStore: TimerStore,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BATON_CONFIG) config: BatonConfig,
  ) {
    this.sentinelKey = `${config.redis.bullPrefix}:baton:sentinel`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.timers.setTrigger((timer) => this.fireTimer(timer));
    // Before serving: a Redis that lost its data (or a new one) gets every activatable job again.
    await this.recoverFromRedisLoss().catch((error: unknown) => this.logger.warn({ err: error }, 'Checking Redis for lost data failed; retrying in the background'));
    this.every('due-timers', 1_000, () => this.fireDueTimers());
    this.every('publish-missed', 1_000, () => this.publishMissed());
    this.every('job-deadlines', 1_000, () => this.timeOutExpiredJobs());
    this.every('redis-loss', 2_000, () => this.recoverFromRedisLoss());
    this.every('stale-dispatches', 10_000, () => this.redispatchStale());
    this.every('pending-commands', 1_000, () => this.pendingCommands.sweep());
  }

  onApplicationShutdown(): void {
    for (const interval of this.intervals) clearInterval(interval);
  }

  /** Runs `task` every `ms`, never overlapping itself, logging failures without stopping. */
  private every(name: string, ms: number, task: () => Promise<unknown>): void {
    const timer = setInterval(() => {
      if (this.running.has(name)) return;
      this.running.add(name);
      task()
        .catch((error: unknown) => this.logger.warn({ err: error, task: name }, 'Dispatch sweep failed'))
        .finally(() => this.running.delete(name));
    }, ms);
    timer.unref();
    this.intervals.push(timer);
  }

  /** Fires one timer through its instance (or starts an instance, for a timer start event); a timer that ended or is not due yet is left alone. */
  async fireTimer(timer: ScheduledTimer): Promise<'fired' | 'not-due' | 'gone'> {
    if (timer.start) return this.startTimers.fire(timer.timerKey);
    try {
      await this.executor.execute(timer.processInstanceKey, { type: 'TRIGGER_TIMER', timerKey: timer.timerKey }, { command: 'TRIGGER_TIMER', actor: 'system' });
      return 'fired';
    } catch (error) {
      if (!(error instanceof BatonError)) throw error;
      return error.code === 'TIMER.NOT_DUE' ? 'not-due' : 'gone';
    }
  }

  /** Timers (and timer start events) due by the engine clock that BullMQ has not fired (Redis lost, clock pinned, engine was down). */
  async fireDueTimers(): Promise<number> {
    const due = await this.timerStore.due(this.clock.now(), 200);
    for (const timer of due) await this.fireTimer(timer);
    return due.length + (await this.startTimers.fireDue(200));
  }

  async publishMissed(): Promise<number> {
    return this.dispatcher.publishPending({ requestedBefore: new Date(this.clock.now().getTime() - PUBLISH_GRACE_MS), limit: 500 });
  }

  /** Activated jobs past their deadline become activatable again (TIME_OUT_JOB, through the instance). */
  async timeOutExpiredJobs(): Promise<number> {
    const expired = await this.jobs.expired(this.clock.now(), 200);
    for (const job of expired) {
      try {
        await this.executor.execute(job.processInstanceKey, { type: 'TIME_OUT_JOB', jobKey: job.jobKey }, { command: 'TIME_OUT_JOB', actor: 'system' });
      } catch (error) {
        // Completed or failed meanwhile by its worker: nothing to time out.
        if (!(error instanceof BatonError)) throw error;
      }
    }
    return expired.length;
  }

  /**
   * Redis holds a sentinel key as long as it keeps its data. When it is gone, every activatable
   * job is dispatched again (MySQL is the truth; design.md invariant 1).
   */
  async recoverFromRedisLoss(): Promise<boolean> {
    if ((await this.redis.exists(this.sentinelKey)) === 1) return false;
    const jobs = await this.dispatcher.redispatchAllActivatable();
    await this.dispatcher.publishPending({ requestedBefore: this.clock.now(), limit: 100_000 });
    await this.redis.set(this.sentinelKey, String(this.clock.now().getTime()));
    if (jobs > 0) this.logger.warn({ jobs }, 'Redis had lost its data (or is new): dispatched every activatable job again');
    return true;
  }

  /** Activatable jobs published long ago whose BullMQ job is no longer in Redis get a new dispatch. */
  async redispatchStale(): Promise<number> {
    const now = this.clock.now();
    const stale = await this.jobs.stalePublished(new Date(now.getTime() - STALE_AFTER_MS), 200);
    const missing: string[] = [];
    for (const dispatch of stale) {
      const job = await this.queues.queue(dispatch.type).getJob(bullJobId(dispatch.jobKey, dispatch.dispatchCount));
      if (!job) missing.push(dispatch.jobKey);
    }
    if (missing.length === 0) return 0;
    await this.jobs.requestRedispatch(missing, now);
    await this.dispatcher.publishPending({ jobKeys: missing });
    return missing.length;
  }
}
