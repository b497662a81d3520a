import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalProcessXml } from '../fixtures/minimal-process.js';
import { deploy } from '../support/deploy.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

let engine: TestEngine;
const keys: Record<string, string> = {};

beforeAll(async () => {
  engine = await startTestEngine();
  for (const [id, variants] of [['alpha', 3], ['beta', 1], ['gamma', 2]] as const) {
    for (let v = 1; v <= variants; v++) {
      const body = (await (await deploy(engine, [{ name: `${id}.bpmn`, content: minimalProcessXml(id, `v${v}`) }])).json()) as any;
      keys[`${id}@${v}`] = body.deployments[0].processDefinition.processDefinitionKey;
    }
  }
});
afterAll(async () => {
  await engine?.stop();
});

async function search(body: unknown) {
  const response = await engine.request('/v2/process-definitions/search', { json: body });
  return { status: response.status, body: (await response.json()) as any };
}

describe('process definitions', () => {
  it('GET by key returns the Camunda shape; XML as deployed', async () => {
    const response = await engine.request(`/v2/process-definitions/${keys['alpha@2']}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: 'Minimal process',
      resourceName: 'alpha.bpmn',
      version: 2,
      processDefinitionId: 'alpha',
      tenantId: '<default>',
      processDefinitionKey: keys['alpha@2'],
      hasStartForm: false,
    });
    const xml = await engine.request(`/v2/process-definitions/${keys['alpha@2']}/xml`);
    expect(xml.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await xml.text()).toBe(minimalProcessXml('alpha', 'v2'));
  });

  it('answers 404 for an unknown key and 400 for a malformed one', async () => {
    const unknown = await engine.request('/v2/process-definitions/123456789');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'PROCESS_DEFINITION.NOT_FOUND', title: 'NOT_FOUND' });
    const malformed = await engine.request('/v2/process-definitions/abc');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'REQUEST.INVALID_KEY' });
  });

  it('answers 204 for the start form of a process without one', async () => {
    const response = await engine.request(`/v2/process-definitions/${keys['beta@1']}/form`);
    expect(response.status).toBe(204);
  });

  it('filters by id, latest version and advanced operators', async () => {
    const latest = await search({ filter: { isLatestVersion: true }, sort: [{ field: 'processDefinitionId' }] });
    expect(latest.body.items.map((d: any) => `${d.processDefinitionId}@${d.version}`)).toEqual(['alpha@3', 'beta@1', 'gamma@2']);
    expect(latest.body.page.totalItems).toBe(3);

    const alphas = await search({ filter: { processDefinitionId: 'alpha', version: { $gte: 2 } }, sort: [{ field: 'version', order: 'DESC' }] });
    expect(alphas.body.items.map((d: any) => d.version)).toEqual([3, 2]);

    const like = await search({ filter: { processDefinitionId: { $like: 'g*' } } });
    expect(like.body.items.map((d: any) => d.processDefinitionId)).toEqual(['gamma', 'gamma']);

    const inList = await search({ filter: { processDefinitionKey: { $in: [keys['beta@1'], keys['gamma@1']] } } });
    expect(inList.body.page.totalItems).toBe(2);
  });

  it('pages with offsets and with cursors in both directions', async () => {
    const sort = [{ field: 'processDefinitionId', order: 'ASC' }, { field: 'version', order: 'ASC' }];
    const all = (await search({ sort })).body.items.map((d: any) => `${d.processDefinitionId}@${d.version}`);
    expect(all).toEqual(['alpha@1', 'alpha@2', 'alpha@3', 'beta@1', 'gamma@1', 'gamma@2']);

    const offset = await search({ sort, page: { from: 2, limit: 2 } });
    expect(offset.body.items.map((d: any) => `${d.processDefinitionId}@${d.version}`)).toEqual(['alpha@3', 'beta@1']);
    expect(offset.body.page.totalItems).toBe(6);

    const first = await search({ sort, page: { limit: 4 } });
    const next = await search({ sort, page: { limit: 4, after: first.body.page.endCursor } });
    expect(next.body.items.map((d: any) => `${d.processDefinitionId}@${d.version}`)).toEqual(['gamma@1', 'gamma@2']);
    const back = await search({ sort, page: { limit: 2, before: next.body.page.startCursor } });
    expect(back.body.items.map((d: any) => `${d.processDefinitionId}@${d.version}`)).toEqual(['alpha@3', 'beta@1']);
  });

  it('answers 400 naming the field for unknown filters, sort fields, operators, wrong value types and bad cursors', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ filter: { colour: 'red' } }, 'SEARCH.UNKNOWN_FILTER', "'colour'"],
      [{ sort: [{ field: 'colour' }] }, 'SEARCH.UNKNOWN_SORT_FIELD', "'colour'"],
      [{ filter: { version: { $like: '1*' } } }, 'SEARCH.UNKNOWN_OPERATOR', "'$like'"],
      [{ filter: { version: 'one' } }, 'SEARCH.INVALID_FILTER_VALUE', "'version'"],
      [{ filter: { isLatestVersion: 'yes' } }, 'SEARCH.INVALID_FILTER_VALUE', "'isLatestVersion'"],
      [{ page: { after: 'not-a-cursor' } }, 'SEARCH.INVALID_CURSOR', 'cursor'],
      [{ page: { limit: 0 } }, 'REQUEST.INVALID_BODY', 'page.limit'],
      [{ unexpected: true }, 'REQUEST.INVALID_BODY', 'unexpected'],
    ];
    for (const [body, code, mention] of cases) {
      const result = await search(body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.code, JSON.stringify(body)).toBe(code);
      expect(result.body.detail).toContain(mention);
    }
  });

  it('answers 413 problem+json for a JSON body above the limit', async () => {
    const huge = JSON.stringify({ filter: { processDefinitionId: 'x'.repeat(engine.config.maxBodyBytes) } });
    const response = await engine.request('/v2/process-definitions/search', { method: 'POST', body: huge, headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ title: 'PAYLOAD_TOO_LARGE', code: 'REQUEST.TOO_LARGE' });
  });

  it('answers 400 problem+json for a body that is not JSON', async () => {
    const response = await engine.request('/v2/process-definitions/search', { method: 'POST', body: '{"filter":', headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.MALFORMED' });
  });
});
