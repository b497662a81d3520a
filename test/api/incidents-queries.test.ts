import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, deployFixtures, get, QUERY_FIXTURES, search, startInstance } from '../fixtures/queries/scenario.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

let engine: TestEngine;
let definitions: Record<string, string>;
let first: string;
let second: string;
let resolvedInstance: string;
const incidentOf: Record<string, any> = {};

beforeAll(async () => {
  engine = await startTestEngine();
  definitions = await deployFixtures(engine, [QUERY_FIXTURES.incident]);
  first = await startInstance(engine, 'query-incident', { amount: 10 });
  second = await startInstance(engine, 'query-incident', { amount: 20 });
  resolvedInstance = await startInstance(engine, 'query-incident', { amount: 30 });
  for (const key of [first, second, resolvedInstance]) {
    incidentOf[key] = (await search(engine, '/v2/incidents/search', { filter: { processInstanceKey: key } })).body.items[0];
  }
  // Fix the cause, then resolve: the gateway is evaluated again and the instance completes.
  await command(engine, 'PUT', `/v2/element-instances/${resolvedInstance}/variables`, { variables: { doubled: 500 } });
  await command(engine, 'POST', `/v2/incidents/${incidentOf[resolvedInstance].incidentKey}/resolution`);
});
afterAll(async () => {
  await engine?.stop();
});

const searchIncidents = (body: unknown, user = 'demo') => search(engine, '/v2/incidents/search', body, user);

describe('incidents', () => {
  it('GET answers the Camunda shape with exactly these keys', async () => {
    const gateway = (await search(engine, '/v2/element-instances/search', { filter: { processInstanceKey: first, elementId: 'route' } })).body.items[0];
    const { status, body } = await get(engine, `/v2/incidents/${incidentOf[first].incidentKey}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      processDefinitionId: 'query-incident',
      errorType: 'CONDITION_ERROR',
      errorMessage: expect.stringContaining('route'),
      elementId: 'route',
      creationTime: expect.stringMatching(/Z$/),
      state: 'ACTIVE',
      tenantId: '<default>',
      incidentKey: gateway.incidentKey,
      processDefinitionKey: definitions['query-incident'],
      processInstanceKey: first,
      elementInstanceKey: gateway.elementInstanceKey,
    });
  });

  it('show resolution on the incident, the element and the instance', async () => {
    const incident = (await get(engine, `/v2/incidents/${incidentOf[resolvedInstance].incidentKey}`)).body;
    expect(incident.state).toBe('RESOLVED');
    expect((await get(engine, `/v2/process-instances/${resolvedInstance}`)).body).toMatchObject({ state: 'COMPLETED', hasIncident: false });
    const gateway = (await get(engine, `/v2/element-instances/${incident.elementInstanceKey}`)).body;
    expect(gateway).toMatchObject({ state: 'COMPLETED', hasIncident: false });
    expect(gateway).not.toHaveProperty('incidentKey');
  });

  it('filters by state, type, instance, definition, element, message, job, key and creation time', async () => {
    const instances = async (filter: unknown) => (await searchIncidents({ filter })).body.items.map((i: any) => i.processInstanceKey);
    expect(await instances({})).toEqual([first, second, resolvedInstance]);
    expect(await instances({ state: 'ACTIVE' })).toEqual([first, second]);
    expect(await instances({ state: { $neq: 'ACTIVE' } })).toEqual([resolvedInstance]);
    expect(await instances({ errorType: 'CONDITION_ERROR', processInstanceKey: second })).toEqual([second]);
    expect(await instances({ errorType: { $in: ['JOB_NO_RETRIES'] } })).toEqual([]);
    expect(await instances({ processDefinitionId: 'query-incident', processDefinitionKey: definitions['query-incident'], tenantId: '<default>' })).toHaveLength(3);
    expect(await instances({ elementId: 'route', jobKey: { $exists: false } })).toHaveLength(3);
    expect(await instances({ errorMessage: { $like: '*route*' } })).toHaveLength(3);
    expect(await instances({ incidentKey: incidentOf[second].incidentKey })).toEqual([second]);
    expect(await instances({ elementInstanceKey: incidentOf[first].elementInstanceKey })).toEqual([first]);
    expect(await instances({ creationTime: { $gte: incidentOf[second].creationTime } })).toEqual([second, resolvedInstance]);
    expect(await instances({ creationTime: { $lt: '2000-01-01T00:00:00Z' } })).toEqual([]);
  });

  it('sorts and pages', async () => {
    const sorted = async (sort: unknown) => (await searchIncidents({ sort })).body.items.map((i: any) => i.processInstanceKey);
    expect(await sorted([{ field: 'creationTime', order: 'DESC' }])).toEqual([resolvedInstance, second, first]);
    expect(await sorted([{ field: 'state', order: 'DESC' }, { field: 'incidentKey', order: 'DESC' }])).toEqual([resolvedInstance, second, first]);
    expect(await sorted([{ field: 'processInstanceKey' }])).toEqual([first, second, resolvedInstance]);
    const page1 = await searchIncidents({ page: { limit: 2 } });
    expect(page1.body.page.totalItems).toBe(3);
    const page2 = await searchIncidents({ page: { limit: 2, after: page1.body.page.endCursor } });
    expect(page2.body.items.map((i: any) => i.processInstanceKey)).toEqual([resolvedInstance]);
    expect((await searchIncidents({ page: { from: 1, limit: 1 } })).body.items.map((i: any) => i.processInstanceKey)).toEqual([second]);
  });

  it('answers 400 for bad filters, 404 for unknown keys, 403 for employees', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ filter: { colour: 'red' } }, 'SEARCH.UNKNOWN_FILTER', "'colour'"],
      [{ filter: { creationTime: 'today' } }, 'SEARCH.INVALID_FILTER_VALUE', "'creationTime'"],
      [{ filter: { jobKey: { $gt: '1' } } }, 'SEARCH.UNKNOWN_OPERATOR', "'$gt'"],
      [{ sort: [{ field: 'retry' }] }, 'SEARCH.UNKNOWN_SORT_FIELD', "'retry'"],
    ];
    for (const [body, code, mention] of cases) {
      const result = await searchIncidents(body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.code, JSON.stringify(body)).toBe(code);
      expect(result.body.detail).toContain(mention);
    }
    const unknown = await get(engine, '/v2/incidents/123456789');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'INCIDENT.NOT_FOUND', title: 'NOT_FOUND' });
    expect((await get(engine, `/v2/incidents/${incidentOf[first].incidentKey}`, 'emma')).status).toBe(403);
    expect((await searchIncidents({}, 'mia')).status).toBe(403);
    expect((await searchIncidents({}, 'anna')).status).toBe(200);
  });
});
