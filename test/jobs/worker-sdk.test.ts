import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BpmnError, createWorker, JobFailure, type BatonWorker, type WorkerOptions } from '#worker-sdk';
import { oneJobXml } from '../fixtures/job-models.js';
import { deploy } from '../support/deploy.js';
import { present } from '../support/eventually.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * libs/worker-sdk against the real engine, Redis and BullMQ: handlers complete, fail (with the
 * worker's backoff), raise BPMN errors, fail with explicit retries; concurrency is respected;
 * close() lets running handlers finish.
 */
let engine: TestEngine;
let workers: BatonWorker[] = [];
let seq = 0;

beforeAll(async () => {
  engine = await startTestEngine();
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.close()));
  workers = [];
});
afterAll(async () => {
  await engine?.stop();
});

function worker(options: Omit<WorkerOptions, 'engine' | 'redis'>): BatonWorker {
  const started = createWorker({
    ...options,
    engine: { url: engine.url, auth: { username: 'worker', password: 'worker' } },
    redis: { url: engine.config.redis.url, prefix: engine.config.redis.bullPrefix },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  workers.push(started);
  return started;
}

async function newType(options: { retries?: number } = {}): Promise<{ type: string; start: (variables?: object) => Promise<string> }> {
  const type = `sdk-${++seq}`;
  const processId = `sdk-process-${seq}`;
  expect((await deploy(engine, [{ name: `${processId}.bpmn`, content: oneJobXml(processId, type, options) }])).status).toBe(200);
  return {
    type,
    start: async (variables = {}) => ((await (await engine.request('/v2/process-instances', { json: { processDefinitionId: processId, variables } })).json()) as { processInstanceKey: string }).processInstanceKey,
  };
}

async function completed(processInstanceKey: string): Promise<Record<string, unknown>> {
  await present(async () => ((await (await engine.request(`/v2/process-instances/${processInstanceKey}`)).json()) as { state: string }).state === 'COMPLETED' || undefined, `instance ${processInstanceKey} to complete`);
  const variables = (await (await engine.request('/v2/variables/search', { json: { filter: { processInstanceKey } } })).json()) as { items: Array<{ name: string; value: string }> };
  return Object.fromEntries(variables.items.map((v) => [v.name, JSON.parse(v.value)]));
}

async function incidentOf(processInstanceKey: string): Promise<{ errorType: string; errorMessage: string }> {
  return present(async () => {
    const result = (await (await engine.request('/v2/incidents/search', { json: { filter: { processInstanceKey } } })).json()) as { items: Array<{ errorType: string; errorMessage: string }> };
    return result.items[0];
  }, `an incident in ${processInstanceKey}`);
}

describe('libs/worker-sdk', () => {
  it('completes jobs with the variables the handler returns; the job key is its idempotency key', async () => {
    const { type, start } = await newType();
    const seen: string[] = [];
    worker({ type, handler: async (job) => { seen.push(job.key); return { doubled: (job.variables.value as number) * 2 }; } });
    const key = await start({ value: 21 });
    expect(await completed(key)).toEqual({ value: 21, doubled: 42 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^\d+$/);
  });

  it('fails a throwing handler with one retry fewer and its backoff, then succeeds', async () => {
    const { type, start } = await newType({ retries: 3 });
    const attempts: Array<{ retries: number; at: number }> = [];
    worker({
      type,
      backoff: { type: 'fixed', delay: 400 },
      handler: async (job) => {
        attempts.push({ retries: job.retries, at: Date.now() });
        if (attempts.length < 3) throw new Error(`attempt ${attempts.length} failed`);
        return { attempts: attempts.length };
      },
    });
    const key = await start();
    expect(await completed(key)).toEqual({ attempts: 3 });
    expect(attempts.map((a) => a.retries)).toEqual([3, 2, 1]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(350);
  });

  it('raises a BpmnError as a BPMN error (an incident when nothing catches it)', async () => {
    const { type, start } = await newType();
    worker({ type, handler: async () => { throw new BpmnError('OUT_OF_STOCK', 'no more widgets'); } });
    const key = await start();
    const incident = await incidentOf(key);
    expect(incident.errorType).toBe('UNHANDLED_ERROR_EVENT');
    expect(incident.errorMessage).toContain("'OUT_OF_STOCK'");
  });

  it('fails with explicit retries through JobFailure (0: an incident at once)', async () => {
    const { type, start } = await newType({ retries: 5 });
    worker({ type, handler: async () => { throw new JobFailure('account closed', { retries: 0 }); } });
    const key = await start();
    expect(await incidentOf(key)).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'account closed' });
  });

  it('runs at most `concurrency` handlers at once', async () => {
    const { type, start } = await newType();
    let running = 0;
    let peak = 0;
    worker({
      type,
      concurrency: 3,
      handler: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 150));
        running--;
        return {};
      },
    });
    const keys = await Promise.all(Array.from({ length: 9 }, () => start()));
    for (const key of keys) await completed(key);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });

  it('lets a running handler finish and report when the worker is closed', async () => {
    const { type, start } = await newType();
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (started = resolve));
    const w = worker({
      type,
      handler: async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 500));
        return { finished: true };
      },
    });
    const key = await start();
    await handlerStarted;
    await w.close();
    workers = workers.filter((x) => x !== w);
    expect(await completed(key)).toEqual({ finished: true });
  });

  it('skips a job that a REST worker activated first', async () => {
    const { type, start } = await newType();
    const key = await start();
    const activated = (await (await engine.request('/v2/jobs/activation', { user: 'worker', json: { type, timeout: 30_000, maxJobsToActivate: 1, requestTimeout: -1 } })).json()) as { jobs: Array<{ jobKey: string }> };
    expect(activated.jobs).toHaveLength(1);
    let calls = 0;
    worker({ type, handler: async () => { calls++; return {}; } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(calls).toBe(0);
    await engine.request(`/v2/jobs/${activated.jobs[0]!.jobKey}/completion`, { user: 'worker', json: {} });
    expect(await completed(key)).toEqual({});
  });
});
