import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 12: roles over `/v2/roles` in Camunda 8.8's shapes: the four built-in roles, custom roles
 * with Baton permissions, roles given to users and to groups (a group's role applies to its members).
 */
let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine({ seedDemoData: true });
});
afterAll(async () => {
  await engine?.stop();
});

describe('built-in roles', () => {
  it('given a fresh engine, then the four built-in roles exist with their permissions and cannot be deleted', async () => {
    const { status, body } = await send(engine, 'POST', '/v2/roles/search', {});
    expect(status).toBe(200);
    expect(body.items.map((r: any) => r.roleId)).toEqual(['admin', 'analyst', 'employee', 'worker']);
    expect(body.items.every((r: any) => r.builtIn)).toBe(true);
    expect(body.items.find((r: any) => r.roleId === 'analyst').permissions).toEqual(['deployment:create', 'instance:start', 'instance:read']);

    const deleted = await send(engine, 'DELETE', '/v2/roles/employee');
    expect(deleted.status).toBe(409);
    expect(deleted.body).toMatchObject({ code: 'ROLE.BUILT_IN', detail: "Role 'employee' is built in and cannot be deleted" });

    const renamed = await send(engine, 'PUT', '/v2/roles/employee', { name: 'Staff', description: 'Everyone' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ roleId: 'employee', name: 'Staff', description: 'Everyone', builtIn: true });
    const repermissioned = await send(engine, 'PUT', '/v2/roles/employee', { name: 'Staff', description: 'Everyone', permissions: ['instance:read'] });
    expect(repermissioned.status).toBe(409);
    expect(repermissioned.body.code).toBe('ROLE.BUILT_IN');
  });
});

