import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine({ auth: { disabled: true, sessionTtlSeconds: 3600 } });
});
afterAll(async () => {
  await engine?.stop();
});

describe('BATON_AUTH_DISABLED=true (explicit opt-in for local experiments)', () => {
  it('serves /v2 without credentials, acting as the admin demo', async () => {
    const me = await engine.request('/v2/authentication/me', { user: null });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'demo', roles: ['admin'], canLogout: false });
    expect((await engine.request('/v2/api-tokens/search', { user: null, json: {} })).status).toBe(200);
  });
});
