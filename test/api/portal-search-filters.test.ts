import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalProcessXml } from '../fixtures/minimal-process.js';
import { command, deployFixtures, QUERY_FIXTURES, search, startInstance } from '../fixtures/queries/scenario.js';
import { deploy } from '../support/deploy.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The two search filters the portal added (Baton additions, documented in docs/portal.md):
 * `offeredToMe` on user tasks ("Offered to my groups") and `hasNoneStartEvent` on process
 * definitions (the Start page lists only what `POST /v2/process-instances` can start).
 */

const MESSAGE_START = fileURLToPath(new URL('../../libs/bpmn/test/fixtures/supported-element/valid/message-start.bpmn', import.meta.url));

let engine: TestEngine;
/** Instance A and B of query-tasks. */
let a: string;
let b: string;

beforeAll(async () => {
  engine = await startTestEngine();
  await deployFixtures(engine, [QUERY_FIXTURES.tasks, QUERY_FIXTURES.approveForm]);
  a = await startInstance(engine, 'query-tasks');
  b = await startInstance(engine, 'query-tasks');
  const minimal = await deploy(engine, [{ name: 'startable.bpmn', content: minimalProcessXml('startable') }, MESSAGE_START]);
  expect(minimal.status, await minimal.clone().text()).toBe(200);
});
afterAll(async () => {
  await engine?.stop();
});

describe('user task search filter offeredToMe', () => {
  /** Element ids of the open tasks of `instance` that `user` finds with the filter, sorted. */
  const offered = async (user: string, offeredToMe: unknown, instance = a) => {
    const { status, body } = await search(engine, '/v2/user-tasks/search', { filter: { processInstanceKey: instance, state: 'CREATED', offeredToMe } }, user);
    expect(status, JSON.stringify(body)).toBe(200);
    return body.items.map((t: any) => t.elementId).sort();
  };

  it('true: the tasks offered to one of my groups or to me as a candidate user', async () => {
    expect(await offered('mia', true)).toEqual(['external-form', 'offer-sales']); // managers, sales
    expect(await offered('emma', true)).toEqual(['offer-sales']); // sales
    expect(await offered('frank', true)).toEqual(['offer-finance', 'offer-frank']); // group finance, candidate user frank
    expect(await offered('anna', true)).toEqual([]); // no groups, no candidacy
  });

  it('false: the visible tasks I am no candidate for (assigned directly, or offered to everyone)', async () => {
    expect(await offered('mia', false)).toEqual(['assigned-mia', 'offer-everyone']);
    expect(await offered('frank', false)).toEqual(['offer-everyone']);
    // admins see every task; the filter still asks about their own candidacy (demo has no groups)
    expect(await offered('demo', true)).toEqual([]);
    expect(await offered('demo', false)).toEqual(['assigned-mia', 'external-form', 'offer-everyone', 'offer-finance', 'offer-frank', 'offer-sales']);
  });

  it('keeps a task claimed by a colleague (the portal shows who has it), and combines with other filters', async () => {
    const sales = (await search(engine, '/v2/user-tasks/search', { filter: { processInstanceKey: b, elementId: 'offer-sales' } }, 'emma')).body.items[0];
    await command(engine, 'POST', `/v2/user-tasks/${sales.userTaskKey}/assignment`, { assignee: 'emma' }, 'emma');
    expect(await offered('mia', true, b)).toEqual(['external-form', 'offer-sales']);
    const unassigned = await search(engine, '/v2/user-tasks/search', { filter: { processInstanceKey: b, offeredToMe: true, assignee: { $exists: false } } }, 'mia');
    expect(unassigned.body.items.map((t: any) => t.elementId)).toEqual(['external-form']);
    expect(unassigned.body.page.totalItems).toBe(1);
  });

  it('answers 400 for a value that is not a boolean, 401 without credentials', async () => {
    for (const value of ['yes', 1, null, { $eq: true }]) {
      const { status, body } = await search(engine, '/v2/user-tasks/search', { filter: { offeredToMe: value } }, 'mia');
      expect(status, JSON.stringify(value)).toBe(400);
      expect(body).toMatchObject({ code: 'SEARCH.INVALID_FILTER_VALUE', detail: `Expected true or false for filter 'offeredToMe' but got ${JSON.stringify(value)}` });
    }
    const unknown = await search(engine, '/v2/user-tasks/search', { filter: { offeredTo: true } }, 'mia');
    expect(unknown.body.detail).toContain('offeredToMe');
    const anonymous = await engine.request('/v2/user-tasks/search', { user: null, json: { filter: { offeredToMe: true } } });
    expect(anonymous.status).toBe(401);
  });
});

describe('process definition search filter hasNoneStartEvent', () => {
  const ids = async (filter: unknown, user = 'emma') => {
    const { status, body } = await search(engine, '/v2/process-definitions/search', { filter, sort: [{ field: 'processDefinitionId' }] }, user);
    expect(status, JSON.stringify(body)).toBe(200);
    return body.items.map((d: any) => d.processDefinitionId);
  };

  it('true keeps the processes POST /v2/process-instances can start; false the message-started ones', async () => {
    expect(await ids({ isLatestVersion: true, hasNoneStartEvent: true })).toEqual(['query-tasks', 'startable']);
    expect(await ids({ isLatestVersion: true, hasNoneStartEvent: false })).toEqual(['message-start']);
    // and the engine indeed refuses to start the one without
    const refused = await engine.request('/v2/process-instances', { user: 'emma', json: { processDefinitionId: 'message-start' } });
    expect((await refused.json()) as any).toMatchObject({ code: 'PROCESS_INSTANCE.NO_NONE_START_EVENT' });
  });

  it('answers 400 for a value that is not a boolean', async () => {
    const { status, body } = await search(engine, '/v2/process-definitions/search', { filter: { hasNoneStartEvent: 'true' } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'SEARCH.INVALID_FILTER_VALUE', detail: `Expected true or false for filter 'hasNoneStartEvent' but got "true"` });
  });
});
