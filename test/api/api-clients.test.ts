import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createCamundaClient from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalProcessXml } from '../fixtures/minimal-process.js';
import { basicAuth, startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * API clients and Baton's own OAuth token endpoint (POST /oauth/token, client credentials, RFC
 * 6749), as Camunda's npm client uses one with CAMUNDA_AUTH_STRATEGY=OAUTH: it posts client_id,
 * client_secret and audience form-encoded to CAMUNDA_OAUTH_URL and sends the access token as Bearer.
 */
let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine({ auth: { clientTokenTtlSeconds: 900 } });
});
afterAll(async () => {
  await engine?.stop();
});

interface CreatedClient {
  apiClientKey: string;
  clientId: string;
  clientSecret: string;
}

async function createClient(body: Record<string, unknown>, user = 'demo'): Promise<CreatedClient> {
  const response = await engine.request('/v2/api-clients', { user, json: body });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedClient;
}

function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${engine.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

function camundaClient(client: CreatedClient, extra: Record<string, string> = {}) {
  return createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: engine.url,
      CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      CAMUNDA_CLIENT_ID: client.clientId,
      CAMUNDA_CLIENT_SECRET: client.clientSecret,
      CAMUNDA_OAUTH_URL: `${engine.url}/oauth/token`,
      CAMUNDA_TOKEN_AUDIENCE: 'orchestration-api',
      CAMUNDA_SDK_VALIDATION: 'strict',
      CAMUNDA_SDK_LOG_LEVEL: 'error',
      ...extra,
    } as never,
  });
}

describe('API clients', () => {
  it('are created by admins with a secret shown once, and listed without it', async () => {
    const created = await createClient({ name: 'Billing system', username: 'worker' });
    expect(created).toMatchObject({ clientId: 'billing-system', name: 'Billing system', username: 'worker', createdBy: 'demo', expiresAt: null, lastUsedAt: null, revokedAt: null });
    expect(created.clientSecret).toMatch(/^bcs_[A-Za-z0-9_-]{43}$/);
    const search = await engine.request('/v2/api-clients/search', { json: { filter: { clientId: 'billing-system' } } });
    const { items, page } = (await search.json()) as { items: Array<Record<string, unknown>>; page: { totalItems: number } };
    expect(page.totalItems).toBe(1);
    expect(items[0]).toMatchObject({ apiClientKey: created.apiClientKey, clientId: 'billing-system' });
    expect(items[0]).not.toHaveProperty('clientSecret');
  });

  it('refuses bad requests precisely', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ name: 'x', clientId: 'has spaces' }, 400, 'REQUEST.INVALID_BODY'],
      [{ name: '--' }, 400, 'API_CLIENT.INVALID_CLIENT_ID'],
      [{ name: 'Past', expiresAt: '2001-01-01T00:00:00.000Z' }, 400, 'API_CLIENT.EXPIRY_IN_PAST'],
      [{ name: 'Nobody', username: 'no-such-user' }, 404, 'USER.NOT_FOUND'],
    ];
    for (const [body, status, code] of cases) {
      const response = await engine.request('/v2/api-clients', { json: body });
      expect({ body, status: response.status, code: ((await response.json()) as { code: string }).code }).toEqual({ body, status, code });
    }
    await createClient({ name: 'Twice', clientId: 'twice' });
    const duplicate = await engine.request('/v2/api-clients', { json: { name: 'Twice again', clientId: 'twice' } });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ code: 'API_CLIENT.ALREADY_EXISTS' });
    const employee = await engine.request('/v2/api-clients', { user: 'emma', json: { name: 'Mine' } });
    expect(employee.status).toBe(403);
  });
});

