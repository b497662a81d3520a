import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';
import { basicAuth } from '../support/test-engine.js';

/**
 * What `npm start` runs (dist/scripts/start.js, built by `npm test`'s pretest): engine and
 * worker as child processes, stopped cleanly by SIGTERM, idempotent across restarts.
 */
const root = projectRoot();
const launcher = `${root}/dist/scripts/start.js`;
const database = `baton_test_start_${randomBytes(3).toString('hex')}`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(port: number, env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [launcher], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DB_NAME: database, BULLMQ_PREFIX: database, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}. Output:\n${output()}`);
}

async function definitions(port: number): Promise<Array<{ processDefinitionId: string; version: number }>> {
  const response = await fetch(`http://127.0.0.1:${port}/v2/process-definitions/search`, {
    method: 'POST',
    headers: { Authorization: basicAuth('demo'), 'Content-Type': 'application/json' },
    body: '{}',
  });
  return ((await response.json()) as { items: Array<{ processDefinitionId: string; version: number }> }).items;
}

afterAll(async () => {
  const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '' });
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.end();
});

describe('npm start', () => {
  it('is built', () => {
    expect(existsSync(launcher), `${launcher} is missing: run npm run build`).toBe(true);
  });

  it('creates the database, serves engine and worker, stops cleanly on SIGTERM, and restarts without new versions', async () => {
    const port = await freePort();
    const first = start(port);
    await waitFor(() => first.output().includes('Baton worker started'), 60_000, 'the worker to start', first.output);
    const deployed = await definitions(port);
    expect(deployed.map((d) => `${d.processDefinitionId}@${d.version}`)).toContain('expense-approval@1');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Engine stopped');
    expect(first.output()).toContain('Worker stopped');

    const second = start(port);
    await waitFor(() => second.output().includes('Baton worker started'), 60_000, 'the worker to start again', second.output);
    expect(await definitions(port)).toEqual(deployed);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('exits non-zero, naming MySQL and its address, when MySQL is unreachable', async () => {
    const run = start(await freePort(), { DB_PORT: '1' });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('Cannot reach MySQL at 127.0.0.1:1');
    expect(run.output()).not.toContain('Baton worker started');
  });
});
