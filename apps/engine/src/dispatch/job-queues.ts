import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { jobQueueName } from '#worker-sdk';
import { REDIS } from '../infrastructure/infrastructure.module.js';

export { jobQueueName } from '#worker-sdk';

/**
 * The BullMQ job id of a job's n-th dispatch: `job-<key>` for the first, `job-<key>-<n>` after
 * it became activatable again (failure with retries, timeout, incident resolved, Redis lost), so
 * that duplicate publishes of one dispatch collapse and a re-dispatch is never swallowed by the
 * previous BullMQ job of the same job. (BullMQ refuses integer-like custom ids, hence `job-`.)
 */
export function bullJobId(jobKey: string, dispatchCount: number): string {
  return dispatchCount <= 1 ? `job-${jobKey}` : `job-${jobKey}-${dispatchCount}`;
}

/** What a BullMQ job of Baton carries: only the key; the worker activates the job to get the rest. */
export interface DispatchedJobData {
  jobKey: string;
  type: string;
}

/** Producer side of the job queues: one BullMQ Queue per job type, created on first use. */
@Injectable()
export class JobQueues implements OnModuleDestroy {
  private readonly queues = new Map<string, Queue<DispatchedJobData>>();
  private readonly connection: Redis;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {
    this.connection = redis.duplicate({ maxRetriesPerRequest: 3 });
    this.connection.on('error', () => undefined);
  }

  queue(type: string): Queue<DispatchedJobData> {
    let queue = this.queues.get(type);
    if (!queue) {
      queue = new Queue<DispatchedJobData>(jobQueueName(type), { connection: this.connection, prefix: this.config.redis.bullPrefix });
      queue.on('error', () => undefined);
      this.queues.set(type, queue);
    }
    return queue;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
