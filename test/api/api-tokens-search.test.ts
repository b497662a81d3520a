import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 8, item 7: POST /v2/api-tokens/search ignored its filter, sort and page. It is a search
 * like the others (common/search/search-query.ts): filters with operators, sorts, offset and
 * cursor pages, 400 for unknown fields; portal sign-ins (session tokens) are never listed.
 */
let engine: TestEngine;
const keys: Record<string, string> = {};

beforeAll(async () => {
  engine = await startTestEngine({ seedDemoData: true });
  for (const [name, username] of [
    ['billing', 'demo'],
    ['ci deployer', 'anna'],
    ['crm sync', 'worker'],
  ] as const) {
    const { status, body } = await send(engine, 'POST', '/v2/api-tokens', { name, username });
    expect(status).toBe(201);
    keys[name] = body.apiTokenKey;
  }
  expect((await send(engine, 'DELETE', `/v2/api-tokens/${keys['crm sync']}`)).status).toBe(204);
  // A portal sign-in is a token too, of another kind: never an API token.
  expect((await send(engine, 'POST', '/v2/authentication/sign-in', { username: 'demo', password: 'demo' })).status).toBe(200);
});
afterAll(async () => {
  await engine?.stop();
});

const names = async (body: unknown) => {
  const answer = await send(engine, 'POST', '/v2/api-tokens/search', body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items.map((t: any) => t.name);
};

describe('POST /v2/api-tokens/search', () => {
  it('given no body fields, then it lists every API token, newest first, without secrets or sessions', async () => {
    const { body } = await send(engine, 'POST', '/v2/api-tokens/search', {});
    expect(body.page.totalItems).toBe(3);
    expect(body.items.map((t: any) => t.name)).toEqual(['crm sync', 'ci deployer', 'billing']);
    expect(body.items.every((t: any) => !('token' in t))).toBe(true);
  });

  it('given filters, then only matching tokens come back', async () => {
    expect(await names({ filter: { name: 'billing' } })).toEqual(['billing']);
    expect(await names({ filter: { name: { $like: 'c*' } }, sort: [{ field: 'name' }] })).toEqual(['ci deployer', 'crm sync']);
    expect(await names({ filter: { username: { $in: ['anna', 'worker'] } }, sort: [{ field: 'name' }] })).toEqual(['ci deployer', 'crm sync']);
    expect(await names({ filter: { revokedAt: { $exists: false } }, sort: [{ field: 'name' }] })).toEqual(['billing', 'ci deployer']);
    expect(await names({ filter: { revokedAt: { $exists: true } } })).toEqual(['crm sync']);
    expect(await names({ filter: { apiTokenKey: keys['ci deployer'] } })).toEqual(['ci deployer']);
    expect(await names({ filter: { createdBy: 'demo', createdAt: { $lte: new Date(Date.now() + 60_000).toISOString() } }, sort: [{ field: 'name' }] })).toEqual(['billing', 'ci deployer', 'crm sync']);
  });

  it('given a sort and pages, then they are honoured, by offset and by cursor', async () => {
    expect(await names({ sort: [{ field: 'name', order: 'DESC' }] })).toEqual(['crm sync', 'ci deployer', 'billing']);
    expect(await names({ sort: [{ field: 'username' }] })).toEqual(['ci deployer', 'billing', 'crm sync']);
    expect(await names({ sort: [{ field: 'name' }], page: { from: 1, limit: 1 } })).toEqual(['ci deployer']);

    const first = await send(engine, 'POST', '/v2/api-tokens/search', { sort: [{ field: 'name' }], page: { limit: 2 } });
    expect(first.body.items.map((t: any) => t.name)).toEqual(['billing', 'ci deployer']);
    expect(first.body.page.totalItems).toBe(3);
    expect(await names({ sort: [{ field: 'name' }], page: { limit: 2, after: first.body.page.endCursor } })).toEqual(['crm sync']);
  });

  it('given unknown filter or sort fields, then it answers 400 naming them, as every search does', async () => {
    const unknownFilter = await send(engine, 'POST', '/v2/api-tokens/search', { filter: { token: 'bat_x' } });
    expect(unknownFilter.status).toBe(400);
    expect(unknownFilter.body).toMatchObject({ code: 'SEARCH.UNKNOWN_FILTER' });
    expect(unknownFilter.body.detail).toContain("Unknown filter field 'token' for API tokens");
    const unknownSort = await send(engine, 'POST', '/v2/api-tokens/search', { sort: [{ field: 'secretHash' }] });
    expect(unknownSort.body).toMatchObject({ code: 'SEARCH.UNKNOWN_SORT_FIELD' });
    const badValue = await send(engine, 'POST', '/v2/api-tokens/search', { filter: { createdAt: 'yesterday' } });
    expect(badValue.body).toMatchObject({ code: 'SEARCH.INVALID_FILTER_VALUE' });
    const tooLarge = await send(engine, 'POST', '/v2/api-tokens/search', { page: { limit: 10_001 } });
    expect(tooLarge.status).toBe(400);
  });
});
