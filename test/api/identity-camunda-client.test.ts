import createCamundaClient from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../support/process-api.js';
import { basicAuth, startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 12: Camunda's own npm client, validating every request and response strictly, manages
 * users, groups and roles against Baton — Baton's extra members (`enabled`, `permissions`,
 * `builtIn`) do not disturb it.
 */
let engine: TestEngine;
let client: ReturnType<typeof createCamundaClient>;
const now = { consistency: { waitUpToMs: 0 } } as never;

beforeAll(async () => {
  engine = await startTestEngine({ seedDemoData: true });
  client = createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: engine.url,
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'demo',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'demo',
      CAMUNDA_SDK_VALIDATION: 'strict',
      CAMUNDA_SDK_LOG_LEVEL: 'error',
    } as never,
  });
});
afterAll(async () => {
  await engine?.stop();
});

describe("Camunda's client on /v2/users, /v2/groups, /v2/roles", () => {
  it('given strict validation, then a user, a group and a role are created, connected, read and searched', async () => {
    expect(await client.createUser({ username: 'olga', password: 'olga has a long password', name: 'Olga Ops', email: 'olga@example.com' } as never, now)).toMatchObject({ username: 'olga', name: 'Olga Ops', email: 'olga@example.com' });
    expect(await client.createGroup({ groupId: 'ops', name: 'Operations', description: 'Runs things' } as never)).toMatchObject({ groupId: 'ops', name: 'Operations', description: 'Runs things' });
    expect(await client.createRole({ roleId: 'watcher', name: 'Watcher', description: 'Looks only' } as never)).toMatchObject({ roleId: 'watcher', name: 'Watcher' });

    await client.assignUserToGroup({ groupId: 'ops', username: 'olga' } as never);
    await client.assignRoleToGroup({ roleId: 'analyst', groupId: 'ops' } as never);
    await client.assignRoleToUser({ roleId: 'watcher', username: 'olga' } as never);

    expect(await client.getUser({ username: 'olga' } as never, now)).toMatchObject({ username: 'olga', name: 'Olga Ops' });
    expect(await client.getGroup({ groupId: 'ops' } as never, now)).toMatchObject({ groupId: 'ops', name: 'Operations' });
    expect(await client.getRole({ roleId: 'watcher' } as never, now)).toMatchObject({ roleId: 'watcher', name: 'Watcher' });
    expect(((await client.searchUsers({ filter: { username: 'olga' } } as never, now)) as any).items).toHaveLength(1);
    expect(((await client.searchGroups({ filter: { groupId: 'ops' } } as never, now)) as any).items.map((g: any) => g.groupId)).toEqual(['ops']);
    expect(((await client.searchRoles({ sort: [{ field: 'roleId', order: 'ASC' }] } as never, now)) as any).items.map((r: any) => r.roleId)).toEqual(['admin', 'analyst', 'employee', 'watcher', 'worker']);
    expect(((await client.searchUsersForGroup({ groupId: 'ops' } as never, now)) as any).items).toEqual([{ username: 'olga' }]);
    expect(((await client.searchUsersForRole({ roleId: 'watcher' } as never, now)) as any).items).toEqual([{ username: 'olga' }]);
    expect(((await client.searchGroupsForRole({ roleId: 'analyst' } as never, now)) as any).items).toEqual([{ groupId: 'ops' }]);

    expect(await client.updateUser({ username: 'olga', name: 'Olga Operations', email: 'ops@example.com' } as never, now)).toMatchObject({ name: 'Olga Operations' });

    // The role given to her group applies: she may open Operate, with her own password.
    const me = await engine.request('/v2/authentication/me', { user: null, headers: { Authorization: basicAuth('olga', 'olga has a long password') } });
    expect(await me.json()).toMatchObject({ roles: ['analyst', 'watcher'], groups: ['ops'], authorizedComponents: ['tasklist', 'operate', 'modeler'] });

    await client.deleteUser({ username: 'olga' } as never, now);
    expect((await send(engine, 'GET', '/v2/users/olga')).status).toBe(404);
  });

  it('given a duplicate user, then the client reports a 409 problem', async () => {
    await expect(client.createUser({ username: 'demo', password: 'a long enough password' } as never, now)).rejects.toMatchObject({ status: 409 });
  });
});
