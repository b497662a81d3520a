import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementFixture } from '../fixtures/elements/index.js';
import { command, deployFixtures, get, search, startInstance } from '../fixtures/queries/scenario.js';
import { present } from '../support/eventually.js';
import { elementsOf, elementTrail, historyOf, instance, openTask, send, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * POST /v2/process-instances (by id, id + version, key; variables; business ids; awaiting the
 * end) and POST /v2/process-instances/{key}/cancellation, black-box over HTTP.
 */

let engine: TestEngine;
let definitions: Record<string, string>;

beforeAll(async () => {
  engine = await startTestEngine();
  definitions = await deployFixtures(engine, [elementFixture('commands-review.bpmn'), elementFixture('commands-straight.bpmn'), elementFixture('commands-approval.bpmn')]);
});
afterAll(async () => {
  await engine?.stop();
});

const create = (json: unknown, user = 'demo') => send(engine, 'POST', '/v2/process-instances', json, user);
const cancel = (key: string, user = 'demo') => send(engine, 'POST', `/v2/process-instances/${key}/cancellation`, undefined, user);
/** mia (group managers) completes the open review task of an instance. */
const completeReview = async (processInstanceKey: string, variables: Record<string, unknown> = {}) =>
  command(engine, 'POST', `/v2/user-tasks/${(await openTask(engine, processInstanceKey, 'review')).userTaskKey}/completion`, { variables }, 'mia');
const instancesWithBusinessId = async (businessId: string) =>
  (await search(engine, '/v2/process-instances/search', { filter: { businessId } })).body.items.map((i: any) => `${i.processDefinitionId} ${i.state} ${i.processInstanceKey}`);

const instanceWithBusinessId = (businessId: string) =>
  present(async () => (await search(engine, '/v2/process-instances/search', { filter: { businessId, state: 'ACTIVE' } })).body.items[0]?.processInstanceKey as string | undefined, `an instance with business id ${businessId}`, 5_000);

describe('POST /v2/process-instances: which definition', () => {
  it('starts the latest version by process id and answers the Camunda shape', async () => {
    const { status, body } = await create({ processDefinitionId: 'commands-review' });
    expect(status).toBe(200);
    expect(body).toEqual({
      processDefinitionId: 'commands-review',
      processDefinitionVersion: 1,
      tenantId: '<default>',
      variables: {},
      processDefinitionKey: definitions['commands-review'],
      processInstanceKey: expect.stringMatching(/^[1-9]\d*$/),
      businessId: null,
    });
    expect(await instance(engine, body.processInstanceKey)).toMatchObject({ state: 'ACTIVE', processDefinitionVersion: 1, processDefinitionKey: definitions['commands-review'] });
    expect(await elementTrail(engine, body.processInstanceKey)).toEqual(['commands-review PROCESS ACTIVE', 'start START_EVENT COMPLETED', 'review USER_TASK ACTIVE']);
  });

  it('starts by process definition key', async () => {
    const { status, body } = await create({ processDefinitionKey: definitions['commands-review'] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ processDefinitionId: 'commands-review', processDefinitionVersion: 1, processDefinitionKey: definitions['commands-review'] });
  });

  it('puts the start variables into the root scope', async () => {
    const variables = { amount: 120.5, customer: { name: 'Ada', tags: ['vip'] }, note: null, approved: false };
    const key = await startInstance(engine, 'commands-review', variables);
    expect(await variablesIn(engine, key)).toEqual(variables);
    const all = (await search(engine, '/v2/variables/search', { filter: { processInstanceKey: key } })).body.items;
    expect(all.map((v: any) => v.scopeKey)).toEqual([key, key, key, key]);
  });

  it('keeps running instances on their version after a new deploy; id + version and key pick older versions', async () => {
    // Given an instance of version 1 (one task: approve)
    const onV1 = await startInstance(engine, 'commands-approval');
    // When version 2 (approve, then double-check) is deployed
    const v2 = await deployFixtures(engine, [elementFixture('commands-approval-v2.bpmn')]);
    expect(v2['commands-approval']).not.toBe(definitions['commands-approval']);

    // Then new starts by id get version 2, unless they name version 1 or its key
    const latest = await create({ processDefinitionId: 'commands-approval' });
    expect(latest.body).toMatchObject({ processDefinitionVersion: 2, processDefinitionKey: v2['commands-approval'] });
    const byVersion = await create({ processDefinitionId: 'commands-approval', processDefinitionVersion: 1 });
    expect(byVersion.body).toMatchObject({ processDefinitionVersion: 1, processDefinitionKey: definitions['commands-approval'] });
    const byKey = await create({ processDefinitionKey: definitions['commands-approval'] });
    expect(byKey.body).toMatchObject({ processDefinitionVersion: 1 });

    // And each instance runs its own version's model to the end
    for (const key of [onV1, byVersion.body.processInstanceKey, latest.body.processInstanceKey]) {
      const task = (await search(engine, '/v2/user-tasks/search', { filter: { processInstanceKey: key, elementId: 'approve' } })).body.items[0];
      await command(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, {}, 'mia');
    }
    for (const key of [onV1, byVersion.body.processInstanceKey]) {
      expect(await instance(engine, key)).toMatchObject({ state: 'COMPLETED', processDefinitionVersion: 1 });
      expect(await elementTrail(engine, key)).toEqual(['commands-approval PROCESS COMPLETED', 'start START_EVENT COMPLETED', 'approve USER_TASK COMPLETED', 'end END_EVENT COMPLETED']);
    }
    expect(await instance(engine, latest.body.processInstanceKey)).toMatchObject({ state: 'ACTIVE', processDefinitionVersion: 2 });
    expect(await elementTrail(engine, latest.body.processInstanceKey)).toEqual([
      'commands-approval PROCESS ACTIVE', 'start START_EVENT COMPLETED', 'approve USER_TASK COMPLETED', 'double-check USER_TASK ACTIVE',
    ]);
  });

  it("starts the latest version for version -1, what Camunda clients send by default", async () => {
    const minusOne = await create({ processDefinitionId: 'commands-review', processDefinitionVersion: -1 });
    expect(minusOne.status).toBe(200);
    expect(minusOne.body).toMatchObject({ processDefinitionId: 'commands-review', processDefinitionVersion: 1 });
  });

  it('treats null like an absent field', async () => {
    const explicitNull = [
      await create({ processDefinitionId: 'commands-review', processDefinitionVersion: null }),
      await create({ processDefinitionId: 'commands-review', processDefinitionKey: null }),
      await create({ processDefinitionId: 'commands-review', businessId: null, tenantId: null, variables: null }),
    ];
    expect(explicitNull[2]!.status).toBe(200);
    for (const result of explicitNull) expect(result.body).toMatchObject({ processDefinitionId: 'commands-review', processDefinitionVersion: 1 });
  });

  it('answers 404 for a process id, version or key that is not deployed', async () => {
    const cases: Array<[unknown, string]> = [
      [{ processDefinitionId: 'nothing-here' }, "No process definition with id 'nothing-here'"],
      [{ processDefinitionId: 'commands-review', processDefinitionVersion: 7 }, "'commands-review'"],
      [{ processDefinitionKey: '123456789' }, 'No process definition with key 123456789'],
    ];
    for (const [body, detail] of cases) {
      const result = await create(body);
      expect(result.status, JSON.stringify(body)).toBe(404);
      expect(result.body).toMatchObject({ code: 'PROCESS_DEFINITION.NOT_FOUND', title: 'NOT_FOUND' });
      expect(result.body.detail).toContain(detail);
    }
  });

  it('answers 400 for bodies that do not say exactly one definition, or are malformed', async () => {
    const countInstances = async () => (await search(engine, '/v2/process-instances/search', {})).body.page.totalItems;
    const before = await countInstances();
    const cases: Array<[unknown, string, string]> = [
      [{}, 'PROCESS_INSTANCE.DEFINITION_REQUIRED', 'exactly one of'],
      [{ processDefinitionId: 'commands-review', processDefinitionKey: definitions['commands-review'] }, 'PROCESS_INSTANCE.DEFINITION_REQUIRED', 'exactly one of'],
      [{ processDefinitionKey: definitions['commands-review'], processDefinitionVersion: 1 }, 'PROCESS_INSTANCE.VERSION_WITH_KEY', 'processDefinitionVersion'],
      [{ processDefinitionId: 'commands-review', tenantId: 'acme' }, 'PROCESS_INSTANCE.UNKNOWN_TENANT', "'acme'"],
      [{ processDefinitionId: 'commands-review', variables: [1, 2] }, 'REQUEST.INVALID_BODY', 'variables'],
      [{ processDefinitionId: 'commands-review', variables: 'amount=1' }, 'REQUEST.INVALID_BODY', 'variables'],
      [{ processDefinitionId: 'commands-review', colour: 'red' }, 'REQUEST.INVALID_BODY', 'colour'],
      [{ processDefinitionId: 'commands-review', processDefinitionVersion: 0 }, 'PROCESS_INSTANCE.INVALID_VERSION', 'processDefinitionVersion'],
      [{ processDefinitionId: 'commands-review', processDefinitionVersion: -2 }, 'REQUEST.INVALID_BODY', 'processDefinitionVersion'],
      [{ processDefinitionKey: 'abc' }, 'REQUEST.INVALID_BODY', 'processDefinitionKey'],
      [{ processDefinitionId: '' }, 'REQUEST.INVALID_BODY', 'processDefinitionId'],
      [{ processDefinitionId: 'commands-review', businessId: '' }, 'REQUEST.INVALID_BODY', 'businessId'],
      [{ processDefinitionId: 'commands-review', awaitCompletion: 'yes' }, 'REQUEST.INVALID_BODY', 'awaitCompletion'],
      [{ processDefinitionId: 'commands-review', requestTimeout: -1 }, 'REQUEST.INVALID_BODY', 'requestTimeout'],
      [{ processDefinitionId: 'commands-review', fetchVariables: 'sum' }, 'REQUEST.INVALID_BODY', 'fetchVariables'],
    ];
    for (const [body, code, mention] of cases) {
      const result = await create(body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body, JSON.stringify(body)).toMatchObject({ code, title: 'INVALID_ARGUMENT' });
      expect(result.body.detail, JSON.stringify(body)).toContain(mention);
    }
    const malformed = await engine.request('/v2/process-instances', { method: 'POST', body: '{"processDefinitionId":', headers: { 'Content-Type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).code).toBe('REQUEST.MALFORMED');
    // Nothing was started by any of them.
    expect(await countInstances()).toBe(before);
  });

  it('lets every role start instances, and nobody without credentials', async () => {
    for (const user of ['emma', 'anna', 'frank']) expect((await create({ processDefinitionId: 'commands-straight', variables: { a: 1, b: 1 } }, user)).status, user).toBe(200);
    expect((await engine.request('/v2/process-instances', { user: null, json: { processDefinitionId: 'commands-straight' } })).status).toBe(401);
  });
});

describe('business ids', () => {
  it('refuses a second start with the same process id and business id while the first is active, naming the first', async () => {
    const first = await create({ processDefinitionId: 'commands-review', businessId: 'order-1' });
    expect(first.status).toBe(200);
    expect(first.body.businessId).toBe('order-1');

    const second = await create({ processDefinitionId: 'commands-review', businessId: 'order-1', variables: { again: true } });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'PROCESS_INSTANCE.BUSINESS_ID_IN_USE',
      title: 'CONFLICT',
      processInstanceKey: first.body.processInstanceKey,
    });
    expect(second.body.detail).toContain("'order-1'");
    expect(await instancesWithBusinessId('order-1')).toEqual([`commands-review ACTIVE ${first.body.processInstanceKey}`]);
  });

  it('allows the business id again once the instance holding it completed', async () => {
    const first = await startInstance(engine, 'commands-review', {}, { businessId: 'order-2' });
    await completeReview(first);
    expect((await instance(engine, first)).state).toBe('COMPLETED');
    const again = await create({ processDefinitionId: 'commands-review', businessId: 'order-2' });
    expect(again.status).toBe(200);
    expect(await instancesWithBusinessId('order-2')).toEqual([`commands-review COMPLETED ${first}`, `commands-review ACTIVE ${again.body.processInstanceKey}`]);
  });

  it('allows the business id again once the instance holding it was canceled', async () => {
    const first = await startInstance(engine, 'commands-review', {}, { businessId: 'order-3' });
    expect((await cancel(first)).status).toBe(204);
    const again = await create({ processDefinitionId: 'commands-review', businessId: 'order-3' });
    expect(again.status).toBe(200);
    // and the new holder blocks it in turn
    expect((await create({ processDefinitionId: 'commands-review', businessId: 'order-3' })).body.processInstanceKey).toBe(again.body.processInstanceKey);
  });

  it('scopes business ids to the process id', async () => {
    const review = await startInstance(engine, 'commands-review', {}, { businessId: 'order-4' });
    const approval = await create({ processDefinitionId: 'commands-approval', businessId: 'order-4' });
    expect(approval.status).toBe(200);
    expect(approval.body.processInstanceKey).not.toBe(review);
  });

  it('holds no business id for an instance that completed while it was created', async () => {
    for (let i = 0; i < 2; i++) {
      const straight = await create({ processDefinitionId: 'commands-straight', businessId: 'order-5', variables: { a: 1, b: 2 } });
      expect(straight.status).toBe(200);
    }
    expect(await instancesWithBusinessId('order-5')).toHaveLength(2);
  });

  it('lets exactly one of 10 concurrent starts with the same business id win; the others are told its key', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => create({ processDefinitionId: 'commands-review', businessId: 'order-race', variables: { attempt: i } })));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.body.processInstanceKey;
    const losers = results.filter((r) => r.status !== 200);
    expect(losers.map((r) => [r.status, r.body.code, r.body.processInstanceKey])).toEqual(Array(9).fill([409, 'PROCESS_INSTANCE.BUSINESS_ID_IN_USE', winner]));
    expect(await instancesWithBusinessId('order-race')).toEqual([`commands-review ACTIVE ${winner}`]);
    // The losers left nothing behind: no element instances or tasks of other instances.
    const tasks = (await search(engine, '/v2/user-tasks/search', { filter: { processInstanceVariables: [{ name: 'attempt', value: { $exists: true } }] } })).body.items;
    expect(tasks.map((t: any) => t.processInstanceKey)).toEqual([winner]);
  });
});

