import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_VARIABLE_DEPTH } from '#runtime';
import { LIMITS_FIXTURES, nested, nestedJson } from '../fixtures/limits/index.js';
import { deployFixtures } from '../fixtures/queries/scenario.js';
import { present } from '../support/eventually.js';
import { elementOf, historyOf, incidentsOf, openTask, send, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 8, item 3: variables nested deeper than the limit (BATON_MAX_VARIABLE_DEPTH, 28 by
 * default) answer 400 VARIABLE.TOO_DEEP wherever variables come in; values exactly at the limit
 * are stored in every column they reach (the audit log, the outbox between instances) and read
 * back unchanged; hostile depths answer 400, never 500; a value the engine computes too deep is an
 * incident.
 */
let engine: TestEngine;
const LIMIT = MAX_VARIABLE_DEPTH;

beforeAll(async () => {
  engine = await startTestEngine();
  await deployFixtures(engine, [LIMITS_FIXTURES.job, LIMITS_FIXTURES.call, LIMITS_FIXTURES.message]);
});
afterAll(async () => {
  await engine?.stop();
});

/** Sends a raw JSON text (for bodies too deep for JSON.stringify to be the point). */
async function sendText(method: string, path: string, text: string, user = 'demo'): Promise<{ status: number; body: any }> {
  const response = await engine.request(path, { method, user, body: text, headers: { 'Content-Type': 'application/json' } });
  const body = await response.text();
  return { status: response.status, body: body ? JSON.parse(body) : null };
}

async function start(processDefinitionId: string, variables: Record<string, unknown>): Promise<string> {
  const { status, body } = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId, variables });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.processInstanceKey;
}

/** Activates the instance's job (by key, as a BullMQ worker does) and returns it. */
async function activate(processInstanceKey: string): Promise<any> {
  const job = await present(async () => (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey, state: 'CREATED' } })).body.items[0], `a job of ${processInstanceKey}`);
  const { status, body } = await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { timeout: 60_000, worker: 'test' }, 'worker');
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

function expectTooDeep(answer: { status: number; body: any }, name: string, depth: number): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body).toMatchObject({ title: 'INVALID_ARGUMENT', code: 'VARIABLE.TOO_DEEP', variable: name, depth, maxDepth: LIMIT });
  expect(answer.body.detail).toBe(`Expected variable '${name}' to be nested at most ${LIMIT} levels deep but it is nested ${depth} levels deep (objects and arrays; BATON_MAX_VARIABLE_DEPTH)`);
}

