import { Inject, Injectable, Logger } from '@nestjs/common';
import { retryingDeadlocks } from '#persistence';
import { DataSource } from 'typeorm';
import type { JobRecord } from '#engine-core';
import { CLOCK, type Clock } from '../infrastructure/clock.js';
import { InstanceNotifications } from '../execution/instance-notifications.js';
import { bullJobId, JobQueues } from './job-queues.js';

type PendingRow = { job_key: string; type: string; retry_at: Date | null; dispatch_count: number };

/**
 * Moves jobs from MySQL to BullMQ (design.md invariant 6, the outbox): a job the engine made
 * activatable is marked PENDING in the same transaction; after the commit it is published to
 * its type's queue (delayed until its retry backoff ends) and marked PUBLISHED. Anything a crash
 * or a Redis outage kept from being published is picked up by the sweeper (DispatchSweeper).
 */
@Injectable()
export class JobDispatcher {
  private readonly logger = new Logger('JobDispatcher');

  constructor(
    private readonly dataSource: DataSource,
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
    const rows = (
      'jobKeys' in selection
        ? await this.dataSource.query(
            `SELECT job_key, type, retry_at, dispatch_count FROM jobs WHERE dispatch_state = 'PENDING' AND job_key IN (${selection.jobKeys.map(() => '?').join(',')})`,
            selection.jobKeys,
          )
        : await this.dataSource.query(
            "SELECT job_key, type, retry_at, dispatch_count FROM jobs WHERE dispatch_state = 'PENDING' AND dispatch_requested_at <= ? ORDER BY dispatch_requested_at LIMIT ?",
            [selection.requestedBefore, selection.limit],
          )
    ) as PendingRow[];
    if (rows.length === 0) return 0;
    const now = this.clock.now().getTime();
    for (const row of rows) {
      const jobKey = String(row.job_key);
      const delay = row.retry_at ? Math.max(0, new Date(row.retry_at).getTime() - now) : 0;
      await this.queues.queue(row.type).add('job', { jobKey, type: row.type }, { jobId: bullJobId(jobKey, Number(row.dispatch_count)), delay, removeOnComplete: true, removeOnFail: true });
    }
    // Only the dispatch that was published: a newer request (count moved on) stays PENDING. The
    // rows are found by primary key (job_key IN ...), locking only them, in key order: workers
    // activate the same rows at the same time.
    const published = rows.map((row) => String(row.job_key)).sort();
    await retryingDeadlocks(() =>
      this.dataSource.query(
        `UPDATE jobs SET dispatch_state = 'PUBLISHED' WHERE job_key IN (${published.map(() => '?').join(',')}) AND dispatch_state = 'PENDING' AND (job_key, dispatch_count) IN (${rows.map(() => '(?, ?)').join(',')})`,
        [...published, ...rows.flatMap((row) => [String(row.job_key), row.dispatch_count])],
      ),
    );
    await this.notifications.publish([{ kind: 'jobs-available', types: [...new Set(rows.map((row) => row.type))] }]);
    return rows.length;
  }

  /** Removes the waiting BullMQ entries of jobs that ended or were activated over REST. */
  async removeFromQueues(jobKeys: string[]): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT job_key, type, dispatch_count FROM jobs WHERE job_key IN (${jobKeys.map(() => '?').join(',')})`, jobKeys)) as PendingRow[];
    for (const row of rows) {
      if (Number(row.dispatch_count) === 0) continue;
      // A BullMQ job being processed is locked and cannot be removed; it ends by itself.
      await this.queues.queue(row.type).remove(bullJobId(String(row.job_key), Number(row.dispatch_count))).catch(() => 0);
    }
  }

  /**
   * Marks every activatable job for a new dispatch (after Redis lost its data): each gets a new
   * BullMQ job id, so nothing left over in Redis can swallow it. Returns how many.
   */
  async redispatchAllActivatable(): Promise<number> {
    const result = (await this.dataSource.query(
      "UPDATE jobs SET dispatch_state = 'PENDING', dispatch_count = dispatch_count + 1, dispatch_requested_at = ? WHERE activatable = 1",
      [this.clock.now()],
    )) as { affectedRows: number };
    return result.affectedRows;
  }
}
