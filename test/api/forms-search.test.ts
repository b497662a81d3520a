import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * POST /v2/forms/search (Baton addition): the modeler lists the deployed form ids with it, so an
 * analyst can link a user task to one.
 */

let engine: TestEngine;
const keys: Record<string, string> = {};

function formJson(id: string, label: string): string {
  return JSON.stringify({ id, type: 'default', schemaVersion: 18, components: [{ type: 'textfield', key: 'note', label }] });
}

beforeAll(async () => {
  engine = await startTestEngine();
  // Given form 'approve' in 3 versions, 'intake' in 1 and 'review' in 2
  for (const [id, versions] of [['approve', 3], ['intake', 1], ['review', 2]] as const) {
    for (let v = 1; v <= versions; v++) {
      const response = await deploy(engine, [{ name: `${id}.form`, content: formJson(id, `Note v${v}`) }]);
      expect(response.status).toBe(200);
      const body = (await response.json()) as any;
      keys[`${id}@${v}`] = body.deployments[0].form.formKey;
    }
  }
});
afterAll(async () => {
  await engine?.stop();
});

async function search(body: unknown, user = 'anna') {
  const response = await engine.request('/v2/forms/search', { json: body, user });
  return { status: response.status, body: (await response.json()) as any };
}

const label = (form: any) => `${form.formId}@${form.version}`;

describe('POST /v2/forms/search', () => {
  it('lists every version, by form id and newest version first by default, in the Camunda form shape', async () => {
    const { status, body } = await search({});
    expect(status).toBe(200);
    expect(body.items.map(label)).toEqual(['approve@3', 'approve@2', 'approve@1', 'intake@1', 'review@2', 'review@1']);
    expect(body.page.totalItems).toBe(6);
    expect(body.items[0]).toEqual({
      tenantId: '<default>',
      formId: 'approve',
      version: 3,
      formKey: keys['approve@3'],
      schema: JSON.parse(formJson('approve', 'Note v3')),
    });
  });

  it('keeps only the newest version of each form id with isLatestVersion, and the older ones with false', async () => {
    const latest = await search({ filter: { isLatestVersion: true } });
    expect(latest.body.items.map(label)).toEqual(['approve@3', 'intake@1', 'review@2']);
    const older = await search({ filter: { isLatestVersion: false } });
    expect(older.body.items.map(label)).toEqual(['approve@2', 'approve@1', 'review@1']);
  });

  it('filters by form id, key and version, with operators', async () => {
    const review = await search({ filter: { formId: 'review' }, sort: [{ field: 'version', order: 'ASC' }] });
    expect(review.body.items.map(label)).toEqual(['review@1', 'review@2']);

    const like = await search({ filter: { formId: { $like: '*e*' }, version: { $gte: 2 } } });
    expect(like.body.items.map(label)).toEqual(['approve@3', 'approve@2', 'review@2']);

    const byKey = await search({ filter: { formKey: keys['intake@1'] } });
    expect(byKey.body.items.map(label)).toEqual(['intake@1']);

    const none = await search({ filter: { formId: 'no-such-form' } });
    expect(none.body).toEqual({ items: [], page: { totalItems: 0 } });
  });

  it('pages by offset and by cursor', async () => {
    const sort = [{ field: 'formKey', order: 'ASC' }];
    const first = await search({ sort, page: { limit: 4 } });
    expect(first.body.items).toHaveLength(4);
    expect(first.body.page.totalItems).toBe(6);
    const rest = await search({ sort, page: { limit: 4, after: first.body.page.endCursor } });
    expect(rest.body.items).toHaveLength(2);
    const all = [...first.body.items, ...rest.body.items].map((f: any) => f.formKey);
    expect(all).toEqual(Object.values(keys).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));

    const offset = await search({ sort, page: { from: 5, limit: 4 } });
    expect(offset.body.items.map((f: any) => f.formKey)).toEqual([all[5]]);
  });

  it('is open to every signed-in user (employees read forms too) and refuses anonymous calls', async () => {
    expect((await search({ filter: { isLatestVersion: true } }, 'emma')).body.items.map(label)).toEqual(['approve@3', 'intake@1', 'review@2']);
    const anonymous = await engine.request('/v2/forms/search', { json: {}, user: null });
    expect(anonymous.status).toBe(401);
  });

  it('answers 400 naming the problem for bad filters, sorts and pages', async () => {
    const unknownFilter = await search({ filter: { name: 'approve' } });
    expect(unknownFilter.status).toBe(400);
    expect(unknownFilter.body).toMatchObject({
      code: 'SEARCH.UNKNOWN_FILTER',
      detail: "Unknown filter field 'name' for forms; expected one of: formId, formKey, isLatestVersion, tenantId, version",
    });

    const badLatest = await search({ filter: { isLatestVersion: 'yes' } });
    expect(badLatest.status).toBe(400);
    expect(badLatest.body).toMatchObject({ code: 'SEARCH.INVALID_FILTER_VALUE', detail: `Expected true or false for filter 'isLatestVersion' but got "yes"` });

    const badVersion = await search({ filter: { version: '2' } });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body).toMatchObject({ code: 'SEARCH.INVALID_FILTER_VALUE', detail: `Expected an integer for filter 'version' but got "2"` });

    const badKey = await search({ filter: { formKey: 'abc' } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.code).toBe('SEARCH.INVALID_FILTER_VALUE');

    const badSort = await search({ sort: [{ field: 'schema' }] });
    expect(badSort.status).toBe(400);
    expect(badSort.body).toMatchObject({ code: 'SEARCH.UNKNOWN_SORT_FIELD', detail: "Unknown sort field 'schema' for forms; expected one of: formKey, formId, version, tenantId" });

    const badPage = await search({ page: { limit: 0 } });
    expect(badPage.status).toBe(400);
    expect(badPage.body.title).toBe('INVALID_ARGUMENT');

    const badCursor = await search({ page: { after: 'not-a-cursor' } });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.code).toBe('SEARCH.INVALID_CURSOR');

    const notAnObject = await search({ filter: ['approve'] });
    expect(notAnObject.status).toBe(400);
  });
});
