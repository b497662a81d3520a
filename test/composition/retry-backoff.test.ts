import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneJobXml } from '../fixtures/job-models.js';
import { deploy } from '../support/deploy.js';
import { send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * A retry backoff declared in the model's task headers (`retryBackoff`, `retryBackoffMultiplier`,
 * `retryBackoffMax`), over REST against MariaDB with the engine clock pinned (`PUT /v2/clock`):
 * a worker failing a job without its own backoff (absent or 0) sees it again only after
 * backoff * multiplier^(failures - 1), at most the maximum; a worker's own backoff wins. Headers
 * that cannot be read are refused at deployment with a precise problem.
 */
let engine: TestEngine;
let seq = 0;
const T0 = Date.parse('2030-01-01T00:00:00.000Z');

beforeAll(async () => {
  engine = await startTestEngine({ clockControl: true });
});
afterAll(async () => {
  await send(engine, 'POST', '/v2/clock/reset', {});
  await engine?.stop();
});

async function pin(ms: number): Promise<void> {
  expect((await send(engine, 'PUT', '/v2/clock', { timestamp: ms })).status).toBe(204);
}

async function activate(type: string): Promise<any[]> {
  const { status, body } = await send(engine, 'POST', '/v2/jobs/activation', { type, timeout: 600_000, maxJobsToActivate: 1, requestTimeout: -1 }, 'worker');
  expect(status).toBe(200);
  return body.jobs;
}

async function fail(jobKey: string, body: Record<string, unknown>): Promise<void> {
  expect((await send(engine, 'POST', `/v2/jobs/${jobKey}/failure`, { retries: 9, errorMessage: 'busy', ...body }, 'worker')).status).toBe(204);
}

describe('retry backoff declared in the model', () => {
  it('grows the backoff by the multiplier per failure up to the maximum; the worker’s own backoff wins, 0 leaves it to the model', async () => {
    const type = `backoff-${++seq}`;
    const processId = `backoff-process-${seq}`;
    const headers = { retryBackoff: 'PT10S', retryBackoffMultiplier: '2', retryBackoffMax: 'PT30S' };
    expect((await deploy(engine, [{ name: `${processId}.bpmn`, content: oneJobXml(processId, type, { retries: 10, headers }) }])).status).toBe(200);
    await pin(T0);
    expect((await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: processId })).status).toBe(200);

    let now = T0;
    const [job] = await activate(type);
    // failure n: offered again after 10 s, 20 s, 30 s (capped), then 2 s (the worker's own), then 30 s
    for (const [failure, expected] of [[{}, 10], [{ retryBackOff: 0 }, 20], [{}, 30], [{ retryBackOff: 2000 }, 2], [{}, 30]] as const) {
      await fail(job.jobKey, failure);
      await pin(now + expected * 1000 - 1);
      expect(await activate(type), `still backing off ${expected - 0.001} s after ${JSON.stringify(failure)}`).toEqual([]);
      now += expected * 1000;
      await pin(now);
      expect((await activate(type)).map((j) => j.jobKey)).toEqual([job.jobKey]);
    }
  });

  it('refuses a model whose backoff headers cannot be read, naming each header and element', async () => {
    const processId = `backoff-bad-${++seq}`;
    const headers = { retryBackoff: '10 seconds', retryBackoffMultiplier: '0.5', retryBackoffMax: 'P1M' };
    const response = await deploy(engine, [{ name: `${processId}.bpmn`, content: oneJobXml(processId, 'bad-backoff', { headers }) }]);
    const body = (await response.json()) as any;
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ title: 'INVALID_ARGUMENT' });
    const messages = JSON.stringify(body);
    expect(messages).toContain("Expected the task header 'retryBackoff' to be an ISO-8601 duration (e.g. PT30S), but found '10 seconds'");
    expect(messages).toContain("Expected the task header 'retryBackoffMultiplier' to be a number of at least 1 (e.g. 2 or 1.5), but found '0.5'");
    expect(messages).toContain("Expected the task header 'retryBackoffMax' to be a duration of fixed length (weeks, days, hours, minutes, seconds), but found 'P1M' with years or months");
  });
});
