import { hostname } from 'node:os';
import { Backoffs, type BackoffOptions, type Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { type ActivatedJob, EngineClient, type EngineConnection } from './engine-client.js';
import { BpmnError, JobFailure } from './errors.js';
import { TaskListenerResult } from './task-listener-result.js';

/** What a handler gets: the activated job. `key` doubles as an idempotency key for side effects. */
export interface WorkerJob extends ActivatedJob {
  /** The job key, for idempotency: a job may run more than once (at-least-once), never concurrently. */
  key: string;
}

/**
 * Returns the variables to complete the job with (or, for a user task listener's job, a
 * TaskListenerResult); throws to fail it or to raise a BPMN error.
 */
export type JobHandler = (job: WorkerJob) => Promise<Record<string, unknown> | TaskListenerResult | void> | Record<string, unknown> | TaskListenerResult | void;

export interface WorkerOptions {
  /** The job type (zeebe:taskDefinition type) this worker works on. */
  type: string;
  handler: JobHandler;
  /** Jobs handled at the same time by this worker. @default 4 */
  concurrency?: number;
  /** Milliseconds the worker may take before the job is offered to others. @default 30000 */
  timeout?: number;
  /** Variables to fetch; all visible ones when absent. */
  fetchVariables?: string[];
  /** The worker's name, recorded on the job. @default `<host>-<pid>` */
  name?: string;
  /**
   * Backoff after a failure, as BullMQ's backoff options ({ type: 'exponential' | 'fixed', delay }),
   * counted per dispatch of the job. When absent, the backoff the model declares in its task headers
   * (`retryBackoff`, `retryBackoffMultiplier`, `retryBackoffMax`: docs/jobs.md), or none, applies.
   */
  backoff?: BackoffOptions;
  /** The engine's REST API. @default from BATON_ENGINE_URL and BATON_WORKER_USERNAME/PASSWORD or BATON_WORKER_TOKEN */
  engine?: Partial<EngineConnection>;
  /** Redis with Baton's BullMQ queues. @default REDIS_URL and BULLMQ_PREFIX, as the engine */
  redis?: { url?: string; prefix?: string };
  /** Where to report what happens. @default console */
  log?: { info(message: string, fields?: object): void; warn(message: string, fields?: object): void; error(message: string, fields?: object): void };
}

/** A running worker. */
export interface BatonWorker {
  readonly type: string;
  /** Stops taking jobs, lets running handlers finish and report, and disconnects. */
  close(): Promise<void>;
}

/** The BullMQ queue of a job type (the engine publishes there; a job type may hold any characters). */
export function jobQueueName(type: string): string {
  return `jobs.${encodeURIComponent(type)}`;
}

/**
 * Starts a worker for one job type: it takes the jobs the engine dispatches through BullMQ,
 * claims each one atomically from the engine (so a job never runs in two places at once),
 * runs the handler and reports the outcome over the REST API.
 *
 * @example
 * const worker = createWorker({
 *   type: 'charge-payment',
 *   handler: async (job) => ({ paymentId: await charge(job.variables.amount, { idempotencyKey: job.key }) }),
 * });
 */
export function createWorker(options: WorkerOptions): BatonWorker {
  const env = process.env;
  const engine = new EngineClient({
    url: options.engine?.url ?? env.BATON_ENGINE_URL ?? `http://127.0.0.1:${env.PORT ?? 8080}`,
    auth: options.engine?.auth ?? (env.BATON_WORKER_TOKEN ? { token: env.BATON_WORKER_TOKEN } : { username: env.BATON_WORKER_USERNAME ?? 'worker', password: env.BATON_WORKER_PASSWORD ?? 'worker' }),
  });
  const log = options.log ?? console;
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const timeout = options.timeout ?? 30_000;
  const connection = new Redis(options.redis?.url ?? env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  connection.on('error', () => undefined);

  const worker = new Worker<{ jobKey: string }>(
    jobQueueName(options.type),
    async (entry: Job<{ jobKey: string }>) => {
      const job = await engine.activate(entry.data.jobKey, { worker: name, timeout, ...(options.fetchVariables ? { fetchVariable: options.fetchVariables } : {}) });
      if (!job) return; // another worker has it, or it ended: nothing to do
      await runJob(engine, options, { ...job, key: job.jobKey }, dispatchNumber(entry.id), log);
    },
    {
      connection,
      prefix: options.redis?.prefix ?? env.BULLMQ_PREFIX ?? 'baton',
      concurrency: options.concurrency ?? 4,
      ...queueLockSettings(timeout),
    },
  );
  worker.on('error', (error) => log.warn(`Worker for '${options.type}' had a queue error`, { error: String(error) }));

  return {
    type: options.type,
    async close() {
      await worker.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

/**
 * How long a worker's hold on a queue entry lasts without renewal, and how often stalled entries
 * are looked for. A live worker renews its lock every half `lockDuration` while the handler runs,
 * however long it takes; a worker that died (before or after activating the job) leaves an entry
 * whose lock lapses, and another worker's stall check offers it again after at most
 * `lockDuration + stalledInterval` — within the job's own timeout. (After activation the engine's
 * job deadline is the real guard; before it, only this brings the entry back.) A stalled entry is
 * always offered again: whether the job may run is decided by the engine's activation.
 */
export function queueLockSettings(timeoutMs: number): { lockDuration: number; stalledInterval: number; maxStalledCount: number } {
  const lockDuration = Math.min(30_000, Math.max(2_000, Math.floor(timeoutMs / 3)));
  return { lockDuration, stalledInterval: lockDuration, maxStalledCount: 1_000 };
}

/** Runs the handler and reports its outcome; a late report for a job that ended is logged, not thrown. */
async function runJob(engine: EngineClient, options: WorkerOptions, job: WorkerJob, dispatch: number, log: NonNullable<WorkerOptions['log']>): Promise<void> {
  let outcome: ['completion' | 'failure' | 'error', unknown];
  try {
    const returned = await options.handler(job);
    outcome = ['completion', returned instanceof TaskListenerResult ? returned.toCompletion() : { variables: returned ?? {} }];
  } catch (error) {
    if (error instanceof BpmnError) {
      outcome = ['error', { errorCode: error.code, errorMessage: error.message, variables: error.variables }];
    } else if (error instanceof JobFailure) {
      outcome = ['failure', { retries: error.retries ?? Math.max(0, job.retries - 1), errorMessage: error.message, variables: error.variables, ...(error.retryBackOff !== undefined ? { retryBackOff: error.retryBackOff } : {}) }];
    } else {
      const backoff = options.backoff ? Backoffs.calculate(options.backoff, dispatch, error as Error, undefined as never, undefined) : undefined;
      outcome = ['failure', { retries: Math.max(0, job.retries - 1), errorMessage: (error as Error)?.message ?? String(error), ...(backoff !== undefined ? { retryBackOff: Math.max(0, Math.round(Number(backoff))) } : {}) }];
      log.warn(`Job ${job.key} of type '${job.type}' failed`, { error: String(error), retriesLeft: Math.max(0, job.retries - 1) });
    }
  }
  const accepted = await engine.report(job.key, outcome[0], outcome[1]);
  if (!accepted) log.info(`Job ${job.key} was no longer active when its ${outcome[0]} was reported; nothing changed`);
}

/** The n of a BullMQ job id `job-<jobKey>-<n>` (1 for the first dispatch, `job-<jobKey>`). */
function dispatchNumber(id: string | undefined): number {
  const match = /^job-\d+-(\d+)$/.exec(id ?? '');
  return match ? Number(match[1]) : 1;
}
