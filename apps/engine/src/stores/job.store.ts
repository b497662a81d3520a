import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { JobRecord } from '#engine-core';
import { retryingDeadlocks } from '#persistence';
import { affectedRows, date, iso, isoOrNull, json, placeholders, upsertRows, type Read, type Row, type SqlRunner, type StatementBatch, type WriteContext } from './sql.js';

/** A job a worker may be given, with what its activation answer weighs besides its variables. */
export interface ActivationCandidate {
  jobKey: string;
  elementInstanceKey: string;
  /** The custom headers as stored (JSON text): their bytes count towards the answer's size. */
  customHeadersJson: string;
}

/** An activated job as a worker gets it (without its variables). */
export interface ActivatedJobRow {
  jobKey: string;
  type: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  deadline: Date;
  tenantId: string;
  /** BPMN_ELEMENT, EXECUTION_LISTENER or TASK_LISTENER. */
  kind: string;
  /** UNSPECIFIED for the element's own job. */
  listenerEventType: string;
}

/** A job's current dispatch: the BullMQ job id is made of its key and dispatch count. */
export interface Dispatch {
  jobKey: string;
  type: string;
  dispatchCount: number;
  /** When its retry backoff ends (the BullMQ job is delayed until then); null: at once. */
  retryAt: Date | null;
}

/**
 * Owner of `jobs`. Three parties change a job row, all through here: the command side (the
 * instance's batch: created, completed, failed, ...; under the instance lock), activation (a
 * conditional UPDATE, without the instance lock: design.md invariant 5) and dispatch (the outbox
 * columns `dispatch_state`, `dispatch_count`, `dispatch_requested_at`: invariant 6).
 */
@Injectable()
export class JobStore {
  constructor(private readonly dataSource: DataSource) {}

  // --- the command side ---------------------------------------------------------------------

  /**
   * The instance's open jobs, locked too: workers activate jobs without the instance lock (a
   * conditional update on the row). The index is named: chosen by statistics, MariaDB sometimes
   * scanned (and locked) other instances' jobs.
   */
  lockOpenOf(processInstanceKey: string): Read<JobRecord[]> {
    return {
      sql: "SELECT * FROM jobs FORCE INDEX (idx_jobs_instance) WHERE process_instance_key = ? AND state IN ('CREATED', 'ACTIVATED', 'FAILED', 'ERROR_THROWN') FOR UPDATE",
      parameters: [processInstanceKey],
      read: (rows) => rows.map(toJob),
    };
  }

  /**
   * Inserts new jobs and updates changed ones. A job the core made activatable is marked for
   * dispatch (the outbox): the executor publishes it to BullMQ after the commit, the dispatch
   * sweeper if that publish was lost.
   */
  upsertStatements(batch: StatementBatch, jobs: readonly JobRecord[], context: WriteContext): void {
    const { instance, time } = context;
    upsertRows(
      batch,
      'jobs',
      ['job_key', 'type', 'state', 'process_instance_key', 'element_instance_key', 'element_id', 'process_definition_key', 'process_definition_id', 'process_definition_version',
        'retries', 'custom_headers', 'tenant_id', 'created_at', 'ended_at', 'retry_at', 'error_message', 'activatable', 'dispatch_state', 'dispatch_requested_at', 'dispatch_count', 'failure_count',
        'kind', 'listener_event_type', 'listener_progress'],
      ['state', 'retries', 'ended_at', 'retry_at', 'error_message', 'activatable', 'dispatch_count', 'dispatch_state', 'dispatch_requested_at', 'worker', 'deadline', 'failure_count'],
      jobs.map((j) => [
        j.jobKey, j.type, j.state, instance.processInstanceKey, j.elementInstanceKey, j.elementId, context.processDefinitionKey, instance.processDefinitionId, instance.processDefinitionVersion,
        j.retries, JSON.stringify(j.customHeaders), instance.tenantId, new Date(j.createdAt), ['COMPLETED', 'CANCELED'].includes(j.state) ? time : null,
        date(j.retryAt), j.errorMessage, j.activatable ? 1 : 0, j.activatable ? 'PENDING' : 'NONE', j.activatable ? time : null, j.activatable ? 1 : 0, j.failureCount ?? 0,
        j.kind ?? 'BPMN_ELEMENT', j.listenerEventType ?? 'UNSPECIFIED', j.listener ? JSON.stringify(j.listener) : null,
      ]),
      {
        // Each time a job becomes activatable again it is a new dispatch (a new BullMQ job id).
        dispatch_count: "IF(VALUES(dispatch_state) = 'PENDING', dispatch_count + 1, dispatch_count)",
        // A job offered again loses its worker; an ended job keeps the one that ended it (for the
        // audit). Only an activated job has a deadline.
        worker: 'IF(VALUES(activatable) = 1, NULL, worker)',
        deadline: "IF(VALUES(state) = 'ACTIVATED', deadline, NULL)",
      },
    );
  }

