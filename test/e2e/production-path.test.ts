import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';
import { EngineProcess } from '../support/engine-process.js';

/**
 * Issue 12: the README's "Running in production", followed with the built engine (dist/, as it
 * runs in production) from an empty database of its own: the demo seed off, the first admin from
 * the environment (and, on another empty database, from `npm run create-admin`), the admin signs
 * in, no demo user exists, and the worker gets its own account and API token.
 */
const run = promisify(execFile);
const ADMIN = { BATON_ADMIN_USERNAME: 'ada', BATON_ADMIN_PASSWORD: 'a long passphrase only ada knows' };
const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const adminAuth = basic(ADMIN.BATON_ADMIN_USERNAME, ADMIN.BATON_ADMIN_PASSWORD);

async function call(engine: EngineProcess, method: string, path: string, authorization: string | null, body?: unknown): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {};
  if (authorization) headers.Authorization = authorization;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(engine.url + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

describe('README, "Running in production", from an empty database', () => {
  const engine = new EngineProcess();
  const commandEngine = new EngineProcess();

  beforeAll(() => {
    if (!EngineProcess.isBuilt()) throw new Error('Run "npm run build" first: this test starts the built engine (dist/) as production does');
  });
  afterAll(async () => {
    await Promise.all([engine.drop(), commandEngine.drop()]);
  });

  it('creates the first admin from the environment with the demo seed off; no demo user and no default password exists', async () => {
    // Step 2: demo seed off, the first admin from the environment.
    await engine.start({ BATON_SEED_DEMO: 'false', ...ADMIN });

    // Step 3: the admin signs in (portal sign-in and Basic).
    const signIn = await call(engine, 'POST', '/v2/authentication/sign-in', null, { username: 'ada', password: ADMIN.BATON_ADMIN_PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.json.user).toMatchObject({ username: 'ada', roles: ['admin'] });
    const me = await call(engine, 'GET', '/v2/authentication/me', `Bearer ${signIn.json.token}`);
    expect(me.json.authorizedComponents).toEqual(['tasklist', 'operate', 'modeler', 'identity']);

    // No demo user exists, so none of their passwords works.
    const users = await call(engine, 'POST', '/v2/users/search', adminAuth, {});
    expect(users.json.items.map((u: any) => u.username)).toEqual(['ada']);
    for (const demo of ['demo', 'anna', 'emma', 'frank', 'mia', 'worker']) {
      expect((await call(engine, 'GET', '/v2/authentication/me', basic(demo, demo))).status, demo).toBe(401);
    }
    expect((await call(engine, 'POST', '/v2/groups/search', adminAuth, {})).json.items).toEqual([]);

    // Step 4: the worker's own account and API token, as the README's curl lines do it.
    expect((await call(engine, 'POST', '/v2/users', adminAuth, { username: 'jobs', password: 'another long passphrase' })).status).toBe(201);
    expect((await call(engine, 'PUT', '/v2/roles/worker/users/jobs', adminAuth)).status).toBe(204);
    const token = await call(engine, 'POST', '/v2/api-tokens', adminAuth, { name: 'apps/worker', username: 'jobs' });
    expect(token.status).toBe(201);
    const workerMe = await call(engine, 'GET', '/v2/authentication/me', `Bearer ${token.json.token}`);
    expect(workerMe.json).toMatchObject({ username: 'jobs', roles: ['worker'] });
    expect((await call(engine, 'POST', '/v2/jobs/activation', `Bearer ${token.json.token}`, { type: 'nothing', maxJobsToActivate: 1, timeout: 1000, requestTimeout: -1 })).status).toBe(200);

    // A restart with the variables still set changes nothing: an admin exists.
    await engine.stop();
    await engine.start({ BATON_SEED_DEMO: 'false', BATON_ADMIN_USERNAME: 'eve', BATON_ADMIN_PASSWORD: 'eve wants to be admin too' });
    expect((await call(engine, 'GET', '/v2/users/eve', adminAuth)).status).toBe(404);
    expect((await call(engine, 'GET', '/v2/authentication/me', basic('eve', 'eve wants to be admin too'))).status).toBe(401);
  });

  it('creates the first admin with the one-time command, which refuses a second run', async () => {
    const env = { ...process.env, DB_NAME: commandEngine.database, ...ADMIN, LOG_FORMAT: 'json' };
    const first = await run(process.execPath, ['dist/scripts/create-admin.js'], { cwd: projectRoot(), env });
    expect(first.stdout).toContain('Created the first admin');
    const second = await run(process.execPath, ['dist/scripts/create-admin.js'], { cwd: projectRoot(), env }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('An admin exists');

    await commandEngine.start({ BATON_SEED_DEMO: 'false' });
    expect((await call(commandEngine, 'GET', '/v2/authentication/me', adminAuth)).json).toMatchObject({ username: 'ada', roles: ['admin'] });
    expect((await call(commandEngine, 'GET', '/v2/authentication/me', basic('demo', 'demo'))).status).toBe(401);
  });

  it('refuses to start with a first admin password shorter than the policy', async () => {
    const short = new EngineProcess();
    try {
      await expect(short.start({ BATON_SEED_DEMO: 'false', BATON_ADMIN_USERNAME: 'ada', BATON_ADMIN_PASSWORD: 'short' })).rejects.toThrow(
        /BATON_ADMIN_PASSWORD must have at least 12 characters \(BATON_PASSWORD_MIN_LENGTH\), but has 5/,
      );
    } finally {
      await short.drop();
    }
  });
});
