import createCamundaClient from '@camunda8/orchestration-cluster-api';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#runtime';
import { startEngine } from '../../apps/engine/src/engine-app.js';
import { freePort, signInAtProvider, startOidcTestProvider, type OidcTestProvider, type TestAccount } from '../support/oidc-test-provider.js';
import { basicAuth, connectToEngineDatabase, startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Sign-in with an external OpenID Connect provider (a real oidc-provider on localhost, started
 * here) over the API, as the portal drives it: authorization URL, the provider's login, the
 * callback, a Baton session for a user made from the claims. And the provider's JWT access
 * tokens for machine clients, with Camunda's client among them.
 */
const ACCOUNTS: Record<string, TestAccount> = {
  'sso-olivia': { preferred_username: 'olivia', name: 'Olivia Owner', email: 'olivia@example.com', groups: ['baton-admins', 'finance'] },
  'sso-paul': { preferred_username: 'paul', name: 'Paul Planner', groups: ['process-owners'], roles: ['employee'] },
  'sso-emma': { preferred_username: 'emma', name: 'Emma from SSO' },
  'sso-nameless': { name: 'No Username' },
  'sso-dora': { preferred_username: 'dora', name: 'Dora Driver', groups: ['sales'] },
};

let provider: OidcTestProvider;
let engine: TestEngine;

beforeAll(async () => {
  const port = await freePort();
  const redirectUrl = `http://localhost:${port}/sign-in/callback`;
  provider = await startOidcTestProvider(redirectUrl, ACCOUNTS, { otherMachineClients: ['demo'] });
  engine = await startTestEngine({ port }, provider.engineEnv(redirectUrl));
});
afterAll(async () => {
  await engine?.stop();
  await provider?.stop();
});

async function startSignIn(): Promise<{ authorizationUrl: string; state: string }> {
  const response = await engine.request('/v2/authentication/oidc/authorization', { user: null, method: 'POST' });
  expect(response.status).toBe(200);
  return (await response.json()) as { authorizationUrl: string; state: string };
}

async function callback(callbackQuery: string): Promise<{ status: number; body: any }> {
  const response = await engine.request('/v2/authentication/oidc/callback', { user: null, json: { callbackQuery } });
  return { status: response.status, body: await response.json() };
}

async function signInAs(login: string): Promise<{ status: number; body: any }> {
  const { authorizationUrl } = await startSignIn();
  const back = await signInAtProvider(authorizationUrl, login);
  expect(back.origin + back.pathname).toBe(`${engine.url}/sign-in/callback`);
  return callback(back.search);
}

async function machineToken(client = provider.machineClient, resource?: string): Promise<string> {
  const response = await fetch(provider.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      ...(resource ? { resource } : {}),
    }).toString(),
  });
  const body = (await response.json()) as { access_token: string };
  expect(response.status).toBe(200);
  return body.access_token;
}