describe('variables at and above the depth limit', () => {
  it('given a start with a variable exactly at the limit, then it is stored and read back unchanged; one level deeper is refused, naming the variable', async () => {
    const key = await start('limits-job', { atLimit: nested(LIMIT), flat: 1 });

    const { body } = await send(engine, 'POST', '/v2/variables/search?truncateValues=false', { filter: { processInstanceKey: key, name: 'atLimit' } });
    expect(JSON.parse(body.items[0].value)).toEqual(nested(LIMIT));
    const single = await send(engine, 'GET', `/v2/variables/${body.items[0].variableKey}`);
    expect(single.status).toBe(200);
    expect(single.body.value).toBe(nestedJson(LIMIT));
    const created = (await historyOf(engine, key)).find((e) => e.eventType === 'VARIABLE_CREATED' && e.details.name === 'atLimit');
    expect(created.details.value).toEqual(nested(LIMIT));

    expectTooDeep(await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'limits-job', variables: { flat: 1, order: nested(LIMIT + 1) } }), 'order', LIMIT + 1);
    expectTooDeep(await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'limits-job', variables: { deep: { a: nested(LIMIT + 4) } } }), 'deep', LIMIT + 5);
  });

  it('given a job, then completion, failure and BPMN errors with a too-deep variable are refused (400, not a 5xx a worker would retry for ever) and the job is left as it was', async () => {
    const key = await start('limits-job', {});
    const job = await activate(key);

    expectTooDeep(await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables: { result: nested(LIMIT + 1) } }, 'worker'), 'result', LIMIT + 1);
    expectTooDeep(await send(engine, 'POST', `/v2/jobs/${job.jobKey}/failure`, { retries: 1, errorMessage: 'x', variables: { trace: nested(LIMIT + 2) } }, 'worker'), 'trace', LIMIT + 2);
    expectTooDeep(await send(engine, 'POST', `/v2/jobs/${job.jobKey}/error`, { errorCode: 'FAILED', variables: { why: nested(LIMIT + 1) } }, 'worker'), 'why', LIMIT + 1);
    expect((await elementOf(engine, key, 'work')).state).toBe('ACTIVE');

    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables: { result: nested(LIMIT) } }, 'worker')).status).toBe(204);
    expect((await variablesIn(engine, key)).result).toEqual(nested(LIMIT));
  });

  it('given a user task, then completion and set variables with a too-deep variable are refused; at the limit they are stored', async () => {
    const key = await start('limits-job', {});
    const job = await activate(key);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, {}, 'worker')).status).toBe(204);
    const task = await openTask(engine, key, 'review');

    expectTooDeep(await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: { decision: nested(LIMIT + 1) } }), 'decision', LIMIT + 1);
    expectTooDeep(await send(engine, 'PUT', `/v2/element-instances/${key}/variables`, { variables: { note: nested(LIMIT + 1) } }), 'note', LIMIT + 1);
    expectTooDeep(await send(engine, 'PUT', `/v2/element-instances/${task.elementInstanceKey}/variables`, { variables: { note: nested(LIMIT + 1) }, local: true }), 'note', LIMIT + 1);

    expect((await send(engine, 'PUT', `/v2/element-instances/${key}/variables`, { variables: { note: nested(LIMIT) } })).status).toBe(204);
    expect((await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: { decision: nested(LIMIT) } })).status).toBe(204);
    expect(await variablesIn(engine, key)).toEqual({ note: nested(LIMIT), decision: nested(LIMIT) });
  });

  it('given a message, then publication and correlation with a too-deep variable are refused; at the limit the instance starts with it', async () => {
    for (const path of ['/v2/messages/publication', '/v2/messages/correlation']) {
      expectTooDeep(await send(engine, 'POST', path, { name: 'limits-message', correlationKey: 'deep', variables: { payload: nested(LIMIT + 1) } }), 'payload', LIMIT + 1);
    }
    const { status, body } = await send(engine, 'POST', '/v2/messages/correlation', { name: 'limits-message', correlationKey: 'at-limit', variables: { payload: nested(LIMIT) } });
    expect(status, JSON.stringify(body)).toBe(200);
    expect((await variablesIn(engine, body.processInstanceKey)).payload).toEqual(nested(LIMIT));
  });

  it('given bodies nested 10,000 levels deep, then every one answers 400 and the engine keeps answering', async () => {
    const deep = nestedJson(10_000);
    const tooDeepVariable = await sendText('POST', '/v2/process-instances', `{"processDefinitionId":"limits-job","variables":{"bomb":${deep}}}`);
    expectTooDeep(tooDeepVariable, 'bomb', 10_000);
    expectTooDeep(await sendText('POST', '/v2/jobs/1/completion', `{"variables":{"bomb":${deep}}}`, 'worker'), 'bomb', 10_000);

    for (const [path, text] of [
      ['/v2/process-instances/search', `{"filter":{"processDefinitionId":${deep}}}`],
      ['/v2/process-instances', `{"processDefinitionId":"limits-job","tags":${deep}}`],
      ['/v2/variables/search', deep],
    ] as const) {
      const answer = await sendText('POST', path, text);
      expect(answer.status, path).toBe(400);
      expect(answer.body).toMatchObject({ title: 'INVALID_ARGUMENT', code: 'REQUEST.TOO_DEEP', maxDepth: 64 });
      expect(answer.body.detail).toMatch(/^Expected a JSON body nested at most 64 levels deep but it is nested 1000\d levels deep$/);
    }
    expect((await send(engine, 'GET', '/v2/topology')).status).toBe(200);
  });
});

describe('a variable at the limit through a call activity and a computed value past it', () => {
  it('given a value at the limit, then it reaches the child and comes back (outbox and audit log hold it), and a script wrapping it once more is an incident, not a failed command', async () => {
    const key = await start('limits-call', { value: nested(LIMIT) });
    const childKey = await present(() => childOf(key), `the child of ${key}`);
    expect((await variablesIn(engine, childKey)).value).toEqual(nested(LIMIT));

    const job = await activate(childKey);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables: { answer: nested(LIMIT) } }, 'worker')).status).toBe(204);

    const incident = await present(async () => (await incidentsOf(engine, key))[0], `an incident in ${key}`);
    expect(incident).toMatchObject({ elementId: 'wrap', errorType: 'EXTRACT_VALUE_ERROR', state: 'ACTIVE' });
    expect(incident.errorMessage).toContain(`Expected variable 'wrapped' from the script of 'wrap' to be nested at most ${LIMIT} levels deep but it is nested ${LIMIT + 1} levels deep`);
    const variables = await variablesIn(engine, key);
    expect(variables.answer).toEqual(nested(LIMIT));
    expect(variables).not.toHaveProperty('wrapped');
    expect((await historyOf(engine, key)).some((e) => e.eventType === 'INCIDENT_CREATED')).toBe(true);
  });
});

async function childOf(parentKey: string): Promise<string | undefined> {
  const { body } = await send(engine, 'POST', '/v2/process-instances/search', { filter: { parentProcessInstanceKey: parentKey } });
  return body.items[0]?.processInstanceKey;
}
