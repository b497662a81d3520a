import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, deployFixtures, get, QUERY_FIXTURES, search, startInstance } from '../fixtures/queries/scenario.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

let engine: TestEngine;
let definitions: Record<string, string>;
/** Instances: two active task instances (one with a business id), one cancelled, one incident, one completed. */
const keys: Record<string, string> = {};

beforeAll(async () => {
  engine = await startTestEngine();
  definitions = await deployFixtures(engine, [QUERY_FIXTURES.tasks, QUERY_FIXTURES.approveForm, QUERY_FIXTURES.incident]);
  keys.tasks1 = await startInstance(engine, 'query-tasks', {}, { businessId: 'order-1' });
  keys.tasks2 = await startInstance(engine, 'query-tasks', {}, {}, 'emma');
  keys.cancelled = await startInstance(engine, 'query-tasks');
  await command(engine, 'POST', `/v2/process-instances/${keys.cancelled}/cancellation`);
  keys.incident = await startInstance(engine, 'query-incident', { amount: 10 });
  keys.completed = await startInstance(engine, 'query-incident', { amount: 100 });
});
afterAll(async () => {
  await engine?.stop();
});

const searchInstances = (body: unknown, user = 'demo') => search(engine, '/v2/process-instances/search', body, user);

describe('GET /v2/process-instances/{key}', () => {
  it('answers the Camunda shape with exactly these keys (plus businessId), absent values left out', async () => {
    const { status, body } = await get(engine, `/v2/process-instances/${keys.tasks1}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      processDefinitionId: 'query-tasks',
      processDefinitionName: 'Query tasks',
      processDefinitionVersion: 1,
      startDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      state: 'ACTIVE',
      hasIncident: false,
      tenantId: '<default>',
      processInstanceKey: keys.tasks1,
      processDefinitionKey: definitions['query-tasks'],
      businessId: 'order-1',
    });
  });

  it('shows ends, cancellations and incidents', async () => {
    const cancelled = (await get(engine, `/v2/process-instances/${keys.cancelled}`)).body;
    expect(cancelled).toMatchObject({ state: 'TERMINATED', endDate: expect.any(String), hasIncident: false });
    const completed = (await get(engine, `/v2/process-instances/${keys.completed}`)).body;
    expect(completed).toMatchObject({ state: 'COMPLETED', endDate: expect.any(String) });
    expect(Date.parse(completed.endDate)).toBeGreaterThanOrEqual(Date.parse(completed.startDate));
    const incident = (await get(engine, `/v2/process-instances/${keys.incident}`)).body;
    expect(incident).toMatchObject({ state: 'ACTIVE', hasIncident: true });
    expect(incident).not.toHaveProperty('endDate');
    expect(incident).not.toHaveProperty('businessId');
  });

  it('answers 404 for an unknown key and 400 for a malformed one', async () => {
    const unknown = await get(engine, '/v2/process-instances/123456789');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PROCESS_INSTANCE.NOT_FOUND', title: 'NOT_FOUND', detail: 'No process instance with key 123456789' });
    const malformed = await get(engine, '/v2/process-instances/abc');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'REQUEST.INVALID_KEY' });
  });

  it('needs instance:read: 403 for employees, 401 without credentials; analysts may read', async () => {
    const employee = await get(engine, `/v2/process-instances/${keys.tasks1}`, 'emma');
    expect(employee.status).toBe(403);
    expect(employee.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect((await searchInstances({}, 'frank')).status).toBe(403);
    expect((await engine.request(`/v2/process-instances/${keys.tasks1}`, { user: null })).status).toBe(401);
    expect((await get(engine, `/v2/process-instances/${keys.tasks1}`, 'anna')).status).toBe(200);
  });
});

describe('POST /v2/process-instances/search', () => {
  it('lists every instance, ordered by key by default, with a total', async () => {
    const { status, body } = await searchInstances({});
    expect(status).toBe(200);
    expect(body.page.totalItems).toBe(5);
    expect(body.items.map((i: any) => i.processInstanceKey)).toEqual([keys.tasks1, keys.tasks2, keys.cancelled, keys.incident, keys.completed]);
    expect(Object.keys(body.items[0]).sort()).toEqual(Object.keys((await get(engine, `/v2/process-instances/${keys.tasks1}`)).body).sort());
  });

  it('filters by state, process, version, name, key, incident, business id and dates', async () => {
    const keysOf = async (filter: unknown) => (await searchInstances({ filter })).body.items.map((i: any) => i.processInstanceKey);
    expect(await keysOf({ state: 'ACTIVE' })).toEqual([keys.tasks1, keys.tasks2, keys.incident]);
    expect(await keysOf({ state: { $in: ['COMPLETED', 'TERMINATED'] } })).toEqual([keys.cancelled, keys.completed]);
    expect(await keysOf({ state: { $neq: 'ACTIVE' }, processDefinitionId: 'query-tasks' })).toEqual([keys.cancelled]);
    expect(await keysOf({ processDefinitionKey: definitions['query-incident'] })).toEqual([keys.incident, keys.completed]);
    expect(await keysOf({ processDefinitionId: { $like: 'query-inc*' }, processDefinitionVersion: { $gte: 1 } })).toEqual([keys.incident, keys.completed]);
    expect(await keysOf({ processDefinitionName: 'Query incident', hasIncident: true })).toEqual([keys.incident]);
    expect(await keysOf({ hasIncident: false, state: 'ACTIVE' })).toEqual([keys.tasks1, keys.tasks2]);
    expect(await keysOf({ processInstanceKey: { $in: [keys.tasks2, keys.completed] } })).toEqual([keys.tasks2, keys.completed]);
    expect(await keysOf({ businessId: 'order-1' })).toEqual([keys.tasks1]);
    expect(await keysOf({ businessId: { $exists: true } })).toEqual([keys.tasks1]);
    expect(await keysOf({ tenantId: '<default>', processDefinitionVersionTag: { $exists: false } })).toHaveLength(5);
    expect(await keysOf({ parentProcessInstanceKey: { $exists: false } })).toHaveLength(5);
    expect(await keysOf({ parentProcessInstanceKey: keys.tasks1 })).toEqual([]);
    expect(await keysOf({ endDate: { $exists: true } })).toEqual([keys.cancelled, keys.completed]);

    const all = (await searchInstances({})).body.items;
    const cancelledStart = all.find((i: any) => i.processInstanceKey === keys.cancelled).startDate;
    expect(await keysOf({ startDate: { $gte: cancelledStart } })).toEqual([keys.cancelled, keys.incident, keys.completed]);
    expect(await keysOf({ startDate: { $lt: cancelledStart }, endDate: { $lt: '2100-01-01T00:00:00Z' } })).toEqual([]);
  });

  it('sorts by Camunda sort fields, the key breaking ties', async () => {
    const sorted = async (sort: unknown) => (await searchInstances({ sort })).body.items.map((i: any) => i.processInstanceKey);
    expect(await sorted([{ field: 'processDefinitionId', order: 'DESC' }, { field: 'startDate', order: 'DESC' }])).toEqual([
      keys.cancelled, keys.tasks2, keys.tasks1, keys.completed, keys.incident,
    ]);
    expect(await sorted([{ field: 'state' }])).toEqual([keys.tasks1, keys.tasks2, keys.incident, keys.completed, keys.cancelled]);
    expect(await sorted([{ field: 'hasIncident', order: 'DESC' }])).toEqual([keys.incident, keys.tasks1, keys.tasks2, keys.cancelled, keys.completed]);
    expect(await sorted([{ field: 'processInstanceKey', order: 'DESC' }])).toEqual([keys.completed, keys.incident, keys.cancelled, keys.tasks2, keys.tasks1]);
  });

  it('pages with offsets and cursors', async () => {
    const first = await searchInstances({ page: { limit: 2 } });
    expect(first.body.items.map((i: any) => i.processInstanceKey)).toEqual([keys.tasks1, keys.tasks2]);
    expect(first.body.page.totalItems).toBe(5);
    const next = await searchInstances({ page: { limit: 2, after: first.body.page.endCursor } });
    expect(next.body.items.map((i: any) => i.processInstanceKey)).toEqual([keys.cancelled, keys.incident]);
    const back = await searchInstances({ page: { limit: 1, before: next.body.page.startCursor } });
    expect(back.body.items.map((i: any) => i.processInstanceKey)).toEqual([keys.tasks2]);
    const offset = await searchInstances({ page: { from: 4, limit: 10 } });
    expect(offset.body.items.map((i: any) => i.processInstanceKey)).toEqual([keys.completed]);
  });

  it('answers 400 naming the field for unknown filters, operators, sort fields and bad values', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ filter: { colour: 'red' } }, 'SEARCH.UNKNOWN_FILTER', "'colour'"],
      [{ filter: { hasIncident: 'yes' } }, 'SEARCH.INVALID_FILTER_VALUE', "'hasIncident'"],
      [{ filter: { startDate: { $gt: 'yesterday' } } }, 'SEARCH.INVALID_FILTER_VALUE', "'startDate'"],
      [{ filter: { processInstanceKey: 'abc' } }, 'SEARCH.INVALID_FILTER_VALUE', "'processInstanceKey'"],
      [{ filter: { processDefinitionVersion: { $like: '1*' } } }, 'SEARCH.UNKNOWN_OPERATOR', "'$like'"],
      [{ sort: [{ field: 'colour' }] }, 'SEARCH.UNKNOWN_SORT_FIELD', "'colour'"],
      [{ page: { after: 'nonsense' } }, 'SEARCH.INVALID_CURSOR', 'cursor'],
    ];
    for (const [body, code, mention] of cases) {
      const result = await searchInstances(body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.code, JSON.stringify(body)).toBe(code);
      expect(result.body.detail).toContain(mention);
    }
  });
});

describe('GET /v2/process-instances/{key}/history', () => {
  it('lists every event in order with time, actor and command', async () => {
    const { status, body } = await get(engine, `/v2/process-instances/${keys.tasks2}/history`);
    expect(status).toBe(200);
    expect(body.page).toEqual({ totalItems: body.items.length, nextFrom: null });
    expect(body.items.map((e: any) => e.position)).toEqual(body.items.map((_: unknown, i: number) => i + 1));
    const first = body.items[0];
    // elementId and elementInstanceKey are there when the event is about an element.
    const optional = ['elementId', 'elementInstanceKey'];
    for (const event of body.items) {
      expect(Object.keys(event).filter((k) => !optional.includes(k)).sort()).toEqual(['actor', 'command', 'details', 'eventType', 'position', 'time']);
      expect(Object.keys(event).filter((k) => optional.includes(k)).every((k) => typeof event[k] === 'string')).toBe(true);
    }
    expect(first).toMatchObject({ position: 1, actor: 'emma', eventType: 'PROCESS_INSTANCE_CREATED', time: expect.stringMatching(/Z$/) });
    const types = body.items.map((e: any) => e.eventType);
    expect(types).toContain('USER_TASK_CREATED');
    const created = body.items.find((e: any) => e.eventType === 'ELEMENT_ACTIVATING' && e.elementId === 'offer-sales');
    expect(Object.keys(created).sort()).toEqual(['actor', 'command', 'details', 'elementId', 'elementInstanceKey', 'eventType', 'position', 'time']);
    expect(created).toMatchObject({ elementInstanceKey: expect.stringMatching(/^\d+$/), details: expect.objectContaining({ elementType: 'bpmn:UserTask' }) });
  });

  it('records who cancelled', async () => {
    const { body } = await get(engine, `/v2/process-instances/${keys.cancelled}/history`);
    const terminated = body.items.filter((e: any) => e.eventType === 'ELEMENT_TERMINATED');
    expect(terminated.length).toBeGreaterThan(0);
    expect(terminated.every((e: any) => e.actor === 'demo')).toBe(true);
  });

  it('pages by position with from and limit', async () => {
    const all = (await get(engine, `/v2/process-instances/${keys.tasks1}/history`)).body.items;
    const page1 = (await get(engine, `/v2/process-instances/${keys.tasks1}/history?limit=3`)).body;
    expect(page1.items).toEqual(all.slice(0, 3));
    expect(page1.page).toEqual({ totalItems: all.length, nextFrom: 4 });
    const page2 = (await get(engine, `/v2/process-instances/${keys.tasks1}/history?from=${page1.page.nextFrom}&limit=3`)).body;
    expect(page2.items).toEqual(all.slice(3, 6));
    const last = (await get(engine, `/v2/process-instances/${keys.tasks1}/history?from=${all.length}`)).body;
    expect(last.items).toEqual(all.slice(-1));
    expect(last.page.nextFrom).toBeNull();
  });

  it('answers 400 for bad paging, 404 for unknown instances, 403 for employees', async () => {
    const bad = await get(engine, `/v2/process-instances/${keys.tasks1}/history?from=0`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'REQUEST.INVALID_BODY' });
    expect((await get(engine, `/v2/process-instances/${keys.tasks1}/history?limit=abc`)).status).toBe(400);
    expect((await get(engine, `/v2/process-instances/${keys.tasks1}/history?colour=red`)).status).toBe(400);
    const unknown = await get(engine, '/v2/process-instances/123456789/history');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'PROCESS_INSTANCE.NOT_FOUND' });
    expect((await get(engine, `/v2/process-instances/${keys.tasks2}/history`, 'emma')).status).toBe(403);
  });
});
