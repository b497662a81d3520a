import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFixtures, get, QUERY_FIXTURES, search, startInstance } from '../fixtures/queries/scenario.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

let engine: TestEngine;
let definitions: Record<string, string>;
let scopes: string;
let incident: string;

beforeAll(async () => {
  engine = await startTestEngine();
  definitions = await deployFixtures(engine, [QUERY_FIXTURES.scopes, QUERY_FIXTURES.incident]);
  scopes = await startInstance(engine, 'query-scopes', { shadowed: 'outer' });
  incident = await startInstance(engine, 'query-incident', { amount: 10 });
});
afterAll(async () => {
  await engine?.stop();
});

const searchElements = (body: unknown, user = 'demo') => search(engine, '/v2/element-instances/search', body, user);
const elementsOf = async (processInstanceKey: string) => (await searchElements({ filter: { processInstanceKey } })).body.items;

describe('element instances', () => {
  it('include the process itself (type PROCESS, key = process instance key) and map BPMN types to Camunda types', async () => {
    const items = await elementsOf(scopes);
    expect(items.map((e: any) => [e.elementId, e.type, e.state])).toEqual([
      ['query-scopes', 'PROCESS', 'ACTIVE'],
      ['start', 'START_EVENT', 'COMPLETED'],
      ['sub', 'SUB_PROCESS', 'ACTIVE'],
      ['sub-start', 'START_EVENT', 'COMPLETED'],
      ['inner-task', 'USER_TASK', 'ACTIVE'],
    ]);
    expect(items[0].elementInstanceKey).toBe(scopes);
    const types = (await elementsOf(incident)).map((e: any) => [e.elementId, e.type]);
    expect(types).toEqual([['query-incident', 'PROCESS'], ['start', 'START_EVENT'], ['double', 'SCRIPT_TASK'], ['route', 'EXCLUSIVE_GATEWAY']]);
  });

  it('GET answers the Camunda shape with exactly these keys, absent values left out; the name falls back to the element id', async () => {
    const task = (await elementsOf(scopes)).find((e: any) => e.elementId === 'inner-task');
    const { status, body } = await get(engine, `/v2/element-instances/${task.elementInstanceKey}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      processDefinitionId: 'query-scopes',
      startDate: expect.stringMatching(/Z$/),
      elementId: 'inner-task',
      elementName: 'Inner task',
      type: 'USER_TASK',
      state: 'ACTIVE',
      hasIncident: false,
      tenantId: '<default>',
      elementInstanceKey: task.elementInstanceKey,
      processInstanceKey: scopes,
      processDefinitionKey: definitions['query-scopes'],
    });
    const start = (await elementsOf(scopes)).find((e: any) => e.elementId === 'start');
    expect(start).toMatchObject({ elementName: 'start', endDate: expect.stringMatching(/Z$/) });
  });

  it('shows the incident holding an element', async () => {
    const gateway = (await elementsOf(incident)).find((e: any) => e.elementId === 'route');
    expect(gateway).toMatchObject({ state: 'ACTIVE', hasIncident: true, incidentKey: expect.stringMatching(/^\d+$/) });
    const incidentBody = (await get(engine, `/v2/incidents/${gateway.incidentKey}`)).body;
    expect(incidentBody).toMatchObject({ elementInstanceKey: gateway.elementInstanceKey, errorType: 'CONDITION_ERROR' });
  });

  it('filters by type, state, element, name, incident, scope, definition and dates', async () => {
    const ids = async (filter: unknown) => (await searchElements({ filter })).body.items.map((e: any) => e.elementId);
    expect(await ids({ type: 'USER_TASK' })).toEqual(['inner-task']);
    expect(await ids({ type: { $in: ['SUB_PROCESS', 'EXCLUSIVE_GATEWAY'] } })).toEqual(['sub', 'route']);
    expect(await ids({ type: { $notIn: ['START_EVENT', 'PROCESS'] }, processInstanceKey: scopes })).toEqual(['sub', 'inner-task']);
    expect(await ids({ type: { $neq: 'START_EVENT' }, processInstanceKey: incident })).toEqual(['query-incident', 'double', 'route']);
    expect(await ids({ type: 'CALL_ACTIVITY' })).toEqual([]);
    expect(await ids({ state: 'COMPLETED', processInstanceKey: scopes })).toEqual(['start', 'sub-start']);
    expect(await ids({ elementId: { $like: 'sub*' } })).toEqual(['sub', 'sub-start']);
    expect(await ids({ elementName: 'Inner scope' })).toEqual(['sub']);
    expect(await ids({ hasIncident: true })).toEqual(['route']);
    const gateway = (await elementsOf(incident)).find((e: any) => e.elementId === 'route');
    expect(await ids({ incidentKey: gateway.incidentKey })).toEqual(['route']);
    expect(await ids({ elementInstanceKey: gateway.elementInstanceKey })).toEqual(['route']);
    expect(await ids({ processDefinitionKey: definitions['query-incident'], processDefinitionId: 'query-incident', tenantId: '<default>' })).toHaveLength(4);
    // Immediate children of the process instance, then of the subprocess.
    expect(await ids({ elementInstanceScopeKey: scopes })).toEqual(['start', 'sub']);
    const sub = (await elementsOf(scopes)).find((e: any) => e.elementId === 'sub');
    expect(await ids({ elementInstanceScopeKey: sub.elementInstanceKey })).toEqual(['sub-start', 'inner-task']);
    expect(await ids({ endDate: { $exists: false }, processInstanceKey: scopes })).toEqual(['query-scopes', 'sub', 'inner-task']);
    expect(await ids({ startDate: { $lt: '2000-01-01T00:00:00Z' } })).toEqual([]);
  });

  it('sorts by Camunda sort fields; type by its Camunda name', async () => {
    const sorted = async (sort: unknown, filter: unknown = { processInstanceKey: scopes }) => (await searchElements({ filter, sort })).body.items.map((e: any) => e.elementId);
    expect(await sorted([{ field: 'type' }])).toEqual(['query-scopes', 'start', 'sub-start', 'sub', 'inner-task']);
    expect(await sorted([{ field: 'elementId', order: 'DESC' }])).toEqual(['sub-start', 'sub', 'start', 'query-scopes', 'inner-task']);
    // Names: 'Inner scope', 'Inner task', and the ids of unnamed elements.
    expect(await sorted([{ field: 'elementName' }])).toEqual(['sub', 'inner-task', 'query-scopes', 'start', 'sub-start']);
    expect(await sorted([{ field: 'state', order: 'DESC' }, { field: 'elementInstanceKey', order: 'DESC' }])).toEqual(['sub-start', 'start', 'inner-task', 'sub', 'query-scopes']);
  });

  it('pages with offsets and cursors', async () => {
    const first = await searchElements({ filter: { processInstanceKey: scopes }, page: { limit: 3 } });
    expect(first.body.page.totalItems).toBe(5);
    expect(first.body.items.map((e: any) => e.elementId)).toEqual(['query-scopes', 'start', 'sub']);
    const next = await searchElements({ filter: { processInstanceKey: scopes }, page: { limit: 3, after: first.body.page.endCursor } });
    expect(next.body.items.map((e: any) => e.elementId)).toEqual(['sub-start', 'inner-task']);
    const offset = await searchElements({ filter: { processInstanceKey: scopes }, page: { from: 4 } });
    expect(offset.body.items.map((e: any) => e.elementId)).toEqual(['inner-task']);
  });

  it('answers 400 for bad filters, 404 for unknown keys, 403 for employees', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ filter: { type: 'USERTASK' } }, 'SEARCH.INVALID_FILTER_VALUE', "'type'"],
      [{ filter: { type: { $in: ['USER_TASK', 'bpmn:UserTask'] } } }, 'SEARCH.INVALID_FILTER_VALUE', "'type.$in'"],
      [{ filter: { type: { $like: 'USER*' } } }, 'SEARCH.UNKNOWN_OPERATOR', "'$like'"],
      [{ filter: { flowScopeKey: scopes } }, 'SEARCH.UNKNOWN_FILTER', "'flowScopeKey'"],
      [{ filter: { hasIncident: 1 } }, 'SEARCH.INVALID_FILTER_VALUE', "'hasIncident'"],
      [{ sort: [{ field: 'hasIncident' }] }, 'SEARCH.UNKNOWN_SORT_FIELD', "'hasIncident'"],
    ];
    for (const [body, code, mention] of cases) {
      const result = await searchElements(body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.code, JSON.stringify(body)).toBe(code);
      expect(result.body.detail).toContain(mention);
    }
    const unknown = await get(engine, '/v2/element-instances/123456789');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'ELEMENT_INSTANCE.NOT_FOUND' });
    expect((await get(engine, `/v2/element-instances/${scopes}`, 'mia')).status).toBe(403);
    expect((await searchElements({}, 'emma')).status).toBe(403);
    expect((await searchElements({}, 'anna')).status).toBe(200);
  });
});