describe('awaitCompletion', () => {
  it('answers with every root variable when the instance completes without waiting', async () => {
    const { status, body } = await create({ processDefinitionId: 'commands-straight', variables: { a: 2, b: 3 }, awaitCompletion: true });
    expect(status).toBe(200);
    expect(body).toMatchObject({ processDefinitionId: 'commands-straight', variables: { a: 2, b: 3, sum: 5 } });
    expect(await instance(engine, body.processInstanceKey)).toMatchObject({ state: 'COMPLETED' });
  });

  it('answers with only the fetchVariables (names that do not exist are left out)', async () => {
    const { status, body } = await create({ processDefinitionId: 'commands-straight', variables: { a: 2, b: 3 }, awaitCompletion: true, fetchVariables: ['sum', 'missing'] });
    expect(status).toBe(200);
    expect(body.variables).toEqual({ sum: 5 });
  });

  it('does not return variables without awaitCompletion', async () => {
    const { body } = await create({ processDefinitionId: 'commands-straight', variables: { a: 2, b: 3 }, fetchVariables: ['sum'] });
    expect(body.variables).toEqual({});
  });

  it('answers once a user task is completed by another request while it waits', async () => {
    // Given a start that waits for the end
    const awaited = create({ processDefinitionId: 'commands-review', businessId: 'await-1', variables: { amount: 10 }, awaitCompletion: true, requestTimeout: 30_000 });
    const key = await instanceWithBusinessId('await-1');
    // When mia completes the task
    await completeReview(key, { approved: true });
    // Then the start answers with the instance's variables at its end
    const { status, body } = await awaited;
    expect(status).toBe(200);
    expect(body).toMatchObject({ processInstanceKey: key, businessId: 'await-1', variables: { amount: 10, approved: true } });
    expect((await instance(engine, key)).state).toBe('COMPLETED');
  });

  it('answers 504 after requestTimeout while the instance keeps running', async () => {
    const { status, body } = await create({ processDefinitionId: 'commands-review', businessId: 'await-2', awaitCompletion: true, requestTimeout: 300 });
    expect(status).toBe(504);
    expect(body).toMatchObject({ code: 'PROCESS_INSTANCE.AWAIT_TIMEOUT', processInstanceKey: expect.stringMatching(/^\d+$/) });
    expect(body.detail).toContain('300 ms');
    expect(await instance(engine, body.processInstanceKey)).toMatchObject({ state: 'ACTIVE', businessId: 'await-2' });
    expect((await openTask(engine, body.processInstanceKey, 'review')).state).toBe('CREATED');
  });

  it('answers 409 when the awaited instance is canceled', async () => {
    const awaited = create({ processDefinitionId: 'commands-review', businessId: 'await-3', awaitCompletion: true, requestTimeout: 30_000 });
    const key = await instanceWithBusinessId('await-3');
    expect((await cancel(key)).status).toBe(204);
    const { status, body } = await awaited;
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'PROCESS_INSTANCE.TERMINATED', title: 'CONFLICT', processInstanceKey: key });
  });
});