  /** The process instance a job belongs to, or null when the key is unknown. */
  async processInstanceOf(jobKey: string): Promise<string | null> {
    const [row] = (await this.dataSource.query('SELECT process_instance_key FROM jobs WHERE job_key = ?', [jobKey])) as Array<{ process_instance_key: string }>;
    return row ? String(row.process_instance_key) : null;
  }

  /** Moves the deadline of an activated job; false when the job is not activated (or unknown). */
  async moveDeadline(jobKey: string, deadline: Date): Promise<boolean> {
    return affectedRows(await this.dataSource.query("UPDATE jobs SET deadline = ? WHERE job_key = ? AND state = 'ACTIVATED'", [deadline, jobKey])) > 0;
  }

  /** Activated jobs whose deadline passed before `now`: their workers are presumed gone. */
  async expired(now: Date, limit: number): Promise<Array<{ jobKey: string; processInstanceKey: string }>> {
    const rows = (await this.dataSource.query("SELECT job_key, process_instance_key FROM jobs WHERE state = 'ACTIVATED' AND deadline < ? LIMIT ?", [now, limit])) as Row[];
    return rows.map((r) => ({ jobKey: String(r.job_key), processInstanceKey: String(r.process_instance_key) }));
  }

  // --- activation -----------------------------------------------------------------------------

  /** The job as an activation candidate, whatever its state (null when unknown). */
  async candidate(jobKey: string): Promise<ActivationCandidate | null> {
    const [row] = (await this.dataSource.query('SELECT job_key, element_instance_key, custom_headers FROM jobs WHERE job_key = ?', [jobKey])) as Row[];
    return row ? toCandidate(row) : null;
  }

  /** Activates one job if it is activatable and its backoff is over at `now`; false otherwise. */
  async activate(jobKey: string, activation: { worker: string; deadline: Date; now: Date }): Promise<boolean> {
    const { worker, deadline, now } = activation;
    const result = await retryingDeadlocks(() =>
      this.dataSource.query(
        "UPDATE jobs SET state = 'ACTIVATED', activatable = 0, worker = ?, deadline = ?, activated_at = ? WHERE job_key = ? AND activatable = 1 AND (retry_at IS NULL OR retry_at <= ?)",
        [worker, deadline, now, jobKey, now],
      ),
    );
    return affectedRows(result) === 1;
  }

  /** Locks up to `limit` activatable jobs of a type (skipping those another activation holds), oldest first. */
  async lockActivatable(manager: SqlRunner, type: string, now: Date, limit: number): Promise<ActivationCandidate[]> {
    const rows = (await manager.query(
      'SELECT job_key, element_instance_key, custom_headers FROM jobs WHERE type = ? AND activatable = 1 AND (retry_at IS NULL OR retry_at <= ?) ORDER BY job_key LIMIT ? FOR UPDATE SKIP LOCKED',
      [type, now, limit],
    )) as Row[];
    return rows.map(toCandidate);
  }

  /** Activates jobs locked by {@link lockActivatable} in the same transaction. */
  async activateLocked(manager: SqlRunner, jobKeys: readonly string[], activation: { worker: string; deadline: Date; now: Date }): Promise<void> {
    await manager.query(`UPDATE jobs SET state = 'ACTIVATED', activatable = 0, worker = ?, deadline = ?, activated_at = ? WHERE job_key IN (${placeholders(jobKeys.length)})`, [
      activation.worker,
      activation.deadline,
      activation.now,
      ...jobKeys,
    ]);
  }

  /** Activated jobs by key, in key order. */
  async activated(jobKeys: readonly string[], runner: SqlRunner = this.dataSource): Promise<ActivatedJobRow[]> {
    const rows = (await runner.query(`SELECT * FROM jobs WHERE job_key IN (${placeholders(jobKeys.length)}) ORDER BY job_key`, jobKeys)) as Row[];
    return rows.map(toActivatedJob);
  }

  // --- dispatch (the outbox) ------------------------------------------------------------------

  /** PENDING dispatches: of the given jobs, or those requested at or before `requestedBefore` (oldest first). */
  async pendingDispatches(selection: { jobKeys: readonly string[] } | { requestedBefore: Date; limit: number }): Promise<Dispatch[]> {
    const rows = (
      'jobKeys' in selection
        ? await this.dataSource.query(`SELECT job_key, type, retry_at, dispatch_count FROM jobs WHERE dispatch_state = 'PENDING' AND job_key IN (${placeholders(selection.jobKeys.length)})`, [...selection.jobKeys])
        : await this.dataSource.query("SELECT job_key, type, retry_at, dispatch_count FROM jobs WHERE dispatch_state = 'PENDING' AND dispatch_requested_at <= ? ORDER BY dispatch_requested_at LIMIT ?", [
            selection.requestedBefore,
            selection.limit,
          ])
    ) as Row[];
    return rows.map(toDispatch);
  }

