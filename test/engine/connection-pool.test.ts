import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, PoolAcquireTimeoutError, SecondConnectionInTransactionError } from '#persistence';
import { parallelForkJoinXml } from '../fixtures/generated-models.js';
import { mapConcurrent } from '../support/concurrency.js';
import { deploy } from '../support/deploy.js';
import { until } from '../support/eventually.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 8.1: a command's transaction once asked the pool for a second connection (a definition
 * or a linked form not cached yet), so ten concurrent commands on a pool of ten waited for each
 * other for ever. Now every read a command needs goes through its own transaction, the pool
 * refuses a second connection inside a transaction, a request waits for a connection at most
 * the acquire timeout, and /health/live fails when the pool stays starved.
 */

const REVIEW_FORM = JSON.stringify({ id: 'pool-review', type: 'default', components: [{ id: 'ok', key: 'ok', type: 'checkbox', label: 'OK' }] });

let first: TestEngine;
let replica: TestEngine;

beforeAll(async () => {
  first = await startTestEngine({ processesDir: 'processes' });
  expect(
    (
      await deploy(first, [
        { name: 'pool-fan.bpmn', content: parallelForkJoinXml('pool-fan', 10, { formId: 'pool-review' }) },
        { name: 'pool-review.form', content: REVIEW_FORM },
      ])
    ).status,
  ).toBe(200);
  // A second replica on the same database, started after the deployments: every cache is cold,
  // and its pool is smaller than the number of concurrent requests.
  replica = await startTestEngine({ processesDir: '', db: { ...first.config.db, poolSize: 4 } });
});
afterAll(async () => {
  await replica?.close();
  await first?.stop();
});

const engines = () => [first, replica];

describe('concurrent commands on cold engines with form-linked processes', () => {
  it('answers 50 concurrent starts and 50 concurrent completions of the expense approval across two replicas', async () => {
    const started = await mapConcurrent(Array.from({ length: 50 }), 50, async (_, i) => {
      const response = await engines()[i % 2]!.request('/v2/process-instances', {
        user: 'emma',
        json: { processDefinitionId: 'expense-approval', variables: { amount: 50 + i, category: 'travel', expenseDate: '2025-03-14', description: `Trip ${i}` } },
      });
      return { status: response.status, body: (await response.json()) as { processInstanceKey: string } };
    });
    expect(started.map((r) => r.status)).toEqual(Array(50).fill(200));

    const tasks = (await first.infrastructure.dataSource.query("SELECT user_task_key, form_key FROM user_tasks WHERE element_id = 'approve-expense' AND state = 'CREATED'")) as Array<{
      user_task_key: string;
      form_key: string | null;
    }>;
    expect(tasks).toHaveLength(50);
    // The linked form was resolved inside each start's transaction.
    expect(tasks.filter((t) => t.form_key === null)).toEqual([]);

    const completed = await mapConcurrent(tasks, 50, async (task, i) => {
      const response = await engines()[(i + 1) % 2]!.request(`/v2/user-tasks/${task.user_task_key}/completion`, { user: 'demo', json: { variables: { approved: false } } });
      return response.status;
    });
    expect(completed).toEqual(Array(50).fill(204));
    const [{ n }] = (await first.infrastructure.dataSource.query(
      "SELECT COUNT(*) AS n FROM process_instances WHERE process_definition_id = 'expense-approval' AND state = 'COMPLETED'",
    )) as Array<{ n: string }>;
    expect(Number(n)).toBe(50);
  });

  it('completes ten form-linked tasks of one instance concurrently on a freshly started replica', async () => {
    const cold = await startTestEngine({ processesDir: '', db: { ...first.config.db, poolSize: 4 } });
    try {
      const response = await cold.request('/v2/process-instances', { json: { processDefinitionId: 'pool-fan' } });
      expect(response.status).toBe(200);
      const { processInstanceKey } = (await response.json()) as { processInstanceKey: string };
      const tasks = (await cold.infrastructure.dataSource.query("SELECT user_task_key FROM user_tasks WHERE process_instance_key = ? AND state = 'CREATED'", [processInstanceKey])) as Array<{
        user_task_key: string;
      }>;
      expect(tasks).toHaveLength(10);
      const statuses = await mapConcurrent(tasks, 10, async (task) => (await cold.request(`/v2/user-tasks/${task.user_task_key}/completion`, { json: { variables: { ok: true } } })).status);
      expect(statuses).toEqual(Array(10).fill(204));
      const [row] = (await cold.infrastructure.dataSource.query('SELECT state FROM process_instances WHERE process_instance_key = ?', [processInstanceKey])) as Array<{ state: string }>;
      expect(row!.state).toBe('COMPLETED');
    } finally {
      await cold.close();
    }
  });
});

describe('the guarded pool', () => {
  it('refuses a second connection inside a transaction', async () => {
    const dataSource = first.infrastructure.dataSource;
    await expect(inTransaction(dataSource, async () => dataSource.query('SELECT 1'))).rejects.toBeInstanceOf(SecondConnectionInTransactionError);
    // The transaction's own connection works, and work started inside it but run after it is free to connect.
    let later: Promise<unknown> = Promise.resolve();
    await inTransaction(dataSource, async (manager) => {
      await manager.query('SELECT 1');
      later = new Promise((resolve) => setTimeout(resolve, 10)).then(() => dataSource.query('SELECT 1'));
    });
    await expect(later).resolves.toBeDefined();
  });

  it('locks an instance\'s open jobs through the instance index', async () => {
    const [plan] = (await first.infrastructure.dataSource.query(
      "EXPLAIN SELECT * FROM jobs FORCE INDEX (idx_jobs_instance) WHERE process_instance_key = ? AND state IN ('CREATED', 'ACTIVATED', 'FAILED', 'ERROR_THROWN') FOR UPDATE",
      ['1'],
    )) as Array<{ key: string }>;
    expect(plan!.key).toBe('idx_jobs_instance');
    const [index] = (await first.infrastructure.dataSource.query("SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index) AS columns FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'jobs' AND index_name = 'idx_jobs_instance'")) as Array<{ columns: string }>;
    expect(index!.columns).toBe('process_instance_key,state');
  });

  it('fails requests after the acquire timeout when every connection is busy, and liveness once the pool stays starved', async () => {
    const small = await startTestEngine({ processesDir: '', db: { ...first.config.db, poolSize: 2, acquireTimeoutMs: 300, stallSeconds: 1 } });
    const dataSource = small.infrastructure.dataSource;
    const held = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    try {
      expect((await small.request('/health/live', { user: null })).status).toBe(200);
      for (const runner of held) await runner.connect();
      await expect(dataSource.query('SELECT 1')).rejects.toBeInstanceOf(PoolAcquireTimeoutError);
      const answer = await small.request('/v2/process-definitions/search', { json: {} });
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).not.toBeNull();
      await until(async () => (await small.request('/health/live', { user: null })).status === 503, 'liveness to fail on a starved pool');
    } finally {
      for (const runner of held) await runner.release();
    }
    try {
      await until(async () => (await small.request('/health/live', { user: null })).status === 200, 'liveness to recover once connections are free');
      expect((await small.request('/v2/process-definitions/search', { json: {} })).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
