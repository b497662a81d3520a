import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, deployFixtures, get, QUERY_FIXTURES, search, startInstance } from '../fixtures/queries/scenario.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

let engine: TestEngine;
let instance: string;
let other: string;
let subKey: string;
let taskScopeKey: string;
const big = 'x'.repeat(10_000);
const emoji = '😀'.repeat(5_000);

beforeAll(async () => {
  engine = await startTestEngine();
  await deployFixtures(engine, [QUERY_FIXTURES.scopes]);
  instance = await startInstance(engine, 'query-scopes', { shadowed: 'outer', outerOnly: 1, big, emoji, obj: { a: [1, 2] } });
  other = await startInstance(engine, 'query-scopes', { shadowed: 'other' });
  const elements = (await search(engine, '/v2/element-instances/search', { filter: { processInstanceKey: instance } })).body.items;
  subKey = elements.find((e: any) => e.elementId === 'sub').elementInstanceKey;
  taskScopeKey = elements.find((e: any) => e.elementId === 'inner-task').elementInstanceKey;
});
afterAll(async () => {
  await engine?.stop();
});

const searchVariables = (body: unknown, user = 'demo', query = '') => search(engine, `/v2/variables/search${query}`, body, user);
const byName = (items: any[]) => Object.fromEntries(items.map((v) => [`${v.name}@${v.scopeKey === instance ? 'process' : v.scopeKey === subKey ? 'sub' : v.scopeKey === taskScopeKey ? 'task' : v.scopeKey}`, v.value]));

