import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TimerRecord } from '#engine-core';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { CLOCK, type Clock } from '../infrastructure/clock.js';
import { REDIS } from '../infrastructure/infrastructure.module.js';

export const TIMER_QUEUE = 'timers';

/**
 * What a timer's BullMQ job carries: a timer of a process instance, or an occurrence of a timer
 * start event (`start: true`, job id `start-timer-<key>`), which starts an instance.
 */
export type ScheduledTimer = { timerKey: string; processInstanceKey: string; start?: undefined } | { timerKey: string; start: true };

/** Fires a due timer (TRIGGER_TIMER on its instance); set by the module that has the executor. */
export type TimerTrigger = (timer: ScheduledTimer) => Promise<'fired' | 'not-due' | 'gone'>;

/**
 * Timers on BullMQ: a new timer becomes a delayed job in the `timers` queue (job id = timer
 * key, as `timer-<key>`) after the commit that created it, and every engine replica runs a worker
 * on that queue that fires it; occurrences of timer start events use the same queue
 * (`start-timer-<key>`). MySQL stays the truth: the sweeper also fires every timer that is due by
 * the engine clock, which covers a Redis loss and a pinned clock.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TimerScheduler');
  private readonly queue: Queue<ScheduledTimer>;
  private worker: Worker<ScheduledTimer> | undefined;
  private readonly producer: Redis;
  private consumer: Redis | undefined;
  private trigger: TimerTrigger | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.producer = redis.duplicate({ maxRetriesPerRequest: 3 });
    this.producer.on('error', () => undefined);
    this.queue = new Queue<ScheduledTimer>(TIMER_QUEUE, { connection: this.producer, prefix: config.redis.bullPrefix });
    this.queue.on('error', () => undefined);
  }

  /** Called once by the timer sweeper's module, which can run commands. */
  setTrigger(trigger: TimerTrigger): void {
    this.trigger = trigger;
  }

  onApplicationBootstrap(): void {
    this.consumer = this.redis.duplicate({ maxRetriesPerRequest: null });
    this.consumer.on('error', () => undefined);
    this.worker = new Worker<ScheduledTimer>(
      TIMER_QUEUE,
      async (job) => {
        const outcome = await this.trigger?.(job.data);
        // Fired early (the engine clock runs behind): the sweeper fires it once it is due.
        if (outcome === 'not-due') this.logger.debug({ timerKey: job.data.timerKey }, 'Timer job arrived before the timer was due');
      },
      { connection: this.consumer, prefix: this.config.redis.bullPrefix, concurrency: 8 },
    );
    this.worker.on('error', (error) => this.logger.warn({ err: error }, 'Timer worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await Promise.allSettled([this.consumer?.quit(), this.producer.quit()]);
  }

  /** After a deployment's or a firing's commit: schedule occurrences of timer start events. */
  async scheduleStartTimers(timers: ReadonlyArray<{ timerKey: string; dueDate: Date }>): Promise<void> {
    try {
      const now = this.clock.now().getTime();
      for (const timer of timers) {
        const delay = Math.max(0, timer.dueDate.getTime() - now);
        await this.queue.add('start-timer', { timerKey: timer.timerKey, start: true }, { jobId: `start-timer-${timer.timerKey}`, delay, removeOnComplete: true, removeOnFail: true });
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Scheduling timer start events on BullMQ failed; the sweeper fires them when due');
    }
  }

  /** Unschedules occurrences of timer start events a deployment replaced. */
  async unscheduleStartTimers(timerKeys: readonly string[]): Promise<void> {
    for (const timerKey of timerKeys) await this.queue.remove(`start-timer-${timerKey}`).catch(() => 0);
  }

  /** After a commit: schedule the new timers, unschedule those that were canceled or fired. */
  async afterCommit(processInstanceKey: string, timers: readonly TimerRecord[]): Promise<void> {
    try {
      const now = this.clock.now().getTime();
      for (const timer of timers) {
        if (timer.state === 'ACTIVE') {
          const delay = Math.max(0, Date.parse(timer.dueDate) - now);
          await this.queue.add('timer', { timerKey: timer.timerKey, processInstanceKey }, { jobId: `timer-${timer.timerKey}`, delay, removeOnComplete: true, removeOnFail: true });
        } else {
          await this.queue.remove(`timer-${timer.timerKey}`).catch(() => 0);
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Scheduling timers on BullMQ failed; the sweeper fires them when due');
    }
  }
}
