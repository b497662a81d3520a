import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '#persistence';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { responseTooLarge } from '../common/limits/response-size.js';
import { JobDispatcher } from '../dispatch/job-dispatcher.js';
import { CLOCK, WALL_CLOCK, type Clock } from '../infrastructure/clock.js';
import { InstanceNotifications } from '../notifications/instance-notifications.js';
import { JobStore, type ActivatedJobRow, type ActivationCandidate } from '../stores/job.store.js';
import type { SqlRunner } from '../stores/sql.js';
import { VariableStore } from '../stores/variable.store.js';
import type { ActivatedJobDto, JobKind, JobListenerEventType } from './dto/job.dto.js';

/** Camunda's default for requestTimeout 0 / absent: how long activation waits for jobs. */
export const DEFAULT_ACTIVATION_WAIT_MS = 10_000;

/** Bytes of an activated job besides its variables and custom headers (keys, ids, member names). */
const JOB_OVERHEAD_BYTES = 1024;

/**
 * Hands jobs to workers. Activation is a conditional update of the job row (activatable, and
 * its backoff over), so a job is never given to two workers at once (design.md invariant 5);
 * it does not take the instance lock, so busy workers do not queue behind instance commands.
 * The worker gets the job key (its idempotency key), the variables it asked for and a deadline.
 * Deadlines and backoffs are business time (the engine clock); how long a request waits for
 * jobs is real time (the wall clock: a pinned engine clock must not make it wait forever).
 */
@Injectable()
export class JobActivation implements OnApplicationShutdown {
  /** Ends waiting long polls when the engine shuts down (they answer with no jobs). */
  private readonly shutdown = new AbortController();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobStore,
    private readonly variables: VariableStore,
    private readonly notifications: InstanceNotifications,
    private readonly dispatcher: JobDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  /** Activates one job by key (the BullMQ path); null when it is not activatable now. */
  async activateByKey(jobKey: string, request: { worker: string; timeout: number; fetchVariable?: string[] }): Promise<ActivatedJobDto | null> {
    const candidate = await this.jobs.candidate(jobKey);
    if (candidate) {
      const bytes = await this.sizeOf(candidate, request.fetchVariable);
      if (bytes > this.config.limits.maxResponseBytes) throw this.jobTooLarge(jobKey, bytes);
    }
    const now = this.clock.now();
    const deadline = new Date(now.getTime() + request.timeout);
    if (!(await this.jobs.activate(jobKey, { worker: request.worker, deadline, now }))) return null;
    const [job] = await this.jobs.activated([jobKey]);
    return this.toActivatedJob(job!, request.fetchVariable);
  }

  /**
   * Activates up to `maxJobsToActivate` jobs of a type (the REST path, Camunda's
   * POST /v2/jobs/activation). With none available, waits (long polling) until jobs of the type
   * are announced or `requestTimeout` passes, or the client goes away.
   */
  async activateByType(
    request: { type: string; worker: string; timeout: number; maxJobsToActivate: number; fetchVariable?: string[]; requestTimeout?: number },
    clientGone?: AbortSignal,
  ): Promise<ActivatedJobDto[]> {
    const signal = clientGone ? AbortSignal.any([clientGone, this.shutdown.signal]) : this.shutdown.signal;
    const waitUntil = this.wallClock.now().getTime() + (request.requestTimeout || DEFAULT_ACTIVATION_WAIT_MS);
    for (;;) {
      const jobs = await this.activateAvailable(request);
      // A negative requestTimeout turns long polling off (Camunda).
      if (jobs.length > 0 || signal?.aborted || (request.requestTimeout ?? 0) < 0) return jobs;
      const remaining = waitUntil - this.wallClock.now().getTime();
      if (remaining <= 0) return [];
      // Also look again every few seconds: a job whose backoff ended is not announced.
      await this.notifications.waitForJobs([request.type], Math.min(remaining, 2_000), signal);
      if (signal.aborted) return [];
    }
  }

