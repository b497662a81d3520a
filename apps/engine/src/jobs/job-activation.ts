import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction, retryingDeadlocks } from '#persistence';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { responseTooLarge } from '../common/limits/response-size.js';
import { JobDispatcher } from '../dispatch/job-dispatcher.js';
import { InstanceNotifications } from '../execution/instance-notifications.js';
import { VisibleVariables } from '../execution/visible-variables.js';
import { CLOCK, type Clock } from '../infrastructure/clock.js';
import type { ActivatedJobDto } from './dto/job.dto.js';

/** Camunda's default for requestTimeout 0 / absent: how long activation waits for jobs. */
export const DEFAULT_ACTIVATION_WAIT_MS = 10_000;

/** Bytes of an activated job besides its variables and custom headers (keys, ids, member names). */
const JOB_OVERHEAD_BYTES = 1024;

type JobRow = Record<string, unknown>;

/**
 * Hands jobs to workers. Activation is a conditional update of the job row (activatable, and
 * its backoff over), so a job is never given to two workers at once (design.md invariant 5);
 * it does not take the instance lock, so busy workers do not queue behind instance commands.
 * The worker gets the job key (its idempotency key), the variables it asked for and a deadline.
 */
@Injectable()
export class JobActivation implements OnApplicationShutdown {
  /** Ends waiting long polls when the engine shuts down (they answer with no jobs). */
  private readonly shutdown = new AbortController();