  /**
   * Marks dispatches PUBLISHED — only the dispatch that was published: a newer request (count
   * moved on) stays PENDING. The rows are found by primary key (job_key IN ...), locking only
   * them, in key order: workers activate the same rows at the same time.
   */
  async markPublished(dispatches: readonly Dispatch[]): Promise<void> {
    const published = dispatches.map((d) => d.jobKey).sort();
    await retryingDeadlocks(() =>
      this.dataSource.query(
        `UPDATE jobs SET dispatch_state = 'PUBLISHED' WHERE job_key IN (${placeholders(published.length)}) AND dispatch_state = 'PENDING' AND (job_key, dispatch_count) IN (${dispatches.map(() => '(?, ?)').join(',')})`,
        [...published, ...dispatches.flatMap((d) => [d.jobKey, d.dispatchCount])],
      ),
    );
  }

  /** The current dispatch of each job, whatever its state. */
  async dispatchesOf(jobKeys: readonly string[]): Promise<Dispatch[]> {
    const rows = (await this.dataSource.query(`SELECT job_key, type, retry_at, dispatch_count FROM jobs WHERE job_key IN (${placeholders(jobKeys.length)})`, [...jobKeys])) as Row[];
    return rows.map(toDispatch);
  }

  /** Activatable jobs published before `before` (and whose backoff ended before it): their BullMQ job may be gone. */
  async stalePublished(before: Date, limit: number): Promise<Dispatch[]> {
    const rows = (await this.dataSource.query(
      "SELECT job_key, type, retry_at, dispatch_count FROM jobs WHERE activatable = 1 AND dispatch_state = 'PUBLISHED' AND dispatch_requested_at < ? AND (retry_at IS NULL OR retry_at < ?) LIMIT ?",
      [before, before, limit],
    )) as Row[];
    return rows.map(toDispatch);
  }

  /** Requests a new dispatch (a new BullMQ job id) of the given activatable jobs, or of every activatable job; returns how many. */
  async requestRedispatch(jobKeys: readonly string[] | 'all-activatable', now: Date): Promise<number> {
    const sql = "UPDATE jobs SET dispatch_state = 'PENDING', dispatch_count = dispatch_count + 1, dispatch_requested_at = ? WHERE activatable = 1";
    if (jobKeys === 'all-activatable') return affectedRows(await this.dataSource.query(sql, [now]));
    if (jobKeys.length === 0) return 0;
    return affectedRows(await this.dataSource.query(`${sql} AND job_key IN (${placeholders(jobKeys.length)})`, [now, ...jobKeys]));
  }
}

function toJob(r: Row): JobRecord {
  return {
    jobKey: String(r.job_key),
    elementInstanceKey: String(r.element_instance_key),
    elementId: String(r.element_id),
    type: String(r.type),
    state: r.state as JobRecord['state'],
    retries: Number(r.retries),
    customHeaders: json<Record<string, string>>(r.custom_headers),
    createdAt: iso(r.created_at),
    retryAt: isoOrNull(r.retry_at),
    errorMessage: (r.error_message as string | null) ?? null,
    activatable: Number(r.activatable) === 1,
    ...(Number(r.failure_count ?? 0) > 0 ? { failureCount: Number(r.failure_count) } : {}),
    ...listenerOf(r),
  };
}

/** A listener job's kind, event and progress (nothing for the element's own job). */
function listenerOf(r: Row): Pick<JobRecord, 'kind' | 'listenerEventType' | 'listener'> {
  if (r.kind === undefined || r.kind === 'BPMN_ELEMENT') return {};
  return {
    kind: r.kind as NonNullable<JobRecord['kind']>,
    listenerEventType: r.listener_event_type as NonNullable<JobRecord['listenerEventType']>,
    ...(r.listener_progress ? { listener: json<NonNullable<JobRecord['listener']>>(r.listener_progress) } : {}),
  };
}

function toCandidate(r: Row): ActivationCandidate {
  return {
    jobKey: String(r.job_key),
    elementInstanceKey: String(r.element_instance_key),
    customHeadersJson: typeof r.custom_headers === 'string' ? r.custom_headers : JSON.stringify(r.custom_headers ?? {}),
  };
}

function toActivatedJob(r: Row): ActivatedJobRow {
  return {
    jobKey: String(r.job_key),
    type: String(r.type),
    processInstanceKey: String(r.process_instance_key),
    processDefinitionKey: String(r.process_definition_key),
    processDefinitionId: String(r.process_definition_id),
    processDefinitionVersion: Number(r.process_definition_version),
    elementId: String(r.element_id),
    elementInstanceKey: String(r.element_instance_key),
    customHeaders: json<Record<string, string>>(r.custom_headers),
    worker: String(r.worker ?? ''),
    retries: Number(r.retries),
    deadline: new Date(r.deadline as Date),
    tenantId: String(r.tenant_id),
    kind: String(r.kind ?? 'BPMN_ELEMENT'),
    listenerEventType: String(r.listener_event_type ?? 'UNSPECIFIED'),
  };
}

function toDispatch(r: Row): Dispatch {
  return { jobKey: String(r.job_key), type: String(r.type), dispatchCount: Number(r.dispatch_count), retryAt: r.retry_at ? new Date(r.retry_at as Date) : null };
}
