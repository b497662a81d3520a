import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, deployFixtures, get, QUERY_FIXTURES, search, startInstance } from '../fixtures/queries/scenario.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

let engine: TestEngine;
let definitions: Record<string, string>;
/** Instance A and B of query-tasks (B with customer = "gold"), and one of query-scopes. */
let a: string;
let b: string;
let scopes: string;
/** userTaskKey by `<elementId>@a|b` and 'inner-task'. */
const task: Record<string, string> = {};
let formKey: string;

beforeAll(async () => {
  engine = await startTestEngine();
  definitions = await deployFixtures(engine, [QUERY_FIXTURES.tasks, QUERY_FIXTURES.approveForm, QUERY_FIXTURES.scopes]);
  a = await startInstance(engine, 'query-tasks');
  b = await startInstance(engine, 'query-tasks', { customer: 'gold' }, {}, 'emma');
  scopes = await startInstance(engine, 'query-scopes', { shadowed: 'outer', outerOnly: 1, big: 'y'.repeat(9000) });
  const all = (await search(engine, '/v2/user-tasks/search', {})).body.items;
  for (const t of all) task[t.processInstanceKey === a ? `${t.elementId}@a` : t.processInstanceKey === b ? `${t.elementId}@b` : t.elementId] = t.userTaskKey;
  formKey = all.find((t: any) => t.elementId === 'offer-sales').formKey;
});
afterAll(async () => {
  await engine?.stop();
});

const searchTasks = (body: unknown, user = 'demo') => search(engine, '/v2/user-tasks/search', body, user);
/** Element ids of the tasks of instance A that `user` sees, sorted. */
const visibleInA = async (user: string) =>
  (await searchTasks({ filter: { processInstanceKey: a } }, user)).body.items.map((t: any) => t.elementId).sort();

