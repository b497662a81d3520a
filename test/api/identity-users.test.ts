import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/process-api.js';
import { basicAuth, startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 12: users managed over `/v2/users` in Camunda 8.8's shapes (create 201, get, update 200,
 * delete 204, search), with Baton's `enabled`, a password policy, an admin's reset and one's own
 * password change, and the rule that the last enabled admin cannot go.
 */
let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine({ seedDemoData: true });
});
afterAll(async () => {
  await engine?.stop();
});

/** A call with the given Authorization header (users created here have their own passwords). */
async function call(method: string, path: string, authorization: string, json?: unknown): Promise<{ status: number; body: any }> {
  const response = await engine.request(path, { method, user: null, headers: { Authorization: authorization }, ...(json === undefined ? {} : { json }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function signIn(username: string, password: string): Promise<{ status: number; token?: string; body: any }> {
  const { status, body } = await send(engine, 'POST', '/v2/authentication/sign-in', { username, password }, null as unknown as string);
  return { status, token: body?.token, body };
}

describe('POST /v2/users', () => {
  it('given a username, password, name and email, then the user is created (201) and can sign in', async () => {
    const created = await send(engine, 'POST', '/v2/users', { username: 'jane.doe', password: 'correct horse battery', name: 'Jane Doe', email: 'jane@example.com' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ username: 'jane.doe', name: 'Jane Doe', email: 'jane@example.com', enabled: true });

    const me = await call('GET', '/v2/authentication/me', basicAuth('jane.doe', 'correct horse battery'));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'jane.doe', displayName: 'Jane Doe', roles: [], groups: [], authorizedComponents: ['tasklist'] });
  });

  it('given only a username and password, then name is empty and email absent', async () => {
    const created = await send(engine, 'POST', '/v2/users', { username: 'bare', password: 'long enough password' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ username: 'bare', name: '', enabled: true });
  });

  it('given a taken username, then 409 USER.ALREADY_EXISTS', async () => {
    const duplicate = await send(engine, 'POST', '/v2/users', { username: 'emma', password: 'long enough password' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ status: 409, code: 'USER.ALREADY_EXISTS', detail: "A user with username 'emma' already exists" });
  });

  it('given a short password, then 400 PASSWORD.TOO_SHORT with the minimum', async () => {
    const short = await send(engine, 'POST', '/v2/users', { username: 'shorty', password: 'abc' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'PASSWORD.TOO_SHORT', minLength: 12, detail: 'Expected the password to have at least 12 characters (BATON_PASSWORD_MIN_LENGTH) but it has 3' });
    expect((await send(engine, 'GET', '/v2/users/shorty')).status).toBe(404);
  });

  it('given bad input, then 400 naming each property', async () => {
    const bad = await send(engine, 'POST', '/v2/users', { username: 'has space', password: 'long enough password', email: 'not-an-email', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('REQUEST.INVALID_BODY');
    const properties = bad.body.violations.map((v: any) => v.property).sort();
    expect(properties).toEqual(['email', 'extra', 'username']);
    const missing = await send(engine, 'POST', '/v2/users', { username: 'nopassword' });
    expect(missing.status).toBe(400);
    expect(missing.body.violations.map((v: any) => v.property)).toContain('password');
  });

  it('given a caller without identity:manage, then 403', async () => {
    const refused = await send(engine, 'POST', '/v2/users', { username: 'sneaky', password: 'long enough password' }, 'anna');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.FORBIDDEN');
    expect((await send(engine, 'POST', '/v2/users/search', {}, 'emma')).status).toBe(403);
  });
});

describe('GET, PUT, DELETE /v2/users/{username}', () => {
  it('given a user, then GET answers it without a password', async () => {
    const { status, body } = await send(engine, 'GET', '/v2/users/emma');
    expect(status).toBe(200);
    expect(body).toEqual({ username: 'emma', name: 'Emma Employee', email: 'emma@baton.local', enabled: true });
  });

  it('given an unknown user, then GET, PUT and DELETE answer 404 USER.NOT_FOUND', async () => {
    for (const [method, body] of [['GET'], ['PUT', { name: 'x' }], ['DELETE']] as const) {
      const answer = await send(engine, method, '/v2/users/nobody', body);
      expect(answer.status, method).toBe(404);
      expect(answer.body).toMatchObject({ code: 'USER.NOT_FOUND', detail: "No user with username 'nobody'" });
    }
  });

  it('given a name and email, then PUT changes them (200) and an empty email clears it', async () => {
    await send(engine, 'POST', '/v2/users', { username: 'renamed', password: 'long enough password', name: 'Old', email: 'old@example.com' });
    const updated = await send(engine, 'PUT', '/v2/users/renamed', { name: 'New Name', email: 'new@example.com' });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ username: 'renamed', name: 'New Name', email: 'new@example.com', enabled: true });
    const cleared = await send(engine, 'PUT', '/v2/users/renamed', { email: '' });
    expect(cleared.body).toEqual({ username: 'renamed', name: 'New Name', enabled: true });
    expect((await send(engine, 'PUT', '/v2/users/renamed', { email: 'nope' })).status).toBe(400);
  });

  it('given an admin resetting a password, then the old one stops working, the new one works and the user\'s sessions end', async () => {
    await send(engine, 'POST', '/v2/users', { username: 'reset.me', password: 'first password!' });
    const session = await signIn('reset.me', 'first password!');
    expect(session.status).toBe(200);

    const short = await send(engine, 'PUT', '/v2/users/reset.me', { password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('PASSWORD.TOO_SHORT');

    expect((await send(engine, 'PUT', '/v2/users/reset.me', { password: 'second password!' })).status).toBe(200);
    expect((await call('GET', '/v2/authentication/me', basicAuth('reset.me', 'first password!'))).status).toBe(401);
    expect((await call('GET', '/v2/authentication/me', basicAuth('reset.me', 'second password!'))).status).toBe(200);
    expect((await call('GET', '/v2/authentication/me', `Bearer ${session.token}`)).status).toBe(401);
    // A blank password leaves it as it is (Camunda's rule).
    expect((await send(engine, 'PUT', '/v2/users/reset.me', { password: '', name: 'Reset' })).status).toBe(200);
    expect((await call('GET', '/v2/authentication/me', basicAuth('reset.me', 'second password!'))).status).toBe(200);
  });

  it('given a disabled user, then they cannot sign in, their sessions and API tokens stop at once; enabled again, tokens work', async () => {
    await send(engine, 'POST', '/v2/users', { username: 'temp', password: 'temporary password' });
    const session = await signIn('temp', 'temporary password');
    const apiToken = await send(engine, 'POST', '/v2/api-tokens', { name: 'temp system', username: 'temp' });
    expect(apiToken.status).toBe(201);
    expect((await call('GET', '/v2/authentication/me', `Bearer ${apiToken.body.token}`)).status).toBe(200);
    expect((await call('GET', '/v2/authentication/me', basicAuth('temp', 'temporary password'))).status).toBe(200);

    const disabled = await send(engine, 'PUT', '/v2/users/temp', { enabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toEqual({ username: 'temp', name: '', enabled: false });

    expect((await call('GET', '/v2/authentication/me', `Bearer ${session.token}`)).status).toBe(401);
    expect((await call('GET', '/v2/authentication/me', `Bearer ${apiToken.body.token}`)).status).toBe(401);
    const basic = await call('GET', '/v2/authentication/me', basicAuth('temp', 'temporary password'));
    expect(basic.status).toBe(401);
    expect(basic.body.detail).toBe("User 'temp' is disabled; an admin can enable it again");
    const signInAgain = await signIn('temp', 'temporary password');
    expect(signInAgain.status).toBe(401);
    // The wrong password says nothing about the account.
    expect((await signIn('temp', 'wrong password!!')).body.detail).toBe('Unknown user or wrong password');

    expect((await send(engine, 'POST', '/v2/users/search', { filter: { enabled: false } })).body.items.map((u: any) => u.username)).toEqual(['temp']);

    expect((await send(engine, 'PUT', '/v2/users/temp', { enabled: true })).body.enabled).toBe(true);
    expect((await call('GET', '/v2/authentication/me', `Bearer ${apiToken.body.token}`)).status).toBe(200);
    // The session ended for good when the user was disabled.
    expect((await call('GET', '/v2/authentication/me', `Bearer ${session.token}`)).status).toBe(401);
    expect((await signIn('temp', 'temporary password')).status).toBe(200);
  });

  it('given a user, then DELETE removes them with their tokens (204), and a second DELETE is 404', async () => {
    await send(engine, 'POST', '/v2/users', { username: 'leaving', password: 'long enough password' });
    const session = await signIn('leaving', 'long enough password');
    expect((await send(engine, 'DELETE', '/v2/users/leaving')).status).toBe(204);
    expect((await call('GET', '/v2/authentication/me', `Bearer ${session.token}`)).status).toBe(401);
    expect((await send(engine, 'DELETE', '/v2/users/leaving')).status).toBe(404);
  });
});

describe('the last admin', () => {
  it('given demo is the only admin, then disabling, deleting or taking the role from demo is refused with 409, changing nothing', async () => {
    const disable = await send(engine, 'PUT', '/v2/users/demo', { enabled: false });
    expect(disable.status).toBe(409);
    expect(disable.body).toMatchObject({
      code: 'IDENTITY.LAST_ADMIN',
      detail: "Expected at least one enabled user to keep the admin role, but disabling user 'demo' would leave none; give another user the admin role first",
    });
    expect((await send(engine, 'DELETE', '/v2/users/demo')).body.code).toBe('IDENTITY.LAST_ADMIN');
    expect((await send(engine, 'DELETE', '/v2/roles/admin/users/demo')).body.code).toBe('IDENTITY.LAST_ADMIN');
    expect((await send(engine, 'GET', '/v2/users/demo')).body.enabled).toBe(true);
    expect((await send(engine, 'GET', '/v2/authentication/me')).body.roles).toEqual(['admin']);
  });

  it('given a second admin through a group, then demo may be disabled, and that group admin is then the last one', async () => {
    await send(engine, 'POST', '/v2/users', { username: 'root2', password: 'second admin password' });
    await send(engine, 'POST', '/v2/groups', { groupId: 'admins', name: 'Admins' });
    expect((await send(engine, 'PUT', '/v2/roles/admin/groups/admins')).status).toBe(204);
    expect((await send(engine, 'PUT', '/v2/groups/admins/users/root2')).status).toBe(204);
    const root2 = basicAuth('root2', 'second admin password');
    expect((await call('GET', '/v2/authentication/me', root2)).body).toMatchObject({ roles: ['admin'], groups: ['admins'], authorizedComponents: expect.arrayContaining(['identity']) });

    expect((await call('PUT', '/v2/users/demo', root2, { enabled: false })).status).toBe(200);
    expect((await call('DELETE', '/v2/groups/admins/users/root2', root2)).body.code).toBe('IDENTITY.LAST_ADMIN');
    expect((await call('DELETE', '/v2/roles/admin/groups/admins', root2)).body.code).toBe('IDENTITY.LAST_ADMIN');
    expect((await call('DELETE', '/v2/groups/admins', root2)).body.code).toBe('IDENTITY.LAST_ADMIN');
    expect((await call('PUT', '/v2/users/demo', root2, { enabled: true })).status).toBe(200);
    expect((await send(engine, 'DELETE', '/v2/groups/admins')).status).toBe(204);
    expect((await call('GET', '/v2/authentication/me', root2)).body.roles).toEqual([]);
  });
});

describe('two admins removing each other at once', () => {
  it('given two admins, then of two concurrent removals one succeeds and the other is refused', async () => {
    await send(engine, 'POST', '/v2/users', { username: 'root3', password: 'third admin password' });
    expect((await send(engine, 'PUT', '/v2/roles/admin/users/root3')).status).toBe(204);
    const root3 = basicAuth('root3', 'third admin password');
    const [byRoot3, byDemo] = await Promise.all([call('DELETE', '/v2/roles/admin/users/demo', root3), send(engine, 'DELETE', '/v2/roles/admin/users/root3')]);
    expect([byRoot3.status, byDemo.status].sort()).toEqual([204, 409]);
    const remaining = byDemo.status === 204 ? 'demo' : 'root3';
    expect((await call('POST', '/v2/roles/admin/users/search', remaining === 'demo' ? basicAuth('demo') : root3, {})).body.items).toEqual([{ username: remaining }]);
    // Put things back as the other tests expect them: demo the only admin.
    if (remaining === 'root3') expect((await call('PUT', '/v2/roles/admin/users/demo', root3)).status).toBe(204);
    expect((await send(engine, 'DELETE', '/v2/users/root3')).status).toBe(204);
  });
});

describe('PUT /v2/authentication/me/password', () => {
  it('given the current password, then the password changes and the user\'s other sessions end, this one stays', async () => {
    await send(engine, 'POST', '/v2/users', { username: 'changer', password: 'my old password' });
    const here = await signIn('changer', 'my old password');
    const elsewhere = await signIn('changer', 'my old password');
    const bearer = `Bearer ${here.token}`;

    const wrong = await call('PUT', '/v2/authentication/me/password', bearer, { currentPassword: 'not my password', newPassword: 'my new password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'PASSWORD.CURRENT_MISMATCH', detail: 'The current password is wrong' });
    const short = await call('PUT', '/v2/authentication/me/password', bearer, { currentPassword: 'my old password', newPassword: 'tiny' });
    expect(short.body).toMatchObject({ code: 'PASSWORD.TOO_SHORT', minLength: 12 });
    const same = await call('PUT', '/v2/authentication/me/password', bearer, { currentPassword: 'my old password', newPassword: 'my old password' });
    expect(same.body.code).toBe('PASSWORD.UNCHANGED');
    expect((await call('PUT', '/v2/authentication/me/password', bearer, { newPassword: 'my new password' })).body.code).toBe('REQUEST.INVALID_BODY');

    expect((await call('PUT', '/v2/authentication/me/password', bearer, { currentPassword: 'my old password', newPassword: 'my new password' })).status).toBe(204);
    expect((await call('GET', '/v2/authentication/me', bearer)).status).toBe(200);
    expect((await call('GET', '/v2/authentication/me', `Bearer ${elsewhere.token}`)).status).toBe(401);
    expect((await signIn('changer', 'my old password')).status).toBe(401);
    expect((await signIn('changer', 'my new password')).status).toBe(200);
  });

  it('given no credentials, then 401', async () => {
    const response = await engine.request('/v2/authentication/me/password', { method: 'PUT', user: null, json: { currentPassword: 'a', newPassword: 'b' } });
    expect(response.status).toBe(401);
  });
});

describe('POST /v2/users/search', () => {
  it('given filters, sorts and pages, then they are honoured as in every search', async () => {
    const names = async (body: unknown) => {
      const answer = await send(engine, 'POST', '/v2/users/search', body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.items.map((u: any) => u.username);
    };
    expect(await names({ filter: { username: { $in: ['anna', 'emma'] } } })).toEqual(['anna', 'emma']);
    expect(await names({ filter: { email: { $like: '*@baton.local' } }, sort: [{ field: 'name', order: 'DESC' }], page: { limit: 2 } })).toEqual(['mia', 'worker']);
    expect(await names({ filter: { name: 'Frank Finance' } })).toEqual(['frank']);
    const first = await send(engine, 'POST', '/v2/users/search', { filter: { email: { $like: '*@baton.local' } }, page: { limit: 3 } });
    expect(first.body.page.totalItems).toBe(6);
    expect(await names({ filter: { email: { $like: '*@baton.local' } }, page: { limit: 3, after: first.body.page.endCursor } })).toEqual(['frank', 'mia', 'worker']);
    const unknown = await send(engine, 'POST', '/v2/users/search', { filter: { password: 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('SEARCH.UNKNOWN_FILTER');
    expect((await send(engine, 'POST', '/v2/users/search', { sort: [{ field: 'passwordHash' }] })).body.code).toBe('SEARCH.UNKNOWN_SORT_FIELD');
  });

  it('given a user, then GET /v2/users/{username}/memberships lists the groups and roles given directly', async () => {
    expect((await send(engine, 'GET', '/v2/users/mia/memberships')).body).toEqual({ groups: ['managers', 'sales'], roles: ['employee'] });
    expect((await send(engine, 'GET', '/v2/users/nobody/memberships')).status).toBe(404);
  });
});
