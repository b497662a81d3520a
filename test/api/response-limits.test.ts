import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS_FIXTURES } from '../fixtures/limits/index.js';
import { minimalProcessXml } from '../fixtures/minimal-process.js';
import { deployFixtures } from '../fixtures/queries/scenario.js';
import { deploy } from '../support/deploy.js';
import { present } from '../support/eventually.js';
import { openTask, send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 8, item 7 (unbounded responses): an answer larger than BATON_MAX_RESPONSE_BYTES is refused
 * with 400 RESPONSE.TOO_LARGE saying how to ask for less; variable searches truncate values by
 * default (Camunda's truncateValues) and tell how many items of a too-heavy page would fit; a
 * deployment's files may total at most BATON_MAX_DEPLOYMENT_BYTES (413, as Camunda's 4 MB).
 * The engine runs with small limits so that the test data stays small.
 */
const MAX_RESPONSE = 256 * 1024;
const MAX_DEPLOYMENT = 100 * 1024;
const VALUE_CHARS = 30_000;
const COUNT = 12;

let engine: TestEngine;
let processInstanceKey: string;

beforeAll(async () => {
  engine = await startTestEngine({ maxBodyBytes: 64 * 1024, limits: { maxVariableDepth: 28, maxResponseBytes: MAX_RESPONSE, maxDeploymentBytes: MAX_DEPLOYMENT } });
  await deployFixtures(engine, [LIMITS_FIXTURES.job, LIMITS_FIXTURES.message]);
  const started = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'limits-job', variables: {} });
  processInstanceKey = started.body.processInstanceKey;
  // Twelve values of 30,000 characters (one per request: bodies are limited to 64 KiB here).
  for (let i = 0; i < COUNT; i++) {
    const set = await send(engine, 'PUT', `/v2/element-instances/${processInstanceKey}/variables`, { variables: { [`big${String(i).padStart(2, '0')}`]: String.fromCharCode(97 + i).repeat(VALUE_CHARS) } });
    expect(set.status).toBe(204);
  }
});
afterAll(async () => {
  await engine?.stop();
});

function expectTooLarge(answer: { status: number; body: any }): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body).toMatchObject({ title: 'INVALID_ARGUMENT', code: 'RESPONSE.TOO_LARGE', maxResponseBytes: MAX_RESPONSE });
  expect(answer.body.responseBytes).toBeGreaterThan(MAX_RESPONSE);
  expect(answer.body.detail).toMatch(new RegExp(`^Expected a response of at most ${MAX_RESPONSE} bytes \\(BATON_MAX_RESPONSE_BYTES\\) but `));
}

