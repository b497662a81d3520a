import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Issue 12: groups over `/v2/groups` in Camunda 8.8's shapes, with members and the roles given to them. */
let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine({ seedDemoData: true });
});
afterAll(async () => {
  await engine?.stop();
});

describe('/v2/groups', () => {
  it('given a groupId, name and description, then the group is created (201), read, changed (200) and deleted (204)', async () => {
    const created = await send(engine, 'POST', '/v2/groups', { groupId: 'support', name: 'Support', description: 'First line' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ groupId: 'support', name: 'Support', description: 'First line' });
    expect((await send(engine, 'GET', '/v2/groups/support')).body).toEqual({ groupId: 'support', name: 'Support', description: 'First line' });

    const updated = await send(engine, 'PUT', '/v2/groups/support', { name: 'Customer support', description: '' });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ groupId: 'support', name: 'Customer support' });
    // Camunda's update needs both members.
    expect((await send(engine, 'PUT', '/v2/groups/support', { name: 'Only a name' })).status).toBe(400);

    expect((await send(engine, 'DELETE', '/v2/groups/support')).status).toBe(204);
    expect((await send(engine, 'GET', '/v2/groups/support')).status).toBe(404);
  });

  it('given a taken id, bad input or an unknown group, then 409, 400 and 404 with precise details', async () => {
    const duplicate = await send(engine, 'POST', '/v2/groups', { groupId: 'sales', name: 'Sales again' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'GROUP.ALREADY_EXISTS', detail: "A group with id 'sales' already exists" });

    const bad = await send(engine, 'POST', '/v2/groups', { groupId: 'a b', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.violations.map((v: any) => v.property).sort()).toEqual(['groupId', 'name']);

    for (const [method, path, body] of [
      ['GET', '/v2/groups/nope'],
      ['PUT', '/v2/groups/nope', { name: 'x', description: 'y' }],
      ['DELETE', '/v2/groups/nope'],
      ['PUT', '/v2/groups/nope/users/emma'],
      ['DELETE', '/v2/groups/nope/users/emma'],
      ['POST', '/v2/groups/nope/users/search', {}],
      ['POST', '/v2/groups/nope/roles/search', {}],
    ] as const) {
      const answer = await send(engine, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body).toMatchObject({ code: 'GROUP.NOT_FOUND', detail: "No group with id 'nope'" });
    }
    expect((await send(engine, 'POST', '/v2/groups', { groupId: 'x', name: 'X' }, 'anna')).status).toBe(403);
  });

  it('given members added and removed, then the group lists them, and candidate-group tasks follow', async () => {
    await send(engine, 'POST', '/v2/groups', { groupId: 'night-shift', name: 'Night shift' });
    expect((await send(engine, 'PUT', '/v2/groups/night-shift/users/frank')).status).toBe(204);
    expect((await send(engine, 'PUT', '/v2/groups/night-shift/users/emma')).status).toBe(204);

    const again = await send(engine, 'PUT', '/v2/groups/night-shift/users/frank');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'GROUP.ALREADY_MEMBER', detail: "User 'frank' is a member of group 'night-shift' already" });
    const unknownUser = await send(engine, 'PUT', '/v2/groups/night-shift/users/ghost');
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.body.code).toBe('USER.NOT_FOUND');

    const members = await send(engine, 'POST', '/v2/groups/night-shift/users/search', {});
    expect(members.status).toBe(200);
    expect(members.body).toMatchObject({ items: [{ username: 'emma' }, { username: 'frank' }], page: { totalItems: 2 } });
    const sorted = await send(engine, 'POST', '/v2/groups/night-shift/users/search', { sort: [{ field: 'username', order: 'DESC' }], page: { limit: 1 } });
    expect(sorted.body.items).toEqual([{ username: 'frank' }]);

    expect((await send(engine, 'GET', '/v2/authentication/me', undefined, 'frank')).body.groups).toEqual(['finance', 'night-shift']);

    expect((await send(engine, 'DELETE', '/v2/groups/night-shift/users/frank')).status).toBe(204);
    const notMember = await send(engine, 'DELETE', '/v2/groups/night-shift/users/frank');
    expect(notMember.status).toBe(404);
    expect(notMember.body).toMatchObject({ code: 'GROUP.MEMBER_NOT_FOUND', detail: "User 'frank' is not a member of group 'night-shift'" });
    expect((await send(engine, 'GET', '/v2/authentication/me', undefined, 'frank')).body.groups).toEqual(['finance']);
  });

  it('given groups, then search filters, sorts and pages them', async () => {
    const ids = async (body: unknown) => {
      const answer = await send(engine, 'POST', '/v2/groups/search', body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.items.map((g: any) => g.groupId);
    };
    expect(await ids({ filter: { groupId: { $in: ['sales', 'finance'] } } })).toEqual(['finance', 'sales']);
    expect(await ids({ filter: { name: 'Managers' } })).toEqual(['managers']);
    expect(await ids({ filter: { groupId: { $like: '*s' } }, sort: [{ field: 'name', order: 'DESC' }] })).toEqual(['sales', 'managers']);
    expect(await ids({ sort: [{ field: 'groupId' }], page: { from: 1, limit: 1 } })).toEqual(['managers']);
    expect((await send(engine, 'POST', '/v2/groups/search', { filter: { members: 'emma' } })).body.code).toBe('SEARCH.UNKNOWN_FILTER');
  });
});
