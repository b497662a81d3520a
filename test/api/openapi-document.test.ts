import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/eventually.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The OpenAPI document behind Swagger UI (/v2/api-docs), walked as a user of "Try it out" would:
 * every search's example body answers 200 (its sort fields are an enum of what the search sorts
 * by, never Swagger's placeholder `string`), every route declares the error statuses it can answer
 * as problem+json, and the bearer scheme does not claim JWTs.
 */
let engine: TestEngine;
let openapi: any;
let userTaskKey: string;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A search path with its path parameters filled in with things that exist (demo seed, the task below). */
function concrete(path: string): string {
  return path.replace('{userTaskKey}', userTaskKey).replace('{groupId}', 'sales').replace('{roleId}', 'admin');
}

function operations(): Array<{ path: string; method: string; operation: any }> {
  return Object.entries(openapi.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  );
}

beforeAll(async () => {
  engine = await startTestEngine({ processesDir: 'processes' });
  openapi = await (await engine.request('/v2/api-docs/openapi.json', { user: null })).json();
  // A user task, for the search that hangs under one.
  const started = await engine.request('/v2/process-instances', {
    user: 'emma',
    json: { processDefinitionId: 'expense-approval', variables: { amount: 120, category: 'travel', expenseDate: '2025-03-14', description: 'Train to Porto' } },
  });
  expect(started.status).toBe(200);
  const { processInstanceKey } = (await started.json()) as { processInstanceKey: string };
  await until(
    async () => {
      const tasks = (await (await engine.request('/v2/user-tasks/search', { json: { filter: { processInstanceKey } } })).json()) as { items: Array<{ userTaskKey: string }> };
      userTaskKey = tasks.items[0]?.userTaskKey ?? '';
      return userTaskKey !== '';
    },
    'the approval task',
  );
});
afterAll(async () => {
  await engine?.stop();
});

describe('the OpenAPI document', () => {
  it('lists the searches with sort fields as an enum and an example body that answers 200', async () => {
    const searches = operations().filter(({ path, method }) => method === 'post' && path.endsWith('/search'));
    // Every search, these among them (a new one needs its @ApiSearchBody for the checks below).
    expect(searches.map(({ path }) => path)).toEqual(expect.arrayContaining([
      '/v2/api-tokens/search',
      '/v2/element-instances/search',
      '/v2/forms/search',
      '/v2/incidents/search',
      '/v2/jobs/search',
      '/v2/message-subscriptions/search',
      '/v2/process-definitions/search',
      '/v2/process-instances/search',
      '/v2/user-tasks/search',
      '/v2/user-tasks/{userTaskKey}/variables/search',
      '/v2/variables/search',
    ]));
    for (const { path, operation } of searches) {
      const schema = operation.requestBody.content['application/json'].schema;
      const sortFields: string[] = schema.properties.sort.items.properties.field.enum;
      expect(sortFields.length, path).toBeGreaterThan(0);
      expect(sortFields, path).not.toContain('string');
      const example = schema.example;
      expect(example, `${path} has an example`).toBeDefined();
      for (const sort of example.sort ?? []) expect(sortFields, path).toContain(sort.field);
      for (const field of Object.keys(example.filter ?? {})) expect(Object.keys(schema.properties.filter.properties), path).toContain(field);

      const response = await engine.request(concrete(path), { json: example });
      expect(response.status, `${path} with its example: ${await response.clone().text()}`).toBe(200);
      // Each enum value is a field the search really sorts by.
      const sorted = await engine.request(concrete(path), { json: { sort: sortFields.map((field) => ({ field, order: 'DESC' })) } });
      expect(sorted.status, `${path} sorted by every field of the enum: ${await sorted.clone().text()}`).toBe(200);
    }
    // What Swagger UI sent before the enum existed: refused, naming the field.
    const placeholder = await engine.request('/v2/process-definitions/search', { json: { sort: [{ field: 'string', order: 'ASC' }] } });
    expect(placeholder.status).toBe(400);
  });

  it('declares on every route the error statuses it can answer, as problem+json', () => {
    expect(openapi.components.schemas.ProblemDetailsDto.properties).toMatchObject({ type: {}, title: {}, status: {}, detail: {}, instance: {}, code: {} });
    const missing: string[] = [];
    for (const { path, method, operation } of operations()) {
      const isSignIn = path === '/v2/authentication/sign-in';
      // The OAuth token endpoint answers RFC 6749's JSON errors, not problem+json (its clients expect them).
      if (path === '/oauth/token') continue;
      // Public: no credentials to refuse; the OIDC sign-in declares what it answers itself.
      const isPublic = path.startsWith('/v2/authentication/oidc');
      const expected = new Set(isPublic ? [500, 503] : [401, 429, 500, 503]);
      if (path.includes('{')) expected.add(400).add(404);
      if (operation.requestBody) expected.add(400).add(413).add(415);
      if (method !== 'get') expected.add(403);
      if (isSignIn) expected.add(401).add(429);
      for (const status of expected) {
        const response = operation.responses[String(status)];
        if (!response) missing.push(`${method.toUpperCase()} ${path}: ${status}`);
        else if (!response.content?.['application/problem+json']?.schema?.$ref?.endsWith('/ProblemDetailsDto')) missing.push(`${method.toUpperCase()} ${path}: ${status} is not problem+json`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares the conflicts and time-outs the use cases answer', () => {
    const statuses = (path: string, method: string) => Object.keys(openapi.paths[path][method].responses);
    expect(statuses('/v2/process-instances', 'post')).toEqual(expect.arrayContaining(['404', '409', '504']));
    expect(statuses('/v2/user-tasks/{userTaskKey}/completion', 'post')).toEqual(expect.arrayContaining(['409', '504']));
    expect(statuses('/v2/user-tasks/{userTaskKey}/assignment', 'post')).toEqual(expect.arrayContaining(['409']));
    expect(statuses('/v2/jobs/{jobKey}/completion', 'post')).toEqual(expect.arrayContaining(['404', '409']));
    expect(statuses('/v2/messages/correlation', 'post')).toEqual(expect.arrayContaining(['404', '409']));
    expect(statuses('/v2/messages/publication', 'post')).toEqual(expect.arrayContaining(['409']));
    expect(statuses('/v2/incidents/{incidentKey}/resolution', 'post')).toEqual(expect.arrayContaining(['404', '409']));
    expect(statuses('/v2/process-instances/{processInstanceKey}/cancellation', 'post')).toEqual(expect.arrayContaining(['404', '409']));
  });

  it('answers the declared 404 for an unknown key on every GET route with a key', async () => {
    const routes = operations().filter(({ path, method }) => method === 'get' && /\{\w+Key\}/.test(path));
    expect(routes.length).toBeGreaterThan(5);
    for (const { path, operation } of routes) {
      expect(operation.responses['404'], path).toBeDefined();
      const response = await engine.request(path.replace(/\{\w+Key\}/g, '4503599627370495'));
      expect(response.status, `GET ${path}: ${await response.clone().text()}`).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('calls the bearer tokens what they are: opaque, not JWTs', () => {
    expect(openapi.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(openapi.components.securitySchemes.bearer.bearerFormat).not.toBe('JWT');
    expect(openapi.components.securitySchemes.bearer.description).toMatch(/bts_.*bat_/);
  });
});
