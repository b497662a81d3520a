import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapConcurrent, shuffled } from '../support/concurrency.js';
import { deploy } from '../support/deploy.js';
import { until } from '../support/eventually.js';
import { send, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { multiInstanceXml } from './composition-models.js';

/**
 * Load: one process instance with 1,000 parallel inner instances of a service task, whose jobs
 * workers complete concurrently over REST. Every completion locks the same instance (design.md
 * invariant 4), so they queue on its row: none may fail (a deadlock or lock timeout is retried
 * inside the engine, never answered), each job completes exactly once (a second completion is
 * 404), every result lands at its position in the output collection, and the instance completes.
 */
const INNER = 1_000;
const WORKERS = 8;
let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.stop();
});

describe(`${INNER} parallel inner instances in one process instance`, () => {
  it('complete under concurrent workers without lock trouble, each exactly once', { timeout: 900_000 }, async () => {
    const type = 'load-inner';
    expect((await deploy(engine, [{ name: 'load-inner.bpmn', content: multiInstanceXml('load-inner', type) }])).status).toBe(200);
    const items = Array.from({ length: INNER }, (_, i) => i);
    const started = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'load-inner', variables: { items } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const processInstanceKey: string = started.body.processInstanceKey;

    const jobs: Array<{ jobKey: string; item: number }> = [];
    while (jobs.length < INNER) {
      const { status, body } = await send(engine, 'POST', '/v2/jobs/activation', { type, timeout: 1_800_000, maxJobsToActivate: 250, requestTimeout: 10_000, fetchVariable: ['item'] }, 'worker');
      expect(status).toBe(200);
      for (const job of body.jobs) jobs.push({ jobKey: job.jobKey, item: job.variables.item });
    }
    expect(new Set(jobs.map((job) => job.jobKey)).size).toBe(INNER);
    expect(new Set(jobs.map((job) => job.item)).size).toBe(INNER);

    const statuses = await mapConcurrent(shuffled(jobs, 11), WORKERS, async (job) => {
      const { status, body } = await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables: { result: job.item * 2 } }, 'worker');
      return status === 204 ? 204 : `${status} ${JSON.stringify(body)}`;
    });
    expect(statuses.filter((status) => status !== 204)).toEqual([]);

    await until(async () => (await send(engine, 'GET', `/v2/process-instances/${processInstanceKey}`)).body.state === 'COMPLETED', 'the instance completes', 120_000);
    expect((await variablesIn(engine, processInstanceKey)).results).toEqual(items.map((item) => item * 2));

    // exactly once: completing any job again is refused, and nothing changes
    const again = await mapConcurrent(jobs.slice(0, 20), 4, async (job) => (await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables: { result: -1 } }, 'worker')).status);
    expect(new Set(again)).toEqual(new Set([404]));
    const inner = async (state: string) => (await send(engine, 'POST', '/v2/element-instances/search', { filter: { processInstanceKey, elementId: 'work', type: 'SERVICE_TASK', state }, page: { limit: 1 } })).body.page.totalItems;
    expect(await inner('COMPLETED')).toBe(INNER);
    expect(await inner('TERMINATED')).toBe(0);
    const jobStates = await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey, state: 'COMPLETED' }, page: { limit: 1 } });
    expect(jobStates.body.page.totalItems).toBe(INNER);
  });
});
