import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JobRecord } from '#engine-core';
import { CLOCK, type Clock } from '../infrastructure/clock.js';
import { InstanceNotifications } from '../notifications/instance-notifications.js';
import { JobStore } from '../stores/job.store.js';
import { bullJobId, JobQueues } from './job-queues.js';

/**
 * Moves jobs from MySQL to BullMQ (design.md invariant 6, the outbox): a job the engine made
 * activatable is marked PENDING in the same transaction; after the commit it is published to
 * its type's queue (delayed until its retry backoff ends) and marked PUBLISHED. Anything a crash
 * or a Redis outage kept from being published is picked up by the sweeper (DispatchSweeper).
 * The dispatch columns are compared with the engine clock, the clock they are written with.
 */
@Injectable()
export class JobDispatcher {
  private readonly logger = new Logger('JobDispatcher');

  constructor(
    private readonly jobs: JobStore,
    private readonly queues: JobQueues,
    private readonly notifications: InstanceNotifications,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** After a command's commit: publish what it made activatable, drop queue entries of jobs that ended. */
  async afterCommit(changedJobs: readonly JobRecord[]): Promise<void> {
    if (changedJobs.length === 0) return;
    try {
      const activatable = changedJobs.filter((job) => job.activatable).map((job) => job.jobKey);
      if (activatable.length > 0) await this.publishPending({ jobKeys: activatable });
      const ended = changedJobs.filter((job) => job.state === 'COMPLETED' || job.state === 'CANCELED').map((job) => job.jobKey);
      if (ended.length > 0) await this.removeFromQueues(ended);
    } catch (error) {
      // Committed state is safe; the sweeper publishes what this could not.
      this.logger.warn({ err: error }, 'Dispatching jobs after commit failed; the sweeper will retry');
    }
  }

  /**
   * Publishes PENDING jobs: the given ones, or those requested before `requestedBefore` (the
   * sweeper's catch-up). Returns how many were published.
   */
  async publishPending(selection: { jobKeys: string[] } | { requestedBefore: Date; limit: number }): Promise<number> {
    const dispatches = await this.jobs.pendingDispatches(selection);
    if (dispatches.length === 0) return 0;
    const now = this.clock.now().getTime();
    for (const dispatch of dispatches) {
      const delay = dispatch.retryAt ? Math.max(0, dispatch.retryAt.getTime() - now) : 0;
      await this.queues
        .queue(dispatch.type)
        .add('job', { jobKey: dispatch.jobKey, type: dispatch.type }, { jobId: bullJobId(dispatch.jobKey, dispatch.dispatchCount), delay, removeOnComplete: true, removeOnFail: true });
    }
    await this.jobs.markPublished(dispatches);
    await this.notifications.publish([{ kind: 'jobs-available', types: [...new Set(dispatches.map((dispatch) => dispatch.type))] }]);
    return dispatches.length;
  }

  /** Removes the waiting BullMQ entries of jobs that ended or were activated over REST. */
  async removeFromQueues(jobKeys: string[]): Promise<void> {
    for (const dispatch of await this.jobs.dispatchesOf(jobKeys)) {
      if (dispatch.dispatchCount === 0) continue;
      // A BullMQ job being processed is locked and cannot be removed; it ends by itself.
      await this.queues.queue(dispatch.type).remove(bullJobId(dispatch.jobKey, dispatch.dispatchCount)).catch(() => 0);
    }
  }

  /**
   * Marks every activatable job for a new dispatch (after Redis lost its data): each gets a new
   * BullMQ job id, so nothing left over in Redis can swallow it. Returns how many.
   */
  redispatchAllActivatable(): Promise<number> {
    return this.jobs.requestRedispatch('all-activatable', this.clock.now());
  }
}
