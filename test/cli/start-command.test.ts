import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';
import { basicAuth } from '../support/test-engine.js';

/**
 * What `npm start` runs (dist/scripts/start.js, built by `npm test`'s pretest): engine and
 * worker as child processes that run the sample processes end to end, stopped cleanly by
 * SIGTERM, idempotent across restarts.
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

const outboxDir = mkdtempSync(join(tmpdir(), 'baton-outbox-'));

/** JSON request as demo. */
async function call(port: number, path: string, body: unknown): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { Authorization: basicAuth('demo'), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * The order-fulfilment sample under `npm start`: the worker process started by the launcher works
 * every job (with a retried payment, a declined card and an article out of stock) and writes what
 * it would send to its outbox.
 */
async function runOrders(port: number): Promise<void> {
  const order = (orderId: string, extra: Record<string, unknown>) => ({
    processDefinitionId: 'order-fulfilment',
    businessId: orderId,
    awaitCompletion: true,
    requestTimeout: 30_000,
    variables: { orderId, customer: { name: 'Ada', email: 'ada@example.com' }, amount: 99.5, card: { number: '4111 1111 1111 1111' }, items: [{ sku: 'BOOK-1', quantity: 2 }], ...extra },
  });
  // The start form's flat fields (the portal's Start page) are shaped like the REST callers' nested ones.
  const fromForm = {
    processDefinitionId: 'order-fulfilment',
    awaitCompletion: true,
    requestTimeout: 30_000,
    variables: { orderId: 'ORD-5', customerName: 'Bo', customerEmail: 'bo@example.com', amount: 10, cardNumber: '5500 0000 0000 0004', sku: 'MUG-2', quantity: 3 },
  };
  const [fulfilled, retried, declined, outOfStock, formOrder] = await Promise.all([
    call(port, '/v2/process-instances', order('ORD-1', {})),
    call(port, '/v2/process-instances', order('ORD-2', { flakyPayment: true })),
    call(port, '/v2/process-instances', order('ORD-3', { card: { number: '4111 1111 1111 0000' } })),
    call(port, '/v2/process-instances', order('ORD-4', { items: [{ sku: 'OUT-7', quantity: 1 }] })),
    call(port, '/v2/process-instances', fromForm),
  ]);
  expect(formOrder.variables).toMatchObject({ customer: { name: 'Bo', email: 'bo@example.com' }, card: { number: '5500 0000 0000 0004' }, items: [{ sku: 'MUG-2', quantity: 3 }] });
  expect(await endOf(formOrder)).toEqual(['order-fulfilled']);
  async function endOf(result: any): Promise<string[]> {
    return (await call(port, '/v2/element-instances/search', { filter: { processInstanceKey: result.processInstanceKey, type: 'END_EVENT' } })).items.map((e: any) => e.elementId);
  }
  expect(await endOf(fulfilled)).toEqual(['order-fulfilled']);
  expect(fulfilled.variables).toMatchObject({ paymentId: expect.any(String), reservationId: expect.any(String), trackingNumber: expect.any(String) });
  expect(await endOf(retried)).toEqual(['order-fulfilled']);
  expect(await endOf(declined)).toEqual(['order-rejected']);
  expect(declined.variables).toMatchObject({ declineReason: 'card declined' });
  expect(await endOf(outOfStock)).toEqual(['order-cancelled']);
  expect(outOfStock.variables).toMatchObject({ refundId: expect.any(String), missingSkus: ['OUT-7'] });

  // The payment gateway's simulated timeout failed the first attempt; the retry charged the card.
  const charges = (await call(port, '/v2/jobs/search', { filter: { processInstanceKey: retried.processInstanceKey, type: 'charge-payment' } })).items;
  expect(charges).toEqual([expect.objectContaining({ state: 'COMPLETED', retries: 2 })]);

  const emails = readFileSync(join(outboxDir, 'emails.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  expect(emails.map((e: any) => `${e.orderId} ${e.template} ${e.to}`).sort()).toEqual([
    'ORD-1 order-confirmation ada@example.com',
    'ORD-2 order-confirmation ada@example.com',
    'ORD-3 payment-declined ada@example.com',
    'ORD-4 out-of-stock ada@example.com',
    'ORD-5 order-confirmation bo@example.com',
  ]);
  expect(emails.find((e: any) => e.orderId === 'ORD-1').subject).toBe(`Order ORD-1 is on its way (tracking ${fulfilled.variables.trackingNumber})`);
}

function start(port: number, env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [launcher], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DB_NAME: database, BULLMQ_PREFIX: database, BATON_WORKER_OUTBOX_DIR: outboxDir, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
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
    expect(deployed.map((d) => `${d.processDefinitionId}@${d.version}`)).toEqual(expect.arrayContaining(['expense-approval@1', 'order-fulfilment@1']));

    await runOrders(port);

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