  onApplicationShutdown(): void {
    this.shutdown.abort();
  }

  private async activateAvailable(request: { type: string; worker: string; timeout: number; maxJobsToActivate: number; fetchVariable?: string[] }): Promise<ActivatedJobDto[]> {
    const now = this.clock.now();
    const deadline = new Date(now.getTime() + request.timeout);
    const jobs = await inTransaction(this.dataSource, async (manager: EntityManager) => {
      const candidates = await this.jobs.lockActivatable(manager, request.type, now, request.maxJobsToActivate);
      if (candidates.length === 0) return [];
      const keys = await this.fitting(manager, candidates, request.fetchVariable);
      if (keys.length === 0) return [];
      await this.jobs.activateLocked(manager, keys, { worker: request.worker, deadline, now });
      return this.jobs.activated(keys, manager);
    });
    if (jobs.length === 0) return [];
    // BullMQ workers need not see these any more.
    void this.dispatcher.removeFromQueues(jobs.map((job) => job.jobKey)).catch(() => undefined);
    return Promise.all(jobs.map((job) => this.toActivatedJob(job, request.fetchVariable)));
  }

  /**
   * The keys of the candidates whose variables fit in one answer together (BATON_MAX_RESPONSE_BYTES),
   * measured before anything is activated: the rest stay activatable for the next request (as
   * Zeebe's job batches stop at the message size). A job that would not fit even alone is left
   * out; when nothing fits because of one, the request is refused (400 RESPONSE.TOO_LARGE, naming
   * it) rather than activating a job whose answer could not be sent.
   */
  private async fitting(manager: EntityManager, candidates: ActivationCandidate[], fetchVariable: string[] | undefined): Promise<string[]> {
    const max = this.config.limits.maxResponseBytes;
    const chosen: string[] = [];
    let total = 0;
    let tooLarge: { jobKey: string; bytes: number } | undefined;
    for (const candidate of candidates) {
      const bytes = await this.sizeOf(candidate, fetchVariable, manager);
      if (bytes > max) {
        tooLarge ??= { jobKey: candidate.jobKey, bytes };
        continue;
      }
      if (total + bytes > max) break;
      total += bytes;
      chosen.push(candidate.jobKey);
    }
    if (chosen.length === 0 && tooLarge) throw this.jobTooLarge(tooLarge.jobKey, tooLarge.bytes);
    return chosen;
  }

  /** The bytes a job would weigh in an activation answer. */
  private async sizeOf(candidate: ActivationCandidate, fetchVariable: string[] | undefined, runner?: SqlRunner): Promise<number> {
    return JOB_OVERHEAD_BYTES + Buffer.byteLength(candidate.customHeadersJson) + (await this.variables.visibleSizeIn(candidate.elementInstanceKey, fetchVariable, runner));
  }

  private jobTooLarge(jobKey: string, bytes: number) {
    return responseTooLarge(`job ${jobKey} with its variables`, bytes, this.config.limits.maxResponseBytes, { jobKey }, 'it was not activated: fetch fewer variables (fetchVariable), or make its variables smaller');
  }

  private async toActivatedJob(job: ActivatedJobRow, fetchVariable: string[] | undefined): Promise<ActivatedJobDto> {
    return {
      type: job.type,
      processDefinitionId: job.processDefinitionId,
      processDefinitionVersion: job.processDefinitionVersion,
      elementId: job.elementId,
      customHeaders: job.customHeaders,
      worker: job.worker,
      retries: job.retries,
      deadline: job.deadline.getTime(),
      variables: await this.variables.visibleIn(job.elementInstanceKey, fetchVariable),
      tenantId: job.tenantId,
      jobKey: job.jobKey,
      processInstanceKey: job.processInstanceKey,
      processDefinitionKey: job.processDefinitionKey,
      elementInstanceKey: job.elementInstanceKey,
      kind: job.kind as JobKind,
      listenerEventType: job.listenerEventType as JobListenerEventType,
    };
  }
}
