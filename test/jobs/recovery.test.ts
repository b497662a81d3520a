import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, jobQueueName, queueLockSettings, type BatonWorker } from '#worker-sdk';
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

/** Starts test/support/test-worker.ts (built) against this file's engine and Redis; resolves once it serves. */
function spawnTestWorker(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot(), 'dist/test/support/test-worker.js')], {
      env: {
        ...process.env,
        BATON_ENGINE_URL: engine.url,
        BATON_WORKER_USERNAME: 'worker',
        BATON_WORKER_PASSWORD: 'worker',
        REDIS_URL: redis.url,
        BULLMQ_PREFIX: 'baton_recovery',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

/** A TCP server that accepts connections and never answers: an engine a worker waits on for ever. */
async function blackHole(): Promise<{ url: string; close(): void }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
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
    const spawnWorker = (mode: 'hang' | 'fast') => spawnTestWorker({ TYPE: 'crashy', MODE: mode, JOB_TIMEOUT: '2000', LOG_FILE: logFile });
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

  it('offers a queue entry again within the job timeout when its worker died before activating the job', async () => {
    // Issue 8: BullMQ's lock (30 s) and stall check (30 s) kept such an entry for ~64 s; the
    // engine cannot help, since for it the job was never activated.
    expect(queueLockSettings(6_000)).toEqual({ lockDuration: 2_000, stalledInterval: 2_000, maxStalledCount: 1_000 });
    const processId = await deployType('taken-then-died');
    const hole = await blackHole();
    const queue = new Queue(jobQueueName('taken-then-died'), { connection: { url: redis.url }, prefix: 'baton_recovery' });
    const logFile = join(mkdtempSync(join(tmpdir(), 'baton-stall-')), 'handled.log');
    try {
      // This worker takes the entry and then waits for an engine that never answers its activation.
      const stuck = await spawnTestWorker({ TYPE: 'taken-then-died', MODE: 'fast', JOB_TIMEOUT: '6000', LOG_FILE: logFile, BATON_ENGINE_URL: hole.url });
      const [key] = await start(processId, 1);
      while ((await queue.getActiveCount()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      stuck.kill('SIGKILL');

      const healthy = await spawnTestWorker({ TYPE: 'taken-then-died', MODE: 'fast', JOB_TIMEOUT: '6000', LOG_FILE: logFile });
      try {
        await allCompleted([key!], 30_000);
      } finally {
        healthy.kill('SIGTERM');
      }
      expect(readFileSync(logFile, 'utf8').trim().split('\n')).toEqual([`${healthy.pid} ${(await jobOf(key!)).jobKey}`]);
    } finally {
      await queue.close();
      hole.close();
    }
  });
});

async function jobOf(processInstanceKey: string): Promise<{ jobKey: string }> {
  const response = await engine.request('/v2/jobs/search', { json: { filter: { processInstanceKey } } });
  return ((await response.json()) as { items: Array<{ jobKey: string }> }).items[0]!;
}