describe('POST /v2/process-instances/{key}/cancellation', () => {
  it('terminates everything active: the task, the process; cancels the user task', async () => {
    const key = await startInstance(engine, 'commands-review');
    const task = await openTask(engine, key, 'review');
    expect((await cancel(key)).status).toBe(204);
    expect(await instance(engine, key)).toMatchObject({ state: 'TERMINATED', endDate: expect.any(String) });
    expect(await elementTrail(engine, key)).toEqual(['commands-review PROCESS TERMINATED', 'start START_EVENT COMPLETED', 'review USER_TASK TERMINATED']);
    expect((await get(engine, `/v2/user-tasks/${task.userTaskKey}`)).body.state).toBe('CANCELED');
  });

  it('is for admins: employees and analysts get 403 and the instance keeps running', async () => {
    const key = await startInstance(engine, 'commands-review', {}, {}, 'emma');
    for (const user of ['emma', 'mia', 'anna']) {
      const refused = await cancel(key, user);
      expect(refused.status, user).toBe(403);
      expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    }
    expect((await instance(engine, key)).state).toBe('ACTIVE');
    expect((await engine.request(`/v2/process-instances/${key}/cancellation`, { method: 'POST', user: null })).status).toBe(401);
  });

  it('answers 404 for an instance that has ended, as Camunda does, saying that it ended and how', async () => {
    const canceled = await startInstance(engine, 'commands-review');
    expect((await cancel(canceled)).status).toBe(204);
    const again = await cancel(canceled);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({
      type: 'urn:baton:problem:PROCESS_INSTANCE.ENDED',
      title: 'NOT_FOUND',
      status: 404,
      detail: `Process instance ${canceled} was terminated, so there is nothing to cancel`,
      instance: `/v2/process-instances/${canceled}/cancellation`,
      code: 'PROCESS_INSTANCE.ENDED',
    });
    expect((await instance(engine, canceled)).state).toBe('TERMINATED');

    const completed = (await create({ processDefinitionId: 'commands-straight', variables: { a: 1, b: 1 } })).body.processInstanceKey;
    const late = await cancel(completed);
    expect(late.status).toBe(404);
    expect(late.body).toMatchObject({ title: 'NOT_FOUND', code: 'PROCESS_INSTANCE.ENDED', detail: `Process instance ${completed} is already completed, so there is nothing to cancel` });
    expect((await instance(engine, completed)).state).toBe('COMPLETED');
  });

  it('answers 404 for an unknown key and 400 for a malformed one', async () => {
    const unknown = await cancel('123456789');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PROCESS_INSTANCE.NOT_FOUND', detail: 'No process instance with key 123456789' });
    expect((await cancel('abc')).body).toMatchObject({ code: 'REQUEST.INVALID_KEY' });
  });
});