describe('POST /v2/variables/search', () => {
  it('lists the variables of every scope, values as JSON text, with exactly the Camunda keys', async () => {
    const { status, body } = await searchVariables({ filter: { processInstanceKey: instance }, sort: [{ field: 'name' }] });
    expect(status).toBe(200);
    expect(body.page.totalItems).toBe(8);
    expect(Object.keys(body.items[0]).sort()).toEqual(['isTruncated', 'name', 'processInstanceKey', 'scopeKey', 'tenantId', 'value', 'variableKey']);
    const values = byName(body.items);
    expect(values).toMatchObject({
      'shadowed@process': '"outer"',
      'shadowed@sub': '"inner"',
      'subLocal@sub': '1',
      'taskLocal@task': '"t"',
      'outerOnly@process': '1',
      'obj@process': '{"a":[1,2]}',
    });
    expect(body.items.every((v: any) => v.processInstanceKey === instance && v.tenantId === '<default>' && /^\d+$/.test(v.variableKey))).toBe(true);
  });

  it('truncates values longer than 8191 characters (counting characters, not UTF-16 units) unless truncateValues=false', async () => {
    const found = (await searchVariables({ filter: { name: { $in: ['big', 'emoji'] }, processInstanceKey: instance }, sort: [{ field: 'name' }] })).body.items;
    expect(found.map((v: any) => [v.name, v.isTruncated, Array.from(v.value as string).length])).toEqual([
      ['big', true, 8191],
      ['emoji', false, 5002],
    ]);
    expect(found[0].value).toBe(`"${big}`.slice(0, 8191));
    expect((await searchVariables({ filter: { isTruncated: true } })).body.items.map((v: any) => v.name)).toEqual(['big']);
    expect((await searchVariables({ filter: { isTruncated: false, processInstanceKey: instance } })).body.page.totalItems).toBe(7);

    const full = (await searchVariables({ filter: { name: 'big' } }, 'demo', '?truncateValues=false')).body.items[0];
    expect(full).toMatchObject({ value: JSON.stringify(big), isTruncated: false });
    const bad = await searchVariables({}, 'demo', '?truncateValues=maybe');
    expect(bad.status).toBe(400);
  });

  it('filters by name, value, scope, instance, key and tenant', async () => {
    const names = async (filter: unknown) => (await searchVariables({ filter, sort: [{ field: 'name' }, { field: 'scopeKey' }] })).body.items.map((v: any) => `${v.name}=${v.value.slice(0, 10)}`);
    expect(await names({ name: 'shadowed' })).toEqual(['shadowed="outer"', 'shadowed="inner"', 'shadowed="other"', 'shadowed="inner"']);
    expect(await names({ name: { $like: 'sh*' }, processInstanceKey: instance })).toEqual(['shadowed="outer"', 'shadowed="inner"']);
    expect(await names({ value: '"inner"', processInstanceKey: instance })).toEqual(['shadowed="inner"']);
    expect(await names({ value: { $in: ['"outer"', '"other"'] } })).toEqual(['shadowed="outer"', 'shadowed="other"']);
    expect(await names({ value: { $like: '*"a":[1*' } })).toEqual(['obj={"a":[1,2]']);
    expect(await names({ value: { $like: `*${'x'.repeat(9_000)}*` } })).toEqual([`big="${'x'.repeat(9)}`]);
    expect(await names({ scopeKey: subKey })).toEqual(['shadowed="inner"', 'subLocal=1']);
    expect(await names({ scopeKey: { $in: [taskScopeKey] } })).toEqual(['taskLocal="t"']);
    expect(await names({ processInstanceKey: other, name: { $neq: 'shadowed' } })).toEqual(['subLocal=1', 'taskLocal="t"']);
    expect(await names({ tenantId: '<default>', name: 'outerOnly' })).toEqual(['outerOnly=1']);
    const some = (await searchVariables({ filter: { name: 'outerOnly' } })).body.items[0];
    expect(await names({ variableKey: some.variableKey })).toEqual(['outerOnly=1']);
  });

  it('sorts by value and name, and pages', async () => {
    const sorted = (await searchVariables({ filter: { name: 'shadowed' }, sort: [{ field: 'value', order: 'DESC' }] })).body.items.map((v: any) => v.value);
    expect(sorted).toEqual(['"outer"', '"other"', '"inner"', '"inner"']);
    const first = await searchVariables({ filter: { processInstanceKey: instance }, sort: [{ field: 'name' }], page: { limit: 3 } });
    const next = await searchVariables({ filter: { processInstanceKey: instance }, sort: [{ field: 'name' }], page: { limit: 10, after: first.body.page.endCursor } });
    expect([...first.body.items, ...next.body.items].map((v: any) => v.name)).toEqual(['big', 'emoji', 'obj', 'outerOnly', 'shadowed', 'shadowed', 'subLocal', 'taskLocal']);
    const offset = await searchVariables({ filter: { processInstanceKey: instance }, sort: [{ field: 'name', order: 'DESC' }], page: { from: 7 } });
    expect(offset.body.items.map((v: any) => v.name)).toEqual(['big']);
  });

  it('shows changed values', async () => {
    await command(engine, 'PUT', `/v2/element-instances/${instance}/variables`, { variables: { outerOnly: { changed: true } } });
    const changed = (await searchVariables({ filter: { name: 'outerOnly', processInstanceKey: instance } })).body.items[0];
    expect(changed.value).toBe('{"changed":true}');
  });

  it('answers 400 for bad filters and 403 for employees', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ filter: { colour: 'red' } }, 'SEARCH.UNKNOWN_FILTER', "'colour'"],
      [{ filter: { value: 1 } }, 'SEARCH.INVALID_FILTER_VALUE', "'value'"],
      [{ filter: { value: { $gt: '1' } } }, 'SEARCH.UNKNOWN_OPERATOR', "'$gt'"],
      [{ filter: { value: { $in: '1' } } }, 'SEARCH.INVALID_FILTER_VALUE', "'value.$in'"],
      [{ filter: { isTruncated: 'no' } }, 'SEARCH.INVALID_FILTER_VALUE', "'isTruncated'"],
      [{ sort: [{ field: 'isTruncated' }] }, 'SEARCH.UNKNOWN_SORT_FIELD', "'isTruncated'"],
    ];
    for (const [body, code, mention] of cases) {
      const result = await searchVariables(body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.code, JSON.stringify(body)).toBe(code);
      expect(result.body.detail).toContain(mention);
    }
    expect((await searchVariables({}, 'emma')).status).toBe(403);
    expect((await searchVariables({}, 'anna')).status).toBe(200);
  });
});

describe('GET /v2/variables/{key}', () => {
  it('returns the whole value, with exactly the Camunda keys', async () => {
    const truncated = (await searchVariables({ filter: { name: 'big' } })).body.items[0];
    const { status, body } = await get(engine, `/v2/variables/${truncated.variableKey}`);
    expect(status).toBe(200);
    expect(body).toEqual({ name: 'big', value: JSON.stringify(big), tenantId: '<default>', variableKey: truncated.variableKey, scopeKey: instance, processInstanceKey: instance });
  });

  it('answers 404 for unknown keys, 400 for malformed ones, 403 for employees', async () => {
    const unknown = await get(engine, '/v2/variables/123456789');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'VARIABLE.NOT_FOUND' });
    expect((await get(engine, '/v2/variables/x1')).status).toBe(400);
    const some = (await searchVariables({ filter: { name: 'outerOnly' } })).body.items[0];
    expect((await get(engine, `/v2/variables/${some.variableKey}`, 'frank')).status).toBe(403);
  });
});