describe('POST /oauth/token', () => {
  it('issues an access token as RFC 6749 says, for the secret in the body or as Basic credentials', async () => {
    const client = await createClient({ name: 'Token shape', username: 'anna' });
    const response = await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret, audience: 'anything' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toEqual({ access_token: expect.stringMatching(/^bct_/), token_type: 'Bearer', expires_in: 900 });
    const me = await engine.request('/v2/authentication/me', { user: null, headers: { Authorization: `Bearer ${body.access_token}` } });
    expect(await me.json()).toMatchObject({ username: 'anna', roles: ['analyst'], canLogout: false });

    const basic = await tokenRequest({ grant_type: 'client_credentials' }, { Authorization: `Basic ${Buffer.from(`${client.clientId}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}` });
    expect(basic.status).toBe(200);

    const search = await engine.request('/v2/api-clients/search', { json: { filter: { clientId: client.clientId } } });
    const [listed] = ((await search.json()) as { items: Array<{ lastUsedAt: string | null }> }).items;
    expect(listed!.lastUsedAt).not.toBeNull();
  });

  it('answers RFC 6749 errors: a wrong secret or unknown client is 401 invalid_client', async () => {
    const client = await createClient({ name: 'Errors' });
    const wrong = await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'bcs_wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('cache-control')).toBe('no-store');
    expect(await wrong.json()).toEqual({ error: 'invalid_client', error_description: 'Unknown client, wrong client secret, or the client was revoked or has expired' });
    expect((await tokenRequest({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: client.clientSecret })).status).toBe(401);

    const basicWrong = await tokenRequest({ grant_type: 'client_credentials' }, { Authorization: basicAuth(client.clientId, 'wrong') });
    expect(basicWrong.status).toBe(401);
    expect(basicWrong.headers.get('www-authenticate')).toBe('Basic realm="baton-oauth"');

    const cases: Array<[Record<string, string>, number, string]> = [
      [{ client_id: client.clientId, client_secret: client.clientSecret }, 400, 'invalid_request'],
      [{ grant_type: 'password', client_id: client.clientId, client_secret: client.clientSecret }, 400, 'unsupported_grant_type'],
      [{ grant_type: 'client_credentials', client_id: client.clientId }, 401, 'invalid_client'],
    ];
    for (const [form, status, error] of cases) {
      const response = await tokenRequest(form);
      expect({ form, status: response.status, error: ((await response.json()) as { error: string }).error }).toEqual({ form, status, error });
    }
    const repeated = await fetch(`${engine.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${client.clientId}&client_id=other&client_secret=x`,
    });
    expect(await repeated.json()).toMatchObject({ error: 'invalid_request', error_description: "Expected the parameter 'client_id' once, but it is repeated" });
    const json = await fetch(`${engine.url}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
  });

  it("serves Camunda's client with CAMUNDA_AUTH_STRATEGY=OAUTH: topology, deploy and start", async () => {
    const client = camundaClient(await createClient({ name: 'Camunda client', username: 'demo' }));
    const topology = await client.getTopology();
    expect(topology.brokers?.length).toBeGreaterThan(0);
    const file = join(tmpdir(), `oauth-client-${Date.now()}.bpmn`);
    await writeFile(file, minimalProcessXml('oauth-client-process'));
    const deployment = await client.deployResourcesFromFiles([file]);
    expect(deployment.processes[0]?.processDefinitionId).toBe('oauth-client-process');
    const instance = await client.createProcessInstance({ processDefinitionId: 'oauth-client-process' } as never);
    expect(instance.processInstanceKey).toMatch(/^\d+$/);
  });

  it('refuses a revoked client and every token it obtained', async () => {
    const client = await createClient({ name: 'Soon revoked', username: 'worker' });
    const issued = (await (await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret })).json()) as { access_token: string };
    const bearer = { Authorization: `Bearer ${issued.access_token}` };
    expect((await engine.request('/v2/topology', { user: null, headers: bearer })).status).toBe(200);

    expect((await engine.request(`/v2/api-clients/${client.apiClientKey}`, { method: 'DELETE' })).status).toBe(204);
    const refused = await engine.request('/v2/topology', { user: null, headers: bearer });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', detail: 'The bearer token is unknown, expired or revoked, or its user is disabled' });
    const again = await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'invalid_client' });

    // The client retries a refused token request; once is enough to see it refused.
    const camunda = camundaClient(client, { CAMUNDA_OAUTH_RETRY_MAX: '1', CAMUNDA_OAUTH_RETRY_BASE_DELAY_MS: '10' });
    await expect(camunda.getTopology()).rejects.toThrow('UNAUTHORIZED');
    expect((await engine.request('/v2/api-clients/123', { method: 'DELETE' })).status).toBe(404);
  });

  it('ends tokens with the client\'s own expiry', async () => {
    const expiresAt = new Date(Date.now() + 120_000).toISOString();
    const client = await createClient({ name: 'Short lived', expiresAt });
    const issued = (await (await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret })).json()) as { expires_in: number };
    expect(issued.expires_in).toBeGreaterThan(60);
    expect(issued.expires_in).toBeLessThanOrEqual(120);
  });
});

describe('an engine without OpenID Connect', () => {
  it('offers no provider on the sign-in page, and refuses to start a sign-in with one', async () => {
    expect(await (await engine.request('/v2/authentication/oidc', { user: null })).json()).toEqual({ enabled: false, providerName: null });
    const start = await engine.request('/v2/authentication/oidc/authorization', { user: null, method: 'POST' });
    expect(start.status).toBe(404);
    expect(await start.json()).toMatchObject({ code: 'AUTH.OIDC_NOT_CONFIGURED' });
    const jwtShaped = await engine.request('/v2/topology', { user: null, headers: { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJkZW1vIn0.x' } });
    expect(jwtShaped.status).toBe(401);
  });
});