  constructor(
    private readonly dataSource: DataSource,
    private readonly variables: VisibleVariables,
    private readonly notifications: InstanceNotifications,
    private readonly dispatcher: JobDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  /** Activates one job by key (the BullMQ path); null when it is not activatable now. */
  async activateByKey(jobKey: string, request: { worker: string; timeout: number; fetchVariable?: string[] }): Promise<ActivatedJobDto | null> {
    const [candidate] = (await this.dataSource.query('SELECT job_key, element_instance_key, custom_headers FROM jobs WHERE job_key = ?', [jobKey])) as JobRow[];
    if (candidate) {
      const bytes = await this.sizeOf(candidate, request.fetchVariable, this.dataSource);
      if (bytes > this.config.limits.maxResponseBytes) throw this.jobTooLarge(jobKey, bytes);
    }
    const now = this.clock.now();
    const deadline = new Date(now.getTime() + request.timeout);
    const result = (await retryingDeadlocks(() =>
      this.dataSource.query(
        "UPDATE jobs SET state = 'ACTIVATED', activatable = 0, worker = ?, deadline = ?, activated_at = ? WHERE job_key = ? AND activatable = 1 AND (retry_at IS NULL OR retry_at <= ?)",
        [request.worker, deadline, now, jobKey, now],
      ),
    )) as { affectedRows: number };
    if (result.affectedRows !== 1) return null;
    const [row] = (await this.dataSource.query('SELECT * FROM jobs WHERE job_key = ?', [jobKey])) as JobRow[];
    return this.toActivatedJob(row!, request.fetchVariable);
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
    const waitUntil = Date.now() + (request.requestTimeout || DEFAULT_ACTIVATION_WAIT_MS);
    for (;;) {
      const jobs = await this.activateAvailable(request);
      // A negative requestTimeout turns long polling off (Camunda).
      if (jobs.length > 0 || signal?.aborted || (request.requestTimeout ?? 0) < 0) return jobs;
      const remaining = waitUntil - Date.now();
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
    const rows = await inTransaction(this.dataSource, async (manager: EntityManager) => {
      const candidates = (await manager.query(
        'SELECT job_key, element_instance_key, custom_headers FROM jobs WHERE type = ? AND activatable = 1 AND (retry_at IS NULL OR retry_at <= ?) ORDER BY job_key LIMIT ? FOR UPDATE SKIP LOCKED',
        [request.type, now, request.maxJobsToActivate],
      )) as JobRow[];
      if (candidates.length === 0) return [];
      const keys = await this.fitting(manager, candidates, request.fetchVariable);
      if (keys.length === 0) return [];
      const placeholders = keys.map(() => '?').join(',');
      await manager.query(`UPDATE jobs SET state = 'ACTIVATED', activatable = 0, worker = ?, deadline = ?, activated_at = ? WHERE job_key IN (${placeholders})`, [
        request.worker,
        deadline,
        now,
        ...keys,
      ]);
      return (await manager.query(`SELECT * FROM jobs WHERE job_key IN (${placeholders}) ORDER BY job_key`, keys)) as JobRow[];
    });
    if (rows.length === 0) return [];
    // BullMQ workers need not see these any more.
    void this.dispatcher.removeFromQueues(rows.map((r) => String(r.job_key))).catch(() => undefined);
    return Promise.all(rows.map((row) => this.toActivatedJob(row, request.fetchVariable)));
  }

  /**
   * The keys of the candidates whose variables fit in one answer together (BATON_MAX_RESPONSE_BYTES),
   * measured before anything is activated: the rest stay activatable for the next request (as
   * Zeebe's job batches stop at the message size). A job that would not fit even alone is left
   * out; when nothing fits because of one, the request is refused (400 RESPONSE.TOO_LARGE, naming
   * it) rather than activating a job whose answer could not be sent.
   */
  private async fitting(manager: EntityManager, candidates: JobRow[], fetchVariable: string[] | undefined): Promise<string[]> {
    const max = this.config.limits.maxResponseBytes;
    const chosen: string[] = [];
    let total = 0;
    let tooLarge: { jobKey: string; bytes: number } | undefined;
    for (const candidate of candidates) {
      const bytes = await this.sizeOf(candidate, fetchVariable, manager);
      if (bytes > max) {
        tooLarge ??= { jobKey: String(candidate.job_key), bytes };
        continue;
      }
      if (total + bytes > max) break;
      total += bytes;
      chosen.push(String(candidate.job_key));
    }
    if (chosen.length === 0 && tooLarge) throw this.jobTooLarge(tooLarge.jobKey, tooLarge.bytes);
    return chosen;
  }

  /** The bytes a job would weigh in an activation answer. */
  private async sizeOf(row: JobRow, fetchVariable: string[] | undefined, runner: Pick<EntityManager, 'query'>): Promise<number> {
    const headers = typeof row.custom_headers === 'string' ? row.custom_headers : JSON.stringify(row.custom_headers ?? {});
    return JOB_OVERHEAD_BYTES + Buffer.byteLength(headers) + (await this.variables.sizeOf(String(row.element_instance_key), fetchVariable, runner));
  }

  private jobTooLarge(jobKey: string, bytes: number) {
    return responseTooLarge(`job ${jobKey} with its variables`, bytes, this.config.limits.maxResponseBytes, { jobKey }, 'it was not activated: fetch fewer variables (fetchVariable), or make its variables smaller');
  }

  private async toActivatedJob(row: JobRow, fetchVariable: string[] | undefined): Promise<ActivatedJobDto> {
    const headers = typeof row.custom_headers === 'string' ? (JSON.parse(row.custom_headers) as Record<string, string>) : (row.custom_headers as Record<string, string>);
    return {
      type: String(row.type),
      processDefinitionId: String(row.process_definition_id),
      processDefinitionVersion: Number(row.process_definition_version),
      elementId: String(row.element_id),
      customHeaders: headers,
      worker: String(row.worker ?? ''),
      retries: Number(row.retries),
      deadline: new Date(row.deadline as Date).getTime(),
      variables: await this.variables.of(String(row.element_instance_key), fetchVariable),
      tenantId: String(row.tenant_id),
      jobKey: String(row.job_key),
      processInstanceKey: String(row.process_instance_key),
      processDefinitionKey: String(row.process_definition_key),
      elementInstanceKey: String(row.element_instance_key),
      kind: 'BPMN_ELEMENT',
      listenerEventType: 'UNSPECIFIED',
    };
  }
}