describe('sign-in with an OpenID Connect provider', () => {
  it('tells the portal the provider is there and what it is called', async () => {
    const response = await engine.request('/v2/authentication/oidc', { user: null });
    expect(await response.json()).toEqual({ enabled: true, providerName: 'Acme SSO' });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { authorizationUrl, state } = await startSignIn();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'baton-portal',
      response_type: 'code',
      redirect_uri: `${engine.url}/sign-in/callback`,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
      state,
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('nonce')).toBeTruthy();
  });

  it('signs a new user in with the claimed name, groups and mapped roles, and a Baton session', async () => {
    const { status, body } = await signInAs('sso-olivia');
    expect(status).toBe(200);
    expect(body).toMatchObject({ tokenType: 'Bearer', user: { username: 'olivia', displayName: 'Olivia Owner', email: 'olivia@example.com', roles: ['admin'], groups: ['baton-admins', 'finance'] } });
    expect(body.token).toMatch(/^bts_/);
    const me = await engine.request('/v2/authentication/me', { user: null, headers: { Authorization: `Bearer ${body.token}` } });
    expect(await me.json()).toMatchObject({ username: 'olivia', roles: ['admin'], canLogout: true, authorizedComponents: ['tasklist', 'operate', 'modeler', 'identity'] });

    // No local password works for the user, whatever is tried.
    const db = await connectToEngineDatabase(engine.config.db);
    try {
      const [rows] = await db.query('SELECT password_hash FROM identity_users WHERE username = ?', ['olivia']);
      expect(rows).toEqual([{ password_hash: '!external:oidc' }]);
    } finally {
      await db.end();
    }
    for (const password of ['!external:oidc', '', 'olivia']) {
      const basic = await engine.request('/v2/topology', { user: null, headers: { Authorization: basicAuth('olivia', password) } });
      expect(basic.status).toBe(401);
    }
  });

  it('takes roles and groups from the claims again at each sign-in', async () => {
    const first = await signInAs('sso-paul');
    expect(first.body.user).toMatchObject({ username: 'paul', roles: ['analyst', 'employee'], groups: ['process-owners'] });
    ACCOUNTS['sso-paul'] = { ...ACCOUNTS['sso-paul'], groups: ['sales'], roles: [] };
    const second = await signInAs('sso-paul');
    expect(second.body.user).toMatchObject({ username: 'paul', roles: [], groups: ['sales'] });
    const me = await engine.request('/v2/authentication/me', { user: null, headers: { Authorization: `Bearer ${second.body.token}` } });
    expect(await me.json()).toMatchObject({ roles: [], groups: ['sales'], authorizedComponents: ['tasklist'] });
  });

  it('refuses a callback with an unknown, missing or already used state', async () => {
    const unknown = await callback('?code=abc&state=not-a-state-baton-made');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'AUTH.OIDC_STATE_MISMATCH' });
    expect(unknown.body.detail).toContain('unknown, used already or expired');
    expect((await callback('?code=abc')).body).toMatchObject({ status: 400, code: 'AUTH.OIDC_STATE_MISMATCH' });

    const { authorizationUrl } = await startSignIn();
    const back = await signInAtProvider(authorizationUrl, 'sso-olivia');
    expect((await callback(back.search)).status).toBe(200);
    const replay = await callback(back.search);
    expect(replay).toMatchObject({ status: 400, body: { code: 'AUTH.OIDC_STATE_MISMATCH' } });
  });

  it('passes on the provider\'s refusal (the user cancelled at the provider)', async () => {
    const { authorizationUrl } = await startSignIn();
    const back = await signInAtProvider(authorizationUrl, 'sso-olivia', { abort: true });
    expect(back.searchParams.get('error')).toBe('access_denied');
    const { status, body } = await callback(back.search);
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'AUTH.OIDC_PROVIDER_ERROR' });
    expect(body.detail).toBe('Acme SSO did not sign you in: access_denied (End-User aborted interaction)');
  });

  it('refuses a code that does not belong to the state (another sign-in\'s code)', async () => {
    const first = await startSignIn();
    const second = await startSignIn();
    const back = await signInAtProvider(first.authorizationUrl, 'sso-olivia');
    back.searchParams.set('state', second.state);
    const { status, body } = await callback(back.search);
    expect(status).toBe(401);
    expect(body.code).toBe('AUTH.OIDC_CALLBACK_FAILED');
  });

  it('does not merge a provider user into a local user of the same name', async () => {
    const { status, body } = await signInAs('sso-emma');
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'AUTH.OIDC_USER_CONFLICT' });
    expect(body.detail).toContain("a local user of that name with a password exists");
    // emma's own password still works and her roles are untouched.
    const me = await engine.request('/v2/authentication/me', { user: 'emma' });
    expect(await me.json()).toMatchObject({ username: 'emma', roles: ['employee'], groups: ['sales'] });
  });

  it('keeps a provider user an admin disabled out, and has no Baton password to set or change for them', async () => {
    const first = await signInAs('sso-dora');
    expect(first.status).toBe(200);
    const session = { user: null, headers: { Authorization: `Bearer ${first.body.token}` } };

    const ownChange = await engine.request('/v2/authentication/me/password', { ...session, method: 'PUT', json: { currentPassword: 'anything at all', newPassword: 'a brand new password' } });
    expect(ownChange.status).toBe(409);
    expect(await ownChange.json()).toMatchObject({ code: 'PASSWORD.EXTERNAL_USER', detail: "Expected a local user, but 'dora' signs in with the OpenID Connect provider and has no password in Baton; change it at the provider" });
    const reset = await engine.request('/v2/users/dora', { method: 'PUT', json: { password: 'a brand new password' } });
    expect(reset.status).toBe(409);
    expect(await reset.json()).toMatchObject({ code: 'PASSWORD.EXTERNAL_USER' });

    expect((await engine.request('/v2/users/dora', { method: 'PUT', json: { enabled: false } })).status).toBe(200);
    expect((await engine.request('/v2/authentication/me', session)).status).toBe(401);
    const again = await signInAs('sso-dora');
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'AUTH.OIDC_CALLBACK_FAILED', detail: "User 'dora' is disabled; an admin can enable it again" });
    expect((await engine.request('/v2/users/dora', { method: 'PUT', json: { enabled: true } })).status).toBe(200);
    expect((await signInAs('sso-dora')).status).toBe(200);
  });

  it('refuses a sign-in whose claims carry no user name', async () => {
    const { status, body } = await signInAs('sso-nameless');
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'AUTH.OIDC_CALLBACK_FAILED' });
    expect(body.detail).toContain("claim 'preferred_username'");
  });
});