describe('custom roles', () => {
  it('given a custom role with permissions, then a user who has it may do what it lists, and nothing else', async () => {
    const created = await send(engine, 'POST', '/v2/roles', { roleId: 'auditor', name: 'Auditor', description: 'Reads instances', permissions: ['instance:read'] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ roleId: 'auditor', name: 'Auditor', description: 'Reads instances', permissions: ['instance:read'], builtIn: false });

    expect((await send(engine, 'POST', '/v2/process-instances/search', {}, 'frank')).status).toBe(403);
    expect((await send(engine, 'PUT', '/v2/roles/auditor/users/frank')).status).toBe(204);
    expect((await send(engine, 'POST', '/v2/process-instances/search', {}, 'frank')).status).toBe(200);
    const me = (await send(engine, 'GET', '/v2/authentication/me', undefined, 'frank')).body;
    expect(me.roles).toEqual(['auditor', 'employee']);
    expect(me.authorizedComponents).toEqual(['tasklist', 'operate']);
    // what the portal offers is read from these (employee's instance:start, the auditor's instance:read)
    expect(me.permissions).toEqual(['instance:start', 'instance:read']);
    expect((await send(engine, 'POST', '/v2/deployments', {}, 'frank')).status).toBe(403);

    const again = await send(engine, 'PUT', '/v2/roles/auditor/users/frank');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ROLE.ALREADY_ASSIGNED', detail: "User 'frank' has role 'auditor' already" });
    expect((await send(engine, 'POST', '/v2/roles/auditor/users/search', {})).body.items).toEqual([{ username: 'frank' }]);

    expect((await send(engine, 'DELETE', '/v2/roles/auditor/users/frank')).status).toBe(204);
    expect((await send(engine, 'POST', '/v2/process-instances/search', {}, 'frank')).status).toBe(403);
    const notAssigned = await send(engine, 'DELETE', '/v2/roles/auditor/users/frank');
    expect(notAssigned.status).toBe(404);
    expect(notAssigned.body.code).toBe('ROLE.ASSIGNMENT_NOT_FOUND');
  });

  it('given a role without permissions, then the answer says it grants nothing (an empty list)', async () => {
    const created = await send(engine, 'POST', '/v2/roles', { roleId: 'placeholder', name: 'Placeholder' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ roleId: 'placeholder', name: 'Placeholder', permissions: [], builtIn: false });
    const updated = await send(engine, 'PUT', '/v2/roles/placeholder', { name: 'Placeholder', description: 'now useful', permissions: ['instance:start', 'message:publish'] });
    expect(updated.body.permissions).toEqual(['instance:start', 'message:publish']);
    const kept = await send(engine, 'PUT', '/v2/roles/placeholder', { name: 'Placeholder', description: 'same permissions' });
    expect(kept.body.permissions).toEqual(['instance:start', 'message:publish']);
  });

  it('given a role given to a group, then its members have it, and lose it when it is taken away', async () => {
    await send(engine, 'POST', '/v2/roles', { roleId: 'deployer', name: 'Deployer', permissions: ['deployment:create'] });
    expect((await send(engine, 'PUT', '/v2/roles/deployer/groups/sales')).status).toBe(204);
    for (const user of ['emma', 'mia']) {
      const me = (await send(engine, 'GET', '/v2/authentication/me', undefined, user)).body;
      expect(me.roles, user).toContain('deployer');
      expect(me.authorizedComponents, user).toContain('modeler');
    }
    expect((await send(engine, 'GET', '/v2/authentication/me', undefined, 'frank')).body.roles).not.toContain('deployer');
    expect((await send(engine, 'POST', '/v2/roles/deployer/groups/search', {})).body).toMatchObject({ items: [{ groupId: 'sales' }], page: { totalItems: 1 } });
    expect((await send(engine, 'POST', '/v2/groups/sales/roles/search', {})).body.items.map((r: any) => r.roleId)).toEqual(['deployer']);
    expect((await send(engine, 'PUT', '/v2/roles/deployer/groups/sales')).body.code).toBe('ROLE.ALREADY_ASSIGNED');

    expect((await send(engine, 'DELETE', '/v2/roles/deployer/groups/sales')).status).toBe(204);
    expect((await send(engine, 'GET', '/v2/authentication/me', undefined, 'emma')).body.roles).toEqual(['employee']);
    expect((await send(engine, 'DELETE', '/v2/roles/deployer/groups/sales')).body.code).toBe('ROLE.ASSIGNMENT_NOT_FOUND');
  });

  it('given a custom role deleted, then its users and groups lose it', async () => {
    await send(engine, 'POST', '/v2/roles', { roleId: 'temporary', name: 'Temporary', permissions: ['instance:read'] });
    await send(engine, 'PUT', '/v2/roles/temporary/users/anna');
    await send(engine, 'PUT', '/v2/roles/temporary/groups/finance');
    expect((await send(engine, 'DELETE', '/v2/roles/temporary')).status).toBe(204);
    expect((await send(engine, 'GET', '/v2/roles/temporary')).status).toBe(404);
    expect((await send(engine, 'GET', '/v2/authentication/me', undefined, 'anna')).body.roles).toEqual(['analyst']);
    expect((await send(engine, 'GET', '/v2/authentication/me', undefined, 'frank')).body.roles).toEqual(['employee']);
  });

  it('given bad input, a taken id or unknown keys, then 400, 409 and 404 with precise details', async () => {
    const badPermission = await send(engine, 'POST', '/v2/roles', { roleId: 'bad', name: 'Bad', permissions: ['everything'] });
    expect(badPermission.status).toBe(400);
    expect(badPermission.body.detail).toContain('each value in permissions must be one of: deployment:create, identity:manage');
    expect([...new Set((await send(engine, 'POST', '/v2/roles', { roleId: 'no name' })).body.violations.map((v: any) => v.property))].sort()).toEqual(['name', 'roleId']);

    const duplicate = await send(engine, 'POST', '/v2/roles', { roleId: 'admin', name: 'Another admin' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'ROLE.ALREADY_EXISTS', detail: "A role with id 'admin' already exists" });

    for (const [method, path, body] of [
      ['GET', '/v2/roles/nope'],
      ['PUT', '/v2/roles/nope', { name: 'x', description: 'y' }],
      ['DELETE', '/v2/roles/nope'],
      ['PUT', '/v2/roles/nope/users/emma'],
      ['DELETE', '/v2/roles/nope/users/emma'],
      ['PUT', '/v2/roles/nope/groups/sales'],
      ['DELETE', '/v2/roles/nope/groups/sales'],
      ['POST', '/v2/roles/nope/users/search', {}],
      ['POST', '/v2/roles/nope/groups/search', {}],
    ] as const) {
      const answer = await send(engine, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body).toMatchObject({ code: 'ROLE.NOT_FOUND', detail: "No role with id 'nope'" });
    }
    expect((await send(engine, 'PUT', '/v2/roles/analyst/users/ghost')).body.code).toBe('USER.NOT_FOUND');
    expect((await send(engine, 'PUT', '/v2/roles/analyst/groups/ghosts')).body.code).toBe('GROUP.NOT_FOUND');
    expect((await send(engine, 'POST', '/v2/roles/search', { filter: { permissions: 'x' } })).body.code).toBe('SEARCH.UNKNOWN_FILTER');
    expect((await send(engine, 'POST', '/v2/roles', { roleId: 'x', name: 'X' }, 'mia')).status).toBe(403);
  });

  it('given roles, then search filters and sorts them by roleId and name', async () => {
    const answer = await send(engine, 'POST', '/v2/roles/search', { filter: { roleId: { $in: ['admin', 'worker', 'placeholder'] } }, sort: [{ field: 'name', order: 'DESC' }] });
    expect(answer.body.items.map((r: any) => r.roleId)).toEqual(['worker', 'placeholder', 'admin']);
    expect((await send(engine, 'POST', '/v2/roles/search', { filter: { name: 'Admin' } })).body.items.map((r: any) => r.roleId)).toEqual(['admin']);
    expect((await send(engine, 'POST', '/v2/roles/admin/users/search', {})).body.items).toEqual([{ username: 'demo' }]);
  });
});
