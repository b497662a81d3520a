import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';
import { until } from '../support/eventually.js';

/**
 * `npm start` as a user (or a process manager) runs it, stopped by a signal: whichever process the
 * signal reaches — npm alone, or the whole process group — the engine and the worker stop and the
 * port is free. In the `load` project because `npm start` rebuilds dist/ (other test files run
 * from it) and runs alone there.
 */
const root = projectRoot();
const database = `baton_test_signals_${randomBytes(3).toString('hex')}`;
const outboxDir = mkdtempSync(join(tmpdir(), 'baton-outbox-'));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether something can listen on the port again (nothing of Baton's holds it). */
async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, () => server.close(() => resolve(true)));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface NpmStart {
  npm: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<void>;
}

const started: NpmStart[] = [];

/** `npm start` in its own process group (as a terminal or a process manager starts it). */
async function npmStart(): Promise<NpmStart> {
  const port = await freePort();
  let output = '';
  const npm = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: String(port), DB_NAME: database, BULLMQ_PREFIX: database, BATON_WORKER_OUTBOX_DIR: outboxDir, LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  npm.stdout!.on('data', (chunk) => (output += chunk));
  npm.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  const run = { npm, port, output: () => output, exited };
  started.push(run);
  await until(async () => output.includes('Baton worker started') || npm.exitCode !== null, 'npm start to run engine and worker', 240_000);
  expect(npm.exitCode, output).toBeNull();
  return run;
}

/** The pids of the engine and the worker, from their JSON log lines (pino logs its pid). */
function pidsOf(output: string): { engine: number; worker: number } {
  const pids: Record<string, number> = {};
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { name?: string; pid?: number };
    if (entry.name && entry.pid) pids[entry.name] = entry.pid;
  }
  expect(pids, output).toMatchObject({ engine: expect.any(Number), worker: expect.any(Number) });
  return { engine: pids.engine!, worker: pids.worker! };
}

/** Sends `signal` and checks that npm, the engine and the worker are gone and the port is free. */
async function expectStopped(run: NpmStart, send: () => void): Promise<void> {
  const { engine, worker } = pidsOf(run.output());
  expect(alive(engine) && alive(worker)).toBe(true);
  send();
  await run.exited;
  await until(async () => !alive(engine) && !alive(worker), `engine (${engine}) and worker (${worker}) to exit`, 60_000);
  await until(() => portFree(run.port), `port ${run.port} to be free`, 30_000);
  expect(run.output()).toContain('Engine stopped');
  expect(run.output()).toContain('Worker stopped');
}

afterEach(() => {
  // Whatever a failed test left running: the whole group, by its leader's pid.
  for (const run of started.splice(0)) {
    try {
      process.kill(-run.npm.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

afterAll(async () => {
  const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '' });
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.end();
});

describe('npm start stopped by a signal', () => {
  it('SIGTERM to the npm process (what a process manager sends) stops engine and worker', async () => {
    const run = await npmStart();
    await expectStopped(run, () => run.npm.kill('SIGTERM'));
  });

  it('SIGHUP to the npm process (npm does not forward it, and dies) stops engine and worker', async () => {
    const run = await npmStart();
    await expectStopped(run, () => run.npm.kill('SIGHUP'));
  });

  it('SIGTERM to the whole process group stops engine and worker cleanly', async () => {
    const run = await npmStart();
    await expectStopped(run, () => process.kill(-run.npm.pid!, 'SIGTERM'));
  });
});