describe("the provider's access tokens (machine clients)", () => {
  it('accepts a JWT access token for the configured audience, with roles and groups from its claims', async () => {
    const token = await machineToken();
    const me = await engine.request('/v2/authentication/me', { user: null, headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'billing-robot', roles: ['worker'], groups: ['robots'], canLogout: false });
    const activation = await engine.request('/v2/jobs/activation', { user: null, headers: { Authorization: `Bearer ${token}` }, json: { type: 'nothing', maxJobsToActivate: 1, timeout: 1000, requestTimeout: -1 } });
    expect(activation.status).toBe(200);
    const deploy = await engine.request('/v2/process-definitions/search', { user: null, headers: { Authorization: `Bearer ${token}` }, json: {} });
    expect(deploy.status).toBe(200);
  });

  it('refuses a token for another audience, and a tampered one', async () => {
    const elsewhere = await machineToken(provider.machineClient, 'https://other-service.test/api');
    const other = await engine.request('/v2/topology', { user: null, headers: { Authorization: `Bearer ${elsewhere}` } });
    expect(other.status).toBe(401);
    expect(((await other.json()) as { detail: string }).detail).toBe("The bearer token is not a valid access token of the OpenID Connect provider: its audience (aud) does not include https://baton.test/api (BATON_OIDC_AUDIENCE)");

    const token = await machineToken();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url'), signature].join('.');
    const refused = await engine.request('/v2/topology', { user: null, headers: { Authorization: `Bearer ${forged}` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="baton", error="invalid_token"');
    expect(((await refused.json()) as { detail: string }).detail).toContain("signature does not verify with the provider's keys");
  });

  it('refuses a token that names a local user: the provider does not act for them', async () => {
    const token = await machineToken({ clientId: 'demo', clientSecret: 'demo-secret' });
    const refused = await engine.request('/v2/authentication/me', { user: null, headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { detail: string }).detail).toBe("The provider's access token names 'demo', a local user of Baton with a password: the provider does not act for local users");
  });

  it("works with Camunda's client (OAUTH strategy) getting its tokens from the provider", async () => {
    const client = createCamundaClient({
      config: {
        CAMUNDA_REST_ADDRESS: engine.url,
        CAMUNDA_AUTH_STRATEGY: 'OAUTH',
        CAMUNDA_CLIENT_ID: provider.machineClient.clientId,
        CAMUNDA_CLIENT_SECRET: provider.machineClient.clientSecret,
        CAMUNDA_OAUTH_URL: provider.tokenEndpoint,
        CAMUNDA_TOKEN_AUDIENCE: provider.audience,
        CAMUNDA_SDK_LOG_LEVEL: 'error',
      } as never,
    });
    const topology = await client.getTopology();
    expect(topology.brokers?.length).toBeGreaterThan(0);
  });
});

describe('misconfiguration', () => {
  it('lists every bad OIDC variable at start', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems;
      }
    };
    expect(attempt({ BATON_OIDC_CLIENT_ID: 'x' })).toEqual(['BATON_OIDC_ISSUER_URL must be set when other BATON_OIDC_ variables are (BATON_OIDC_CLIENT_ID)']);
    expect(attempt({ BATON_OIDC_ISSUER_URL: 'http://login.example.com', BATON_OIDC_CLIENT_ID: 'x', BATON_OIDC_REDIRECT_URL: 'https://baton.example.com/callback', BATON_OIDC_ROLE_MAPPING: 'admins' })).toEqual([
      "BATON_OIDC_ISSUER_URL must be an https URL (http only for localhost), but is 'http://login.example.com'",
      "BATON_OIDC_REDIRECT_URL must be the portal's sign-in callback, <scheme>://<host>/sign-in/callback, but is 'https://baton.example.com/callback'",
      "BATON_OIDC_ROLE_MAPPING must be comma-separated claimValue=role pairs (e.g. baton-admins=admin), but has 'admins'",
    ]);
    expect(attempt({ BATON_OIDC_ISSUER_URL: 'https://login.example.com', BATON_OIDC_CLIENT_ID: 'x' })).toEqual([
      "BATON_OIDC_REDIRECT_URL must be set when BATON_OIDC_CLIENT_ID is: the portal's /sign-in/callback, e.g. https://baton.example.com/sign-in/callback",
    ]);
    expect(attempt({ BATON_OIDC_ISSUER_URL: 'https://login.example.com' })).toEqual([
      'BATON_OIDC_ISSUER_URL is set, but neither portal sign-in (BATON_OIDC_CLIENT_ID, BATON_OIDC_REDIRECT_URL) nor access tokens (BATON_OIDC_AUDIENCE) are configured',
    ]);
  });

  it('does not start with an issuer it cannot read, or a role mapping to roles Baton does not have', async () => {
    const logger = pino({ level: 'silent' });
    const port = await freePort();
    const base = loadConfig({ ...process.env, PORT: '0' });
    const unreachable = loadConfig({ BATON_OIDC_ISSUER_URL: `http://localhost:${port}`, BATON_OIDC_AUDIENCE: 'x' });
    await expect(startEngine({ ...base, processesDir: '', auth: { ...base.auth, oidc: unreachable.auth.oidc } }, logger)).rejects.toThrow(
      `Could not read the OpenID Connect provider's configuration from BATON_OIDC_ISSUER_URL (http://localhost:${port}/.well-known/openid-configuration)`,
    );
    const badRoles = loadConfig({ BATON_OIDC_ISSUER_URL: provider.issuer, BATON_OIDC_AUDIENCE: 'x', BATON_OIDC_ROLE_MAPPING: 'boss=superuser' });
    await expect(startEngine({ ...base, processesDir: '', auth: { ...base.auth, oidc: badRoles.auth.oidc } }, logger)).rejects.toThrow(
      "BATON_OIDC_ROLE_MAPPING must map to Baton's roles (admin, analyst, employee, worker), but has boss=superuser",
    );
  });
});

// Last: it uses up this address's starts for the file's engine.
describe('starting sign-ins without credentials', () => {
  it('is bounded per client address (each start keeps a record in Redis for 10 minutes)', async () => {
    let status = 200;
    let starts = 0;
    while (status === 200 && starts < 150) {
      const response = await engine.request('/v2/authentication/oidc/authorization', { user: null, method: 'POST' });
      status = response.status;
      starts++;
      if (status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        const body = (await response.json()) as { code: string; detail: string };
        expect(body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
        expect(body.detail).toContain('Expected at most 100 sign-ins with Acme SSO started from one address in 10 minutes');
      } else {
        await response.body?.cancel();
      }
    }
    expect(status).toBe(429);
    expect(starts).toBeLessThanOrEqual(101);
  });
});
