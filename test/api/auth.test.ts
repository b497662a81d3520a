import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalProcessXml } from '../fixtures/minimal-process.js';
import { deploy } from '../support/deploy.js';
import { basicAuth, startTestEngine, type TestEngine } from '../support/test-engine.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.stop();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function signIn(username: string, password = username) {
  const response = await engine.request('/v2/authentication/sign-in', { user: null, json: { username, password } });
  return { status: response.status, body: (await response.json()) as any };
}

describe('authentication', () => {
  it('answers 401 problem+json with a Bearer challenge, never a Basic one a browser would answer with its login box', async () => {
    const refusals = [
      { user: null },
      { user: null, headers: { Authorization: basicAuth('demo', 'wrong') } },
      { user: null, headers: { Authorization: 'Digest abc' } },
    ];
    for (const init of refusals) {
      const response = await engine.request('/v2/topology', init);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="baton"');
      expect(await response.json()).toMatchObject({ status: 401, title: 'UNAUTHORIZED', code: 'AUTH.UNAUTHENTICATED' });
    }
    const rejectedToken = await engine.request('/v2/topology', { user: null, headers: bearer('bts_nope') });
    expect(rejectedToken.status).toBe(401);
    expect(rejectedToken.headers.get('www-authenticate')).toBe('Bearer realm="baton", error="invalid_token"');
    const signIn = await engine.request('/v2/authentication/sign-in', { user: null, json: { username: 'demo', password: 'x' } });
    expect(signIn.status).toBe(401);
    expect(signIn.headers.get('www-authenticate')).not.toMatch(/basic/i);
  });

  it('protects every /v2 endpoint, deployments included', async () => {
    const response = await deploy(engine, [{ name: 'p.bpmn', content: minimalProcessXml('p') }], null);
    expect(response.status).toBe(401);
    expect((await engine.request('/v2/process-definitions/search', { user: null, json: {} })).status).toBe(401);
  });

  it('answers 403 when an employee deploys, and lets analysts and admins deploy', async () => {
    const employee = await deploy(engine, [{ name: 'p.bpmn', content: minimalProcessXml('p') }], 'emma');
    expect(employee.status).toBe(403);
    expect(await employee.json()).toMatchObject({ code: 'AUTH.FORBIDDEN', title: 'FORBIDDEN' });
    expect((await deploy(engine, [{ name: 'p.bpmn', content: minimalProcessXml('p') }], 'anna')).status).toBe(200);
  });

  it('signs in to a bearer session that /me describes, and signs out for good', async () => {
    const { status, body } = await signIn('emma');
    expect(status).toBe(200);
    expect(body).toMatchObject({ tokenType: 'Bearer', user: { username: 'emma', displayName: 'Emma Employee', roles: ['employee'], groups: ['sales'] } });
    expect(body.token).toMatch(/^bts_/);

    const me = await engine.request('/v2/authentication/me', { user: null, headers: bearer(body.token) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'emma', displayName: 'Emma Employee', roles: ['employee'], groups: ['sales'], canLogout: true, authorizedComponents: ['tasklist'] });

    expect((await engine.request('/v2/authentication/sign-out', { method: 'POST', user: null, headers: bearer(body.token) })).status).toBe(204);
    expect((await engine.request('/v2/authentication/me', { user: null, headers: bearer(body.token) })).status).toBe(401);
  });

  it('refuses a wrong password at sign-in with 401 and an empty one with 400', async () => {
    const wrong = await signIn('emma', 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toBe('Unknown user or wrong password');
    const empty = await signIn('emma', '');
    expect(empty.status).toBe(400);
    expect(empty.body.violations).toContainEqual({ property: 'password', message: 'password should not be empty' });
  });

  it('lets an admin create an API token that acts as a user, and revoke it', async () => {
    const created = await engine.request('/v2/api-tokens', { json: { name: 'ci deployer', username: 'anna' } });
    expect(created.status).toBe(201);
    const token = (await created.json()) as any;
    expect(token).toMatchObject({ name: 'ci deployer', username: 'anna', createdBy: 'demo', expiresAt: null, revokedAt: null });
    expect(token.token).toMatch(/^bat_/);

    const deployed = await engine.request('/v2/deployments', { method: 'POST', user: null, headers: bearer(token.token), body: (() => {
      const form = new FormData();
      form.append('resources', new Blob([minimalProcessXml('by-token')]), 'by-token.bpmn');
      return form;
    })() });
    expect(deployed.status).toBe(200);

    const listed = (await (await engine.request('/v2/api-tokens/search', { json: {} })).json()) as any;
    expect(listed.items).toContainEqual(expect.objectContaining({ apiTokenKey: token.apiTokenKey, name: 'ci deployer' }));
    expect(JSON.stringify(listed)).not.toContain(token.token);

    expect((await engine.request(`/v2/api-tokens/${token.apiTokenKey}`, { method: 'DELETE' })).status).toBe(204);
    expect((await engine.request('/v2/topology', { user: null, headers: bearer(token.token) })).status).toBe(401);
  });

  it('lets only admins manage API tokens', async () => {
    expect((await engine.request('/v2/api-tokens', { user: 'anna', json: { name: 'x' } })).status).toBe(403);
    expect((await engine.request('/v2/api-tokens/search', { user: 'emma', json: {} })).status).toBe(403);
    expect((await engine.request('/v2/api-tokens', { json: { name: 'x', username: 'nobody' } })).status).toBe(404);
    expect((await engine.request('/v2/api-tokens', { json: { name: 'x', expiresAt: '2001-01-01T00:00:00Z' } })).status).toBe(400);
  });

  it('serves health without credentials and the OpenAPI document', async () => {
    expect(await (await engine.request('/health/ready', { user: null })).json()).toEqual({ status: 'up', mysql: 'up', redis: 'up' });
    const openapi = (await (await engine.request('/v2/api-docs/openapi.json', { user: null })).json()) as any;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v2/deployments', '/v2/process-definitions/search', '/v2/topology', '/v2/authentication/me']));
  });
});

describe('topology', () => {
  it('describes Baton truthfully as one healthy node', async () => {
    const body = (await (await engine.request('/v2/topology')).json()) as any;
    expect(body).toMatchObject({ clusterSize: 1, partitionsCount: 1, replicationFactor: 1, gatewayVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(body.brokers).toEqual([expect.objectContaining({ nodeId: 0, version: body.gatewayVersion, partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }] })]);
  });
});