describe('variable values in answers', () => {
  it('given a search for whole values heavier than one answer may be, then it is refused before reading them, saying how many fit and how to truncate; pages of that size read everything', async () => {
    const whole = await send(engine, 'POST', '/v2/variables/search?truncateValues=false', { filter: { processInstanceKey }, sort: [{ field: 'name' }], page: { limit: 100 } });
    expectTooLarge(whole);
    const fitting = whole.body.itemsThatFit;
    expect(fitting).toBeGreaterThan(0);
    expect(fitting).toBeLessThan(COUNT);
    expect(whole.body.detail).toContain(`the ${COUNT} variables of this page would be`);
    expect(whole.body.detail).toContain(`ask for at most ${fitting} variables per page (page.limit), paging on with page.after, or leave truncateValues at true`);

    const names: string[] = [];
    let after: string | undefined;
    while (names.length < COUNT) {
      const page = await send(engine, 'POST', '/v2/variables/search?truncateValues=false', { filter: { processInstanceKey }, sort: [{ field: 'name' }], page: { limit: fitting, ...(after ? { after } : {}) } });
      expect(page.status, JSON.stringify(page.body).slice(0, 300)).toBe(200);
      for (const item of page.body.items) {
        expect(JSON.parse(item.value)).toHaveLength(VALUE_CHARS);
        names.push(item.name);
      }
      after = page.body.page.endCursor;
    }
    expect(names).toEqual(Array.from({ length: COUNT }, (_, i) => `big${String(i).padStart(2, '0')}`));
  });

  it('given the default (truncated values), then the same page fits, each value cut with isTruncated, and GET gives one whole value', async () => {
    const truncated = await send(engine, 'POST', '/v2/variables/search', { filter: { processInstanceKey }, page: { limit: 100 } });
    expect(truncated.status).toBe(200);
    expect(truncated.body.items).toHaveLength(COUNT);
    expect(truncated.body.items.every((v: any) => v.isTruncated === true && v.value.length === 8191)).toBe(true);
    const single = await send(engine, 'GET', `/v2/variables/${truncated.body.items[0].variableKey}`);
    expect(single.status).toBe(200);
    expect(JSON.parse(single.body.value)).toHaveLength(VALUE_CHARS);
  });

  it('given a job whose variables do not fit in one answer, then it is not activated (by key or by type) until the worker fetches fewer', async () => {
    const job = await present(async () => (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey } })).body.items[0], 'the job');
    const byKey = await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { timeout: 60_000 }, 'worker');
    expectTooLarge(byKey);
    expect(byKey.body).toMatchObject({ jobKey: job.jobKey });
    expect(byKey.body.detail).toContain(`job ${job.jobKey} with its variables would be`);
    expect(byKey.body.detail).toContain('it was not activated: fetch fewer variables (fetchVariable)');
    const byType = await send(engine, 'POST', '/v2/jobs/activation', { type: 'limits-work', timeout: 60_000, maxJobsToActivate: 10, requestTimeout: -1 }, 'worker');
    expectTooLarge(byType);
    expect((await send(engine, 'POST', '/v2/jobs/search', { filter: { jobKey: job.jobKey } })).body.items[0]).toMatchObject({ state: 'CREATED', worker: '' });

    const fewer = await send(engine, 'POST', '/v2/jobs/activation', { type: 'limits-work', timeout: 60_000, maxJobsToActivate: 10, requestTimeout: -1, fetchVariable: ['big00', 'big01'] }, 'worker');
    expect(fewer.status).toBe(200);
    expect(fewer.body.jobs.map((j: any) => [j.jobKey, Object.keys(j.variables).sort()])).toEqual([[job.jobKey, ['big00', 'big01']]]);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, {}, 'worker')).status).toBe(204);
  });

  it('given a user task, then its variable search is bounded the same way', async () => {
    const task = await openTask(engine, processInstanceKey, 'review');
    const whole = await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/variables/search?truncateValues=false`, { page: { limit: 1000 } });
    expectTooLarge(whole);
    expect(whole.body.itemsThatFit).toBeGreaterThan(0);
    const fitting = await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/variables/search?truncateValues=false`, { page: { limit: whole.body.itemsThatFit } });
    expect(fitting.status, JSON.stringify(fitting.body).slice(0, 600)).toBe(200);
    expect((await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/variables/search`, { page: { limit: 1000 } })).status).toBe(200);
  });

  it('given awaitCompletion whose variables do not fit, then the problem still names the instance that ran; fewer variables fit', async () => {
    const request = { processDefinitionId: 'limits-grow', variables: { value: 'g'.repeat(60_000) }, awaitCompletion: true };
    const tooLarge = await send(engine, 'POST', '/v2/process-instances', request);
    expectTooLarge(tooLarge);
    expect(tooLarge.body.processInstanceKey).toMatch(/^\d+$/);
    expect(tooLarge.body.detail).toContain(`process instance ${tooLarge.body.processInstanceKey}, completed, with its variables would be`);
    expect((await send(engine, 'GET', `/v2/process-instances/${tooLarge.body.processInstanceKey}`)).body.state).toBe('COMPLETED');

    const fewer = await send(engine, 'POST', '/v2/process-instances', { ...request, fetchVariables: ['value'] });
    expect(fewer.status).toBe(200);
    expect(Object.keys(fewer.body.variables)).toEqual(['value']);
  });

  it('given any other answer larger than allowed (here the audit log, which holds the values), then it is refused with the same problem', async () => {
    const history = await send(engine, 'GET', `/v2/process-instances/${processInstanceKey}/history?limit=1000`);
    expectTooLarge(history);
    expect(history.body.detail).toContain('but the response would be');
    expect((await send(engine, 'GET', `/v2/process-instances/${processInstanceKey}/history?limit=3`)).status).toBe(200);
  });

  it('given a page limit above 10000 (Camunda\'s largest), then the search is refused', async () => {
    const answer = await send(engine, 'POST', '/v2/variables/search', { page: { limit: 10_001 } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('REQUEST.INVALID_BODY');
  });
});

describe('deployment size', () => {
  /** A valid model padded with a comment to about `bytes`. */
  const padded = (id: string, bytes: number) => minimalProcessXml(id).replace('<bpmn:process', `<!-- ${'p'.repeat(bytes)} -->\n<bpmn:process`);

  it('given files that together exceed the limit, then the deployment is refused with 413 and nothing is deployed; under it they deploy', async () => {
    const refused = await deploy(engine, [
      { name: 'a.bpmn', content: padded('size-a', 40_000) },
      { name: 'b.bpmn', content: padded('size-b', 40_000) },
      { name: 'c.bpmn', content: padded('size-c', 40_000) },
    ]);
    expect(refused.status).toBe(413);
    const problem = (await refused.json()) as any;
    expect(problem).toMatchObject({ title: 'PAYLOAD_TOO_LARGE', code: 'DEPLOYMENT.TOO_LARGE' });
    expect(problem.detail).toMatch(new RegExp(`^Expected the files of one deployment to total at most ${MAX_DEPLOYMENT} bytes \\(BATON_MAX_DEPLOYMENT_BYTES\\) but `));
    const found = await send(engine, 'POST', '/v2/process-definitions/search', { filter: { processDefinitionId: { $like: 'size-*' } } });
    expect(found.body.items).toEqual([]);

    const accepted = await deploy(engine, [
      { name: 'a.bpmn', content: padded('size-a', 40_000) },
      { name: 'b.bpmn', content: padded('size-b', 40_000) },
    ]);
    expect(accepted.status).toBe(200);
  });

  it('given a chunked upload (no Content-Length) that grows past the limit, then it is refused while it streams', async () => {
    const boundary = 'baton-test-boundary';
    const part = (name: string, content: string) => `--${boundary}\r\nContent-Disposition: form-data; name="resources"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`;
    const pieces = [part('x.bpmn', padded('chunk-x', 60_000)), part('y.bpmn', padded('chunk-y', 60_000)), `--${boundary}--\r\n`];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pieces.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const response = await engine.request('/v2/deployments', {
      method: 'POST',
      body,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const problem = (await response.json()) as any;
    expect(problem.code).toBe('DEPLOYMENT.TOO_LARGE');
    expect(problem.detail).toContain(`they pass ${MAX_DEPLOYMENT} bytes at 'y.bpmn'`);
  });
});
