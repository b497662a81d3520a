import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS_FIXTURES } from '../fixtures/limits/index.js';
import { deployFixtures } from '../fixtures/queries/scenario.js';
import { present } from '../support/eventually.js';
import { openTask, send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 8, item 7: variables named like members of Object.prototype (`constructor`, `toString`,
 * `valueOf`, `__proto__`, ...) were silently dropped. Camunda stores any name; so does Baton, on
 * every way in (start, job completion and failure, BPMN error, user task completion, set
 * variables, messages) and every way out (variable search and get, user task variables, job
 * activation, awaitCompletion).
 */
const NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'prototype', 'hasOwnProperty', 'isPrototypeOf'];

/** `{constructor: "<prefix>constructor", ...}` with every name an own member (JSON.parse keeps `__proto__` as one). */
function document(prefix: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(Object.fromEntries(NAMES.map((name) => [name, `${prefix}${name}`]))));
}

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
  await deployFixtures(engine, [LIMITS_FIXTURES.job, LIMITS_FIXTURES.message]);
});
afterAll(async () => {
  await engine?.stop();
});

/** name → parsed value of a variable search's items, built without losing `__proto__`. */
function valuesOf(items: any[]): Record<string, unknown> {
  return Object.fromEntries(items.map((item) => [item.name, JSON.parse(item.value)]));
}

/** The variables of one scope through the variable search (whole values). */
async function scopeVariables(scopeKey: string): Promise<Record<string, unknown>> {
  const { status, body } = await send(engine, 'POST', '/v2/variables/search?truncateValues=false', { filter: { scopeKey }, page: { limit: 100 } });
  expect(status).toBe(200);
  return valuesOf(body.items);
}

function expectAllNames(variables: Record<string, unknown>, prefix: string): void {
  for (const name of NAMES) {
    expect(Object.hasOwn(variables, name), `variable '${name}'`).toBe(true);
    expect(variables[name], `variable '${name}'`).toBe(`${prefix}${name}`);
  }
}

async function start(variables: Record<string, unknown>): Promise<string> {
  const { status, body } = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'limits-job', variables });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.processInstanceKey;
}

async function jobOf(processInstanceKey: string): Promise<any> {
  return present(async () => (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey, state: 'CREATED' } })).body.items[0], `a job of ${processInstanceKey}`);
}

describe('variables named like Object.prototype members', () => {
  it('given a start with such names, then each is stored and read back by search, by key and by job activation (all, and fetched by name)', async () => {
    const key = await start(document('start:'));
    expectAllNames(await scopeVariables(key), 'start:');

    const { body } = await send(engine, 'POST', '/v2/variables/search', { filter: { processInstanceKey: key, name: '__proto__' } });
    expect(body.items).toHaveLength(1);
    const single = await send(engine, 'GET', `/v2/variables/${body.items[0].variableKey}`);
    expect(single.body).toMatchObject({ name: '__proto__', value: '"start:__proto__"' });

    const job = await jobOf(key);
    const activated = await engine.request(`/v2/jobs/${job.jobKey}/activation`, { user: 'worker', json: { timeout: 60_000, worker: 'names' } });
    expectAllNames(JSON.parse(await activated.text()).variables, 'start:');
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/failure`, { retries: 1, errorMessage: 'again', retryBackOff: 0 }, 'worker')).status).toBe(204);
    const again = await engine.request(`/v2/jobs/${job.jobKey}/activation`, { user: 'worker', json: { timeout: 60_000, worker: 'names', fetchVariable: NAMES } });
    expectAllNames(JSON.parse(await again.text()).variables, 'start:');
  });

  it('given a job completed with such names, then they update the process variables; a user task sees them and its completion updates them again', async () => {
    const key = await start(document('start:'));
    const job = await jobOf(key);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { timeout: 60_000 }, 'worker')).status).toBe(200);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables: document('job:') }, 'worker')).status).toBe(204);
    expectAllNames(await scopeVariables(key), 'job:');

    const task = await openTask(engine, key, 'review');
    const seen = await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/variables/search?truncateValues=false`, { page: { limit: 100 } });
    expectAllNames(valuesOf(seen.body.items), 'job:');

    expect((await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: document('task:') })).status).toBe(204);
    expectAllNames(await scopeVariables(key), 'task:');
  });

  it('given a job failed with such names, then they are local variables of its element', async () => {
    const key = await start({});
    const job = await jobOf(key);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { timeout: 60_000 }, 'worker')).status).toBe(200);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/failure`, { retries: 2, errorMessage: 'x', variables: document('failed:') }, 'worker')).status).toBe(204);
    expectAllNames(await scopeVariables(job.elementInstanceKey), 'failed:');
  });

  it('given a BPMN error thrown with such names, then the boundary event brings them into the process', async () => {
    const key = await start({});
    const job = await jobOf(key);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { timeout: 60_000 }, 'worker')).status).toBe(200);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/error`, { errorCode: 'FAILED', variables: document('error:') }, 'worker')).status).toBe(204);
    await openTask(engine, key, 'handle');
    expectAllNames(await scopeVariables(key), 'error:');
  });

  it('given set variables with such names, then they are stored, locally or propagated', async () => {
    const key = await start({});
    expect((await send(engine, 'PUT', `/v2/element-instances/${key}/variables`, { variables: document('set:') })).status).toBe(204);
    expectAllNames(await scopeVariables(key), 'set:');
  });

  it('given a message published or correlated with such names, then the instance it starts has them', async () => {
    const published = await send(engine, 'POST', '/v2/messages/publication', { name: 'limits-message', correlationKey: 'names-1', variables: document('published:') });
    expect(published.status).toBe(200);
    const instances = await present(async () => {
      const { body } = await send(engine, 'POST', '/v2/process-instances/search', { filter: { processDefinitionId: 'limits-message', businessId: 'names-1' } });
      return body.items[0];
    }, 'the instance the publication started');
    expectAllNames(await scopeVariables(instances.processInstanceKey), 'published:');

    const correlated = await send(engine, 'POST', '/v2/messages/correlation', { name: 'limits-message', correlationKey: 'names-2', variables: document('correlated:') });
    expect(correlated.status).toBe(200);
    expectAllNames(await scopeVariables(correlated.body.processInstanceKey), 'correlated:');
  });

  it('given awaitCompletion, then the answer carries such names', async () => {
    const response = await engine.request('/v2/process-instances', { json: { processDefinitionId: 'limits-straight', variables: document('await:'), awaitCompletion: true } });
    expect(response.status).toBe(200);
    expectAllNames(JSON.parse(await response.text()).variables, 'await:');
  });

  it('given a body with a __proto__ member outside variables, then it pollutes nothing', async () => {
    const response = await engine.request('/v2/process-instances', {
      method: 'POST',
      body: '{"processDefinitionId":"limits-straight","__proto__":{"polluted":true},"variables":{"__proto__":{"polluted":true}}}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
