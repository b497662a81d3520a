import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, type BatonWorker } from '#worker-sdk';
import { projectRoot } from '#runtime';
import { oneJobXml } from '../fixtures/job-models.js';
import { deploy } from '../support/deploy.js';
import { OwnRedisServer } from '../support/redis-server.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * design.md invariants 1 and 5: Redis only carries what MySQL records. Wiping Redis loses no
 * job, and a worker killed in the middle of a job only delays it until the job's deadline.
 * This file has a Redis server of its own, so its FLUSHALL touches no other test.
 */
const redis = new OwnRedisServer();
let engine: TestEngine;

beforeAll(async () => {
  await redis.start();
  engine = await startTestEngine({ redis: { url: redis.url, bullPrefix: 'baton_recovery' } });
});
afterAll(async () => {
  await engine?.stop();
  await redis.stop();
});

async function deployType(type: string): Promise<string> {
  const processId = `${type}-process`;
  expect((await deploy(engine, [{ name: `${processId}.bpmn`, content: oneJobXml(processId, type) }])).status).toBe(200);
  return processId;
}

async function start(processId: string, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) keys.push(((await (await engine.request('/v2/process-instances', { json: { processDefinitionId: processId } })).json()) as { processInstanceKey: string }).processInstanceKey);
  return keys;
}

async function states(keys: string[]): Promise<string[]> {
  return Promise.all(keys.map(async (key) => ((await (await engine.request(`/v2/process-instances/${key}`)).json()) as { state: string }).state));
}

async function allCompleted(keys: string[], withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if ((await states(keys)).every((s) => s === 'COMPLETED')) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Not all completed within ${withinMs} ms: ${JSON.stringify(await states(keys))}`);
}

describe('recovery', () => {
  it('dispatches every pending job again after FLUSHALL, and every instance finishes within 30 s', async () => {
    const processId = await deployType('after-flush');
    const keys = await start(processId, 20);
    // Five jobs are activated by a worker that then goes silent; fifteen wait in BullMQ.
    const activated = await engine.request('/v2/jobs/activation', { user: 'worker', json: { type: 'after-flush', timeout: 4_000, maxJobsToActivate: 5, requestTimeout: -1 } });
    expect(((await activated.json()) as { jobs: unknown[] }).jobs).toHaveLength(5);

    await redis.flushAll();

    let worker: BatonWorker | undefined;
    try {
      worker = createWorker({
        type: 'after-flush',
        engine: { url: engine.url, auth: { username: 'worker', password: 'worker' } },
        redis: { url: redis.url, prefix: 'baton_recovery' },
        log: { info: () => undefined, warn: () => undefined, error: () => undefined },
        handler: async () => ({ recovered: true }),
      });
      const took = await allCompleted(keys, 30_000);
      expect(took).toBeLessThan(30_000);
    } finally {
      await worker?.close();
    }
  });

  it('runs a job again after its deadline when its worker is killed mid-job, and the instance finishes', async () => {
    const processId = await deployType('crashy');
    const logFile = join(mkdtempSync(join(tmpdir(), 'baton-crash-')), 'handled.log');
    const spawnWorker = (mode: 'hang' | 'fast'): Promise<ChildProcess> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [join(projectRoot(), 'dist/test/support/test-worker.js')], {
          env: {
            ...process.env,
            TYPE: 'crashy',
            MODE: mode,
            JOB_TIMEOUT: '2000',
            LOG_FILE: logFile,
            BATON_ENGINE_URL: engine.url,
            BATON_WORKER_USERNAME: 'worker',
            BATON_WORKER_PASSWORD: 'worker',
            REDIS_URL: redis.url,
            BULLMQ_PREFIX: 'baton_recovery',
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
        child.on('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      });
    const lines = () => {
      try {
        return readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean);
      } catch {
        return [];
      }
    };

    const hanging = await spawnWorker('hang');
    const [key] = await start(processId, 1);
    while (lines().length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    hanging.kill('SIGKILL');

    const fast = await spawnWorker('fast');
    try {
      await allCompleted([key!], 30_000);
    } finally {
      fast.kill('SIGTERM');
    }
    const handled = lines();
    expect(handled).toHaveLength(2);
    expect(new Set(handled.map((line) => line.split(' ')[1]))).toEqual(new Set([handled[0]!.split(' ')[1]])); // the same job, twice
    expect(handled[0]!.split(' ')[0]).toBe(String(hanging.pid));
    expect(handled[1]!.split(' ')[0]).toBe(String(fast.pid));
    const history = (await (await engine.request(`/v2/process-instances/${key}/history`)).json()) as { items: Array<{ eventType: string }> };
    expect(history.items.map((e) => e.eventType)).toContain('JOB_TIMED_OUT');
  });
});