describe('GET /v2/user-tasks/{key}', () => {
  it('answers the Camunda shape (plus the business context) with exactly these keys, absent values (assignee, completionDate, externalFormReference) left out', async () => {
    const { status, body } = await get(engine, `/v2/user-tasks/${task['offer-sales@a']}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      name: 'Offer to sales',
      state: 'CREATED',
      elementId: 'offer-sales',
      candidateGroups: ['sales'],
      candidateUsers: [],
      processDefinitionId: 'query-tasks',
      creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      followUpDate: '2029-12-01T10:00:00.000Z',
      dueDate: '2030-01-01T10:00:00.000Z',
      tenantId: '<default>',
      processDefinitionVersion: 1,
      customHeaders: { kind: 'approval' },
      priority: 70,
      userTaskKey: task['offer-sales@a'],
      elementInstanceKey: expect.stringMatching(/^\d+$/),
      processName: 'Query tasks',
      processDefinitionKey: definitions['query-tasks'],
      processInstanceKey: a,
      formKey: expect.stringMatching(/^\d+$/),
      // Baton additions: the instance's business context (its business id is left out when it has none)
      processInstanceStartedBy: 'demo',
      processInstanceStartDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const element = (await get(engine, `/v2/element-instances/${body.elementInstanceKey}`)).body;
    expect(element).toMatchObject({ elementId: 'offer-sales', type: 'USER_TASK', processInstanceKey: a });
  });

  it('falls back to the element id for the name, to 50 for the priority; shows external references', async () => {
    const everyone = (await get(engine, `/v2/user-tasks/${task['offer-everyone@a']}`)).body;
    expect(everyone).toMatchObject({ name: 'offer-everyone', priority: 50, candidateGroups: [], candidateUsers: [] });
    expect(Object.keys(everyone)).not.toEqual(expect.arrayContaining(['formKey', 'dueDate', 'followUpDate', 'assignee']));
    const external = (await get(engine, `/v2/user-tasks/${task['external-form@a']}`)).body;
    expect(external).toMatchObject({ externalFormReference: 'https://forms.example.com/external' });
    expect(external).not.toHaveProperty('formKey');
    expect((await get(engine, `/v2/user-tasks/${task['assigned-mia@a']}`)).body).toMatchObject({ assignee: 'mia' });
  });

  it('answers 404 for unknown keys and 400 for malformed ones', async () => {
    const unknown = await get(engine, '/v2/user-tasks/123456789');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'USER_TASK.NOT_FOUND', title: 'NOT_FOUND', detail: 'No user task with key 123456789' });
    expect((await get(engine, '/v2/user-tasks/0')).status).toBe(400);
    expect((await engine.request(`/v2/user-tasks/${task['offer-sales@a']}`, { user: null })).status).toBe(401);
  });
});

describe('visibility', () => {
  it('admins see every task; others what is assigned to them, offered to them or their groups, or offered to everyone', async () => {
    const everything = ['assigned-mia', 'external-form', 'offer-everyone', 'offer-finance', 'offer-frank', 'offer-sales'];
    expect(await visibleInA('demo')).toEqual(everything);
    expect(await visibleInA('emma')).toEqual(['offer-everyone', 'offer-sales']);
    expect(await visibleInA('frank')).toEqual(['offer-everyone', 'offer-finance', 'offer-frank']);
    expect(await visibleInA('mia')).toEqual(['assigned-mia', 'external-form', 'offer-everyone', 'offer-sales']);
    expect(await visibleInA('anna')).toEqual(['offer-everyone']);
    expect((await searchTasks({ filter: { processInstanceKey: a } }, 'emma')).body.page.totalItems).toBe(2);
  });

  it('answers a task someone may not see like an unknown one, for the task, its form and its variables', async () => {
    for (const path of [`/v2/user-tasks/${task['offer-finance@a']}`, `/v2/user-tasks/${task['offer-finance@a']}/form`]) {
      const hidden = await get(engine, path, 'emma');
      expect(hidden.status, path).toBe(404);
      expect(hidden.body).toMatchObject({ code: 'USER_TASK.NOT_FOUND', detail: `No user task with key ${task['offer-finance@a']}` });
    }
    const variables = await search(engine, `/v2/user-tasks/${task['offer-finance@a']}/variables/search`, {}, 'emma');
    expect(variables.status).toBe(404);
    expect(variables.body.code).toBe('USER_TASK.NOT_FOUND');
    expect((await get(engine, `/v2/user-tasks/${task['offer-finance@a']}`, 'frank')).status).toBe(200);
    expect((await get(engine, `/v2/user-tasks/${task['offer-everyone@a']}`, 'anna')).status).toBe(200);
  });

  it('keeps a task claimed by a colleague visible to its candidate groups, not to everyone', async () => {
    await command(engine, 'POST', `/v2/user-tasks/${task['offer-sales@b']}/assignment`, { assignee: 'emma' }, 'emma');
    const forMia = await get(engine, `/v2/user-tasks/${task['offer-sales@b']}`, 'mia');
    expect(forMia.status).toBe(200);
    expect(forMia.body.assignee).toBe('emma');
    const miaSees = (await searchTasks({ filter: { processInstanceKey: b, elementId: 'offer-sales' } }, 'mia')).body.items;
    expect(miaSees.map((t: any) => t.assignee)).toEqual(['emma']);
    expect((await get(engine, `/v2/user-tasks/${task['offer-sales@b']}`, 'frank')).status).toBe(404);
  });

  it('a task offered to everyone stops being offered to everyone once assigned, and is again when released', async () => {
    const key = task['offer-everyone@b'];
    await command(engine, 'POST', `/v2/user-tasks/${key}/assignment`, { assignee: 'frank' });
    expect((await get(engine, `/v2/user-tasks/${key}`, 'frank')).status).toBe(200);
    expect((await get(engine, `/v2/user-tasks/${key}`, 'emma')).status).toBe(404);
    expect((await searchTasks({ filter: { userTaskKey: key } }, 'anna')).body.items).toEqual([]);
    await command(engine, 'DELETE', `/v2/user-tasks/${key}/assignee`, {}, 'frank');
    expect((await get(engine, `/v2/user-tasks/${key}`, 'emma')).status).toBe(200);
    expect((await searchTasks({ filter: { userTaskKey: key } }, 'anna')).body.items).toHaveLength(1);
  });

  it('search and GET agree on completed tasks: the assignee and the candidate groups still see them', async () => {
    const key = task['offer-sales@b'];
    await command(engine, 'POST', `/v2/user-tasks/${key}/completion`, { variables: { approved: true } }, 'emma');
    const done = (await get(engine, `/v2/user-tasks/${key}`, 'emma')).body;
    expect(done).toMatchObject({ state: 'COMPLETED', assignee: 'emma', completionDate: expect.stringMatching(/Z$/) });
    for (const user of ['emma', 'mia', 'frank']) {
      const viaGet = (await get(engine, `/v2/user-tasks/${key}`, user)).status === 200;
      const viaSearch = (await searchTasks({ filter: { userTaskKey: key } }, user)).body.items.length === 1;
      expect({ user, viaGet, viaSearch }).toEqual({ user, viaGet: user !== 'frank', viaSearch: user !== 'frank' });
    }
  });
});

describe('POST /v2/user-tasks/search', () => {
  const keysOf = async (filter: unknown, sort?: unknown) => (await searchTasks({ filter, sort })).body.items.map((t: any) => `${t.elementId}@${t.processInstanceKey === a ? 'a' : t.processInstanceKey === b ? 'b' : 's'}`);

  it('filters by state, assignee, candidates, priority, element, name and keys', async () => {
    expect(await keysOf({ state: 'COMPLETED' })).toEqual(['offer-sales@b']);
    expect(await keysOf({ state: { $neq: 'CREATED' } })).toEqual(['offer-sales@b']);
    expect(await keysOf({ assignee: 'mia' })).toEqual(['assigned-mia@a', 'assigned-mia@b']);
    expect(await keysOf({ assignee: { $exists: true }, state: 'CREATED' })).toEqual(['assigned-mia@a', 'assigned-mia@b']);
    expect(await keysOf({ candidateGroup: 'sales', state: 'CREATED' })).toEqual(['offer-sales@a']);
    expect(await keysOf({ candidateGroup: { $in: ['finance', 'managers'] }, processInstanceKey: a })).toEqual(['offer-finance@a', 'external-form@a']);
    expect(await keysOf({ candidateGroup: { $like: 'man*' } })).toEqual(['external-form@a', 'external-form@b']);
    expect(await keysOf({ candidateGroup: { $exists: false }, candidateUser: { $exists: false }, processInstanceKey: a })).toEqual(['offer-everyone@a', 'assigned-mia@a']);
    expect(await keysOf({ candidateGroup: { $notIn: ['sales', 'finance', 'managers'] }, processInstanceKey: a })).toEqual(['offer-frank@a', 'offer-everyone@a', 'assigned-mia@a']);
    expect(await keysOf({ candidateUser: 'frank' })).toEqual(['offer-frank@a', 'offer-frank@b']);
    expect(await keysOf({ priority: { $gte: 70 }, processInstanceKey: a })).toEqual(['offer-sales@a', 'assigned-mia@a']);
    expect(await keysOf({ priority: 30, processInstanceKey: { $in: [a] } })).toEqual(['offer-frank@a']);
    expect(await keysOf({ elementId: 'inner-task' })).toEqual(['inner-task@s']);
    expect(await keysOf({ name: 'Offer to frank', processInstanceKey: b })).toEqual(['offer-frank@b']);
    expect(await keysOf({ processDefinitionKey: definitions['query-scopes'] })).toEqual(['inner-task@s']);
    expect(await keysOf({ processDefinitionId: 'query-scopes', tenantId: '<default>' })).toEqual(['inner-task@s']);
    const sales = (await get(engine, `/v2/user-tasks/${task['offer-sales@a']}`)).body;
    expect(await keysOf({ elementInstanceKey: sales.elementInstanceKey })).toEqual(['offer-sales@a']);
    expect(await keysOf({ userTaskKey: task['inner-task'] })).toEqual(['inner-task@s']);
  });

  it('filters by dates', async () => {
    expect(await keysOf({ dueDate: { $lt: '2030-06-01T00:00:00Z' } })).toEqual(['offer-sales@a', 'offer-sales@b']);
    expect(await keysOf({ dueDate: { $gte: '2030-06-01T00:00:00Z' }, processInstanceKey: a })).toEqual(['offer-frank@a']);
    expect(await keysOf({ followUpDate: { $exists: true }, state: 'CREATED' })).toEqual(['offer-sales@a']);
    expect(await keysOf({ completionDate: { $exists: true } })).toEqual(['offer-sales@b']);
    const inner = (await get(engine, `/v2/user-tasks/${task['inner-task']}`)).body;
    expect(await keysOf({ creationDate: { $gte: inner.creationDate } })).toEqual(['inner-task@s']);
  });

  it('filters by process instance and local variables', async () => {
    expect(await keysOf({ processInstanceVariables: [{ name: 'customer', value: '"gold"' }], state: 'CREATED' })).toEqual([
      'offer-frank@b', 'offer-everyone@b', 'assigned-mia@b', 'offer-finance@b', 'external-form@b',
    ]);
    expect(await keysOf({ processInstanceVariables: [{ name: 'customer', value: { $like: '*ol*' } }, { name: 'approved', value: 'true' }] })).toEqual(
      // approved = true was set when offer-sales@b was completed
      ['offer-sales@b', 'offer-frank@b', 'offer-everyone@b', 'assigned-mia@b', 'offer-finance@b', 'external-form@b'],
    );
    expect(await keysOf({ localVariables: [{ name: 'localNote', value: '"local"' }] })).toEqual(['offer-everyone@a', 'offer-everyone@b']);
    expect(await keysOf({ localVariables: [{ name: 'taskLocal', value: '"x"' }] })).toEqual([]);
  });

  it('sorts by Camunda sort fields', async () => {
    expect(await keysOf({ processInstanceKey: a }, [{ field: 'priority', order: 'DESC' }])).toEqual([
      'assigned-mia@a', 'offer-sales@a', 'offer-everyone@a', 'offer-finance@a', 'external-form@a', 'offer-frank@a',
    ]);
    // By name: the element id stands in for a missing name ('offer-everyone'); ' ' sorts before '-'.
    expect(await keysOf({ processInstanceKey: a }, [{ field: 'name' }])).toEqual([
      'assigned-mia@a', 'external-form@a', 'offer-finance@a', 'offer-frank@a', 'offer-sales@a', 'offer-everyone@a',
    ]);
    expect(await keysOf({ processInstanceKey: a, dueDate: { $exists: true } }, [{ field: 'dueDate', order: 'DESC' }])).toEqual(['offer-frank@a', 'offer-sales@a']);
    expect(await keysOf({}, [{ field: 'creationDate', order: 'DESC' }])).toEqual(expect.arrayContaining(['inner-task@s']));
    expect((await keysOf({}, [{ field: 'creationDate', order: 'DESC' }]))[0]).toBe('inner-task@s');
  });

  it('pages with offsets and cursors, inside what the user may see', async () => {
    const first = await searchTasks({ page: { limit: 2 } }, 'frank');
    expect(first.body.page.totalItems).toBe(7); // A: frank, everyone, finance; B: frank, everyone, finance; inner-task
    const rest = await searchTasks({ page: { limit: 10, after: first.body.page.endCursor } }, 'frank');
    const all = (await searchTasks({}, 'frank')).body.items.map((t: any) => t.userTaskKey);
    expect([...first.body.items, ...rest.body.items].map((t: any) => t.userTaskKey)).toEqual(all);
    const offset = await searchTasks({ sort: [{ field: 'priority' }], page: { from: 1, limit: 1 } }, 'frank');
    expect(offset.body.items.map((t: any) => t.elementId)).toEqual(['offer-frank']);
  });

  it('answers 400 naming the field for bad filters and sorts', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ filter: { candidateGroups: 'sales' } }, 'SEARCH.UNKNOWN_FILTER', "'candidateGroups'"],
      [{ filter: { candidateGroup: 5 } }, 'SEARCH.INVALID_FILTER_VALUE', "'candidateGroup'"],
      [{ filter: { candidateUser: { $gt: 'a' } } }, 'SEARCH.UNKNOWN_OPERATOR', "'$gt'"],
      [{ filter: { candidateGroup: { $in: 'sales' } } }, 'SEARCH.INVALID_FILTER_VALUE', "'candidateGroup.$in'"],
      [{ filter: { priority: 'high' } }, 'SEARCH.INVALID_FILTER_VALUE', "'priority'"],
      [{ filter: { dueDate: { $before: '2030-01-01T00:00:00Z' } } }, 'SEARCH.UNKNOWN_OPERATOR', "'$before'"],
      [{ filter: { processInstanceVariables: { customer: 'gold' } } }, 'SEARCH.INVALID_FILTER_VALUE', "'processInstanceVariables'"],
      [{ filter: { localVariables: [{ name: 'x' }] } }, 'SEARCH.INVALID_FILTER_VALUE', "'localVariables[0].value'"],
      [{ sort: [{ field: 'assignee' }] }, 'SEARCH.UNKNOWN_SORT_FIELD', "'assignee'"],
    ];
    for (const [body, code, mention] of cases) {
      const result = await searchTasks(body, 'emma');
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.code, JSON.stringify(body)).toBe(code);
      expect(result.body.detail).toContain(mention);
    }
  });
});

describe('GET /v2/user-tasks/{key}/form', () => {
  it('answers the linked form version the task was created with', async () => {
    const { status, body } = await get(engine, `/v2/user-tasks/${task['offer-sales@a']}/form`, 'emma');
    expect(status).toBe(200);
    expect(body).toEqual({
      tenantId: '<default>',
      formId: 'query-approve',
      schema: expect.objectContaining({ id: 'query-approve', components: [expect.objectContaining({ key: 'approved' })] }),
      version: 1,
      formKey,
    });
    expect((await get(engine, `/v2/forms/${formKey}`)).body.formId).toBe('query-approve');
  });

  it('answers a legacy embedded form from the process definition, without version and key', async () => {
    const { status, body } = await get(engine, `/v2/user-tasks/${task['offer-finance@a']}/form`, 'frank');
    expect(status).toBe(200);
    expect(body).toEqual({
      tenantId: '<default>',
      formId: 'UserTaskForm_finance',
      schema: { id: 'finance-embedded', type: 'default', components: [{ key: 'checked', label: 'Checked', type: 'checkbox' }] },
    });
  });

  it('answers 204 without a form (or with an external reference only), 404 for unknown tasks', async () => {
    const none = await engine.request(`/v2/user-tasks/${task['offer-everyone@a']}/form`, { user: 'anna' });
    expect(none.status).toBe(204);
    expect(await none.text()).toBe('');
    expect((await engine.request(`/v2/user-tasks/${task['external-form@a']}/form`, { user: 'mia' })).status).toBe(204);
    expect((await get(engine, '/v2/user-tasks/123456789/form')).body).toMatchObject({ code: 'USER_TASK.NOT_FOUND' });
  });
});

describe('POST /v2/user-tasks/{key}/variables/search', () => {
  const searchTaskVariables = (key: string, body: unknown, user = 'emma', query = '') => search(engine, `/v2/user-tasks/${key}/variables/search${query}`, body, user);

  it("lists the task's own, its subprocess's and the process's variables, inner names hiding outer ones", async () => {
    const { status, body } = await searchTaskVariables(task['inner-task'], {});
    expect(status).toBe(200);
    expect(body.items.map((v: any) => [v.name, v.value.slice(0, 12)])).toEqual([
      ['big', `"${'y'.repeat(11)}`],
      ['outerOnly', '1'],
      ['shadowed', '"inner"'],
      ['subLocal', '1'],
      ['taskLocal', '"t"'],
    ]);
    expect(body.page.totalItems).toBe(5);
    expect(Object.keys(body.items[0]).sort()).toEqual(['isTruncated', 'name', 'processInstanceKey', 'scopeKey', 'tenantId', 'value', 'variableKey']);
    const scopesOf = Object.fromEntries(body.items.map((v: any) => [v.name, v.scopeKey]));
    const inner = (await get(engine, `/v2/user-tasks/${task['inner-task']}`)).body;
    expect(scopesOf.taskLocal).toBe(inner.elementInstanceKey);
    expect(scopesOf.outerOnly).toBe(scopes);
    expect(scopesOf.shadowed).not.toBe(scopes);
  });

  it('truncates long values unless truncateValues=false', async () => {
    const cut = (await searchTaskVariables(task['inner-task'], { filter: { name: 'big' } })).body.items[0];
    expect(cut).toMatchObject({ isTruncated: true });
    expect(cut.value).toHaveLength(8191);
    const full = (await searchTaskVariables(task['inner-task'], { filter: { name: 'big' } }, 'emma', '?truncateValues=false')).body.items[0];
    expect(full).toMatchObject({ isTruncated: false, value: JSON.stringify('y'.repeat(9000)) });
  });

  it('filters by name, sorts and pages', async () => {
    const names = async (body: unknown) => (await searchTaskVariables(task['inner-task'], body)).body.items.map((v: any) => v.name);
    expect(await names({ filter: { name: { $like: 's*' } } })).toEqual(['shadowed', 'subLocal']);
    expect(await names({ filter: { name: { $in: ['shadowed', 'nothing'] } } })).toEqual(['shadowed']);
    expect(await names({ sort: [{ field: 'name', order: 'DESC' }] })).toEqual(['taskLocal', 'subLocal', 'shadowed', 'outerOnly', 'big']);
    const first = await searchTaskVariables(task['inner-task'], { page: { limit: 2 } });
    const next = await searchTaskVariables(task['inner-task'], { page: { limit: 5, after: first.body.page.endCursor } });
    expect([...first.body.items, ...next.body.items].map((v: any) => v.name)).toEqual(['big', 'outerOnly', 'shadowed', 'subLocal', 'taskLocal']);
    expect(await names({ page: { from: 4 } })).toEqual(['taskLocal']);
  });

  it('sees the variables of the process instance of a task at the top level', async () => {
    const { body } = await searchTaskVariables(task['offer-everyone@b'], {}, 'anna');
    expect(body.items.map((v: any) => `${v.name}=${v.value}`)).toEqual(['approved=true', 'customer="gold"', 'localNote="local"']);
  });

  it('answers 400 for filters other than name, 404 for unknown tasks', async () => {
    const bad = await searchTaskVariables(task['inner-task'], { filter: { value: '1' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'SEARCH.UNKNOWN_FILTER' });
    expect(bad.body.detail).toContain('expected one of: name');
    expect((await searchTaskVariables('123456789', {})).body).toMatchObject({ code: 'USER_TASK.NOT_FOUND' });
  });
});