describe('history', () => {
  it('records the command and the actor of every event', async () => {
    // Given emma starts a review, mia claims and completes it
    const key = await startInstance(engine, 'commands-review', { amount: 5 }, {}, 'emma');
    const task = await openTask(engine, key, 'review');
    await command(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/assignment`, { assignee: 'mia' }, 'mia');
    await command(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: { approved: true } }, 'mia');
    // Then each event names what caused it and who (element ids resolved through the element instances)
    const history = await historyOf(engine, key);
    const idOf = Object.fromEntries((await elementsOf(engine, key)).map((e) => [e.elementInstanceKey, e.elementId]));
    const events = history.map((e) => `${e.actor} ${e.command} ${e.eventType} ${e.elementId ?? idOf[e.elementInstanceKey] ?? '-'}`);
    expect(events).toEqual([
      'emma CREATE_PROCESS_INSTANCE PROCESS_INSTANCE_CREATED commands-review',
      'emma CREATE_PROCESS_INSTANCE ELEMENT_ACTIVATING commands-review',
      'emma CREATE_PROCESS_INSTANCE VARIABLE_CREATED commands-review',
      'emma CREATE_PROCESS_INSTANCE ELEMENT_ACTIVATED commands-review',
      'emma CREATE_PROCESS_INSTANCE ELEMENT_ACTIVATING start',
      'emma CREATE_PROCESS_INSTANCE ELEMENT_ACTIVATED start',
      'emma CREATE_PROCESS_INSTANCE ELEMENT_COMPLETING start',
      'emma CREATE_PROCESS_INSTANCE ELEMENT_COMPLETED start',
      'emma CREATE_PROCESS_INSTANCE SEQUENCE_FLOW_TAKEN f1',
      'emma CREATE_PROCESS_INSTANCE ELEMENT_ACTIVATING review',
      'emma CREATE_PROCESS_INSTANCE USER_TASK_CREATED review',
      'emma CREATE_PROCESS_INSTANCE ELEMENT_ACTIVATED review',
      'mia ASSIGN_USER_TASK USER_TASK_ASSIGNED review',
      'mia COMPLETE_USER_TASK USER_TASK_COMPLETED review',
      'mia COMPLETE_USER_TASK ELEMENT_COMPLETING review',
      'mia COMPLETE_USER_TASK VARIABLE_CREATED commands-review',
      'mia COMPLETE_USER_TASK ELEMENT_COMPLETED review',
      'mia COMPLETE_USER_TASK SEQUENCE_FLOW_TAKEN f2',
      'mia COMPLETE_USER_TASK ELEMENT_ACTIVATING end',
      'mia COMPLETE_USER_TASK ELEMENT_ACTIVATED end',
      'mia COMPLETE_USER_TASK ELEMENT_COMPLETING end',
      'mia COMPLETE_USER_TASK ELEMENT_COMPLETED end',
      'mia COMPLETE_USER_TASK ELEMENT_COMPLETING commands-review',
      'mia COMPLETE_USER_TASK ELEMENT_COMPLETED commands-review',
    ]);
    const completed = history.find((e) => e.eventType === 'USER_TASK_COMPLETED');
    expect(completed).toMatchObject({ elementInstanceKey: task.elementInstanceKey });
    expect(completed).toMatchObject({ elementId: 'review' });
    expect(history.find((e) => e.eventType === 'USER_TASK_ASSIGNED').details).toMatchObject({ userTaskKey: task.userTaskKey, assignee: 'mia' });
    expect(history.find((e) => e.eventType === 'USER_TASK_COMPLETED').details).toMatchObject({ userTaskKey: task.userTaskKey, variableNames: ['approved'] });
    expect(history.filter((e) => e.eventType === 'VARIABLE_CREATED').map((e) => [e.details.name, e.details.value, e.elementInstanceKey])).toEqual([
      ['amount', 5, key],
      ['approved', true, key],
    ]);
  });

  it('records the canceling admin', async () => {
    const key = await startInstance(engine, 'commands-review', {}, {}, 'emma');
    await cancel(key);
    const idOf = Object.fromEntries((await elementsOf(engine, key)).map((e) => [e.elementInstanceKey, e.elementId]));
    const events = (await historyOf(engine, key)).filter((e) => e.command === 'CANCEL_PROCESS_INSTANCE').map((e) => `${e.actor} ${e.eventType} ${e.elementId ?? idOf[e.elementInstanceKey]}`);
    expect(events).toEqual([
      'demo ELEMENT_TERMINATING commands-review',
      'demo ELEMENT_TERMINATING review',
      'demo USER_TASK_CANCELED review',
      'demo ELEMENT_TERMINATED review',
      'demo ELEMENT_TERMINATED commands-review',
    ]);
  });
});
