import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { GroupEntity, GroupMembershipEntity, GroupRoleEntity, RoleAssignmentEntity, RoleEntity, UserEntity } from '#persistence';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchPageResponseDto, SearchRequestDto } from '../common/search/search-request.dto.js';
import type { ClaimedIdentity } from './oidc/oidc-claims.js';
import { grantedPermissions, type Permission } from './permissions.js';

/**
 * What `identity_users.password_hash` holds for a user who signs in with the external provider:
 * not a PHC string, so no password ever verifies against it (argon2 refuses it).
 */
export const EXTERNAL_USER_PASSWORD_HASH = '!external:oidc';

/** A user with the roles and groups that decide what they may do. */
export interface UserRecord {
  username: string;
  name: string;
  email: string | null;
  passwordHash: string;
  /** Disabled users cannot sign in; their tokens stop working. */
  disabled: boolean;
  /** Role ids given to the user directly or through one of their groups. */
  roles: string[];
  groups: string[];
  /** What those roles grant. */
  permissions: Permission[];
}

/** The role that must always have an enabled holder (a user, directly or through a group). */
export const ADMIN_ROLE = 'admin';

/** A search's rows and page. */
export interface SearchResult<Row> {
  rows: Row[];
  page: SearchPageResponseDto;
}

export const USER_SEARCH: SearchDefinition = {
  entity: 'user',
  keyColumn: 'u.username',
  fields: {
    username: { column: 'u.username', type: 'string' },
    name: { column: 'u.name', type: 'string' },
    email: { column: 'u.email', type: 'string' },
    enabled: { column: '(u.disabled_at IS NULL)', type: 'boolean', sortable: false },
  },
};

export const GROUP_SEARCH: SearchDefinition = {
  entity: 'group',
  keyColumn: 'g.group_id',
  fields: {
    groupId: { column: 'g.group_id', type: 'string' },
    name: { column: 'g.name', type: 'string' },
  },
};

export const ROLE_SEARCH: SearchDefinition = {
  entity: 'role',
  keyColumn: 'r.role_id',
  fields: {
    roleId: { column: 'r.role_id', type: 'string' },
    name: { column: 'r.name', type: 'string' },
  },
};

export const MEMBER_SEARCH: SearchDefinition = { entity: 'group member', keyColumn: 'm.username', fields: { username: { column: 'm.username', type: 'string' } } };
export const ROLE_USER_SEARCH: SearchDefinition = { entity: 'user of a role', keyColumn: 'a.username', fields: { username: { column: 'a.username', type: 'string' } } };
export const ROLE_GROUP_SEARCH: SearchDefinition = { entity: 'group of a role', keyColumn: 'gr.group_id', fields: { groupId: { column: 'gr.group_id', type: 'string' } } };

/** What a change may set on a user; absent members stay as they are. */
export interface UserChanges {
  name?: string;
  email?: string | null;
  passwordHash?: string;
  disabledAt?: Date | null;
}

/**
 * Reads and writes users, groups, memberships, roles and role assignments (the owner of the
 * `identity_*` tables). Changes that could leave nobody able to administer Baton run through
 * {@link guardingAdmins}.
 */
@Injectable()
export class IdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The user with their effective roles (direct and through groups), groups and permissions. */
  async findUser(username: string): Promise<UserRecord | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    if (!user) return null;
    const [roles, memberships] = await Promise.all([
      this.dataSource.query<Array<{ role_id: string; permissions: string | string[] }>>(
        `SELECT r.role_id, r.permissions FROM identity_roles r
          WHERE r.role_id IN (SELECT a.role_id FROM identity_user_roles a WHERE a.username = ?)
             OR r.role_id IN (SELECT gr.role_id FROM identity_group_roles gr JOIN identity_group_members gm ON gm.group_id = gr.group_id WHERE gm.username = ?)
          ORDER BY r.role_id`,
        [username, username],
      ),
      this.dataSource.getRepository(GroupMembershipEntity).findBy({ username }),
    ]);
    const effective = roles.map((r) => ({ roleId: r.role_id, permissions: parseJsonList(r.permissions) }));
    return {
      username: user.username,
      name: user.name,
      email: user.email,
      passwordHash: user.passwordHash,
      disabled: user.disabledAt !== null,
      roles: effective.map((r) => r.roleId),
      groups: memberships.map((m) => m.groupId).sort(),
      permissions: grantedPermissions(effective),
    };
  }

  async userExists(username: string): Promise<boolean> {
    return (await this.dataSource.getRepository(UserEntity).countBy({ username })) > 0;
  }

  getUser(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username });
  }

  /**
   * Creates the user with roles and group memberships, creating missing groups (the demo seed and
   * the first admin). Throws mysql2's ER_DUP_ENTRY when the name is taken.
   */
  async createUser(user: { username: string; name: string; email: string | null; passwordHash: string; roles: string[]; groups: string[] }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(UserEntity, { username: user.username, name: user.name, email: user.email, passwordHash: user.passwordHash, disabledAt: null });
      if (user.roles.length > 0) {
        await manager.insert(RoleAssignmentEntity, user.roles.map((roleId) => ({ username: user.username, roleId })));
      }
      if (user.groups.length > 0) {
        const existing = await manager.findBy(GroupEntity, { groupId: In(user.groups) });
        const missing = user.groups.filter((g) => !existing.some((e) => e.groupId === g));
        if (missing.length > 0) await manager.insert(GroupEntity, missing.map((groupId) => ({ groupId, name: groupId, description: null })));
        await manager.insert(GroupMembershipEntity, user.groups.map((groupId) => ({ groupId, username: user.username })));
      }
    });
  }

  /** Creates the group when missing; returns true when it was created. */
  async ensureGroup(groupId: string, name: string): Promise<boolean> {
    const result = await this.dataSource.createQueryBuilder().insert().into(GroupEntity).values({ groupId, name, description: null }).orIgnore().execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 1;
  }

  /** How many enabled users hold the admin role, directly or through a group. */
  async countEnabledAdmins(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query<Array<{ admins: string | number }>>(
      `SELECT COUNT(*) AS admins FROM identity_users u
        WHERE u.disabled_at IS NULL
          AND (EXISTS (SELECT 1 FROM identity_user_roles a WHERE a.username = u.username AND a.role_id = ?)
            OR EXISTS (SELECT 1 FROM identity_group_members gm JOIN identity_group_roles gr ON gr.group_id = gm.group_id WHERE gm.username = u.username AND gr.role_id = ?))`,
      [ADMIN_ROLE, ADMIN_ROLE],
    );
    return Number(row?.admins ?? 0);
  }

  /**
   * Runs `change` in a transaction that fails with `refuse()`'s error, changing nothing, when it
   * took the last enabled holder of the admin role away. Such changes take the admin role's row
   * lock first, so two of them (removing two different admins) cannot both see the other admin.
   */
  async guardingAdmins<T>(change: (manager: EntityManager) => Promise<T>, refuse: () => Error): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT role_id FROM identity_roles WHERE role_id = ? FOR UPDATE', [ADMIN_ROLE]);
      const before = await this.countEnabledAdmins(manager);
      const result = await change(manager);
      if (before > 0 && (await this.countEnabledAdmins(manager)) === 0) throw refuse();
      return result;
    });
  }

  // --- users -----------------------------------------------------------------------------------

  insertUser(user: { username: string; name: string; email: string | null; passwordHash: string }): Promise<unknown> {
    return this.dataSource.getRepository(UserEntity).insert({ ...user, disabledAt: null });
  }

  /** Applies the changes; false when there is no such user. */
  async updateUser(username: string, changes: UserChanges, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (Object.keys(changes).length === 0) return (await manager.countBy(UserEntity, { username })) > 0;
    const result = await manager.update(UserEntity, { username }, changes);
    return (result.affected ?? 0) > 0 || (await manager.countBy(UserEntity, { username })) > 0;
  }

  async deleteUser(username: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.delete(UserEntity, { username });
    return (result.affected ?? 0) > 0;
  }

  searchUsers(request: SearchRequestDto): Promise<SearchResult<UserEntity>> {
    return new SearchQuery(USER_SEARCH, this.dataSource.getRepository(UserEntity).createQueryBuilder('u')).run(request);
  }

  /** The groups and roles given directly to a user (the portal's user page). */
  async directGroupsAndRoles(username: string): Promise<{ groups: string[]; roles: string[] }> {
    const [memberships, assignments] = await Promise.all([
      this.dataSource.getRepository(GroupMembershipEntity).find({ where: { username }, order: { groupId: 'ASC' } }),
      this.dataSource.getRepository(RoleAssignmentEntity).find({ where: { username }, order: { roleId: 'ASC' } }),
    ]);
    return { groups: memberships.map((m) => m.groupId), roles: assignments.map((a) => a.roleId) };
  }

  // --- groups ----------------------------------------------------------------------------------

  getGroup(groupId: string): Promise<GroupEntity | null> {
    return this.dataSource.getRepository(GroupEntity).findOneBy({ groupId });
  }

  insertGroup(group: { groupId: string; name: string; description: string | null }): Promise<unknown> {
    return this.dataSource.getRepository(GroupEntity).insert(group);
  }

  async updateGroup(groupId: string, changes: { name: string; description: string | null }): Promise<boolean> {
    const result = await this.dataSource.getRepository(GroupEntity).update({ groupId }, changes);
    return (result.affected ?? 0) > 0 || (await this.getGroup(groupId)) !== null;
  }

  async deleteGroup(groupId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.delete(GroupEntity, { groupId });
    return (result.affected ?? 0) > 0;
  }

  searchGroups(request: SearchRequestDto): Promise<SearchResult<GroupEntity>> {
    return new SearchQuery(GROUP_SEARCH, this.dataSource.getRepository(GroupEntity).createQueryBuilder('g')).run(request);
  }

  async isMember(groupId: string, username: string): Promise<boolean> {
    return (await this.dataSource.getRepository(GroupMembershipEntity).countBy({ groupId, username })) > 0;
  }

  /** Adds the member; false when they already were one. */
  async addMember(groupId: string, username: string): Promise<boolean> {
    const result = await this.dataSource.createQueryBuilder().insert().into(GroupMembershipEntity).values({ groupId, username }).orIgnore().execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 1;
  }

  async removeMember(groupId: string, username: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.delete(GroupMembershipEntity, { groupId, username });
    return (result.affected ?? 0) > 0;
  }

  searchMembers(groupId: string, request: SearchRequestDto): Promise<SearchResult<GroupMembershipEntity>> {
    const qb = this.dataSource.getRepository(GroupMembershipEntity).createQueryBuilder('m').where('m.group_id = :groupId', { groupId });
    return new SearchQuery(MEMBER_SEARCH, qb).run(request);
  }

  searchRolesOfGroup(groupId: string, request: SearchRequestDto): Promise<SearchResult<RoleEntity>> {
    const qb = this.dataSource
      .getRepository(RoleEntity)
      .createQueryBuilder('r')
      .where('r.role_id IN (SELECT gr.role_id FROM identity_group_roles gr WHERE gr.group_id = :groupId)', { groupId });
    return new SearchQuery(ROLE_SEARCH, qb).run(request);
  }

  // --- roles -----------------------------------------------------------------------------------

  getRole(roleId: string): Promise<RoleEntity | null> {
    return this.dataSource.getRepository(RoleEntity).findOneBy({ roleId });
  }

  insertRole(role: { roleId: string; name: string; description: string | null; permissions: string[] }): Promise<unknown> {
    return this.dataSource.getRepository(RoleEntity).insert({ ...role, builtIn: false });
  }

  async updateRole(roleId: string, changes: { name: string; description: string | null; permissions?: string[] }): Promise<boolean> {
    const result = await this.dataSource.getRepository(RoleEntity).update({ roleId }, changes);
    return (result.affected ?? 0) > 0 || (await this.getRole(roleId)) !== null;
  }

  async deleteRole(roleId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(RoleEntity).delete({ roleId, builtIn: false });
    return (result.affected ?? 0) > 0;
  }

  searchRoles(request: SearchRequestDto): Promise<SearchResult<RoleEntity>> {
    return new SearchQuery(ROLE_SEARCH, this.dataSource.getRepository(RoleEntity).createQueryBuilder('r')).run(request);
  }

  /** Gives the role to the user; false when they already had it. */
  async assignRoleToUser(roleId: string, username: string): Promise<boolean> {
    const result = await this.dataSource.createQueryBuilder().insert().into(RoleAssignmentEntity).values({ roleId, username }).orIgnore().execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 1;
  }

  async unassignRoleFromUser(roleId: string, username: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.delete(RoleAssignmentEntity, { roleId, username });
    return (result.affected ?? 0) > 0;
  }

  async assignRoleToGroup(roleId: string, groupId: string): Promise<boolean> {
    const result = await this.dataSource.createQueryBuilder().insert().into(GroupRoleEntity).values({ roleId, groupId }).orIgnore().execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 1;
  }

  async unassignRoleFromGroup(roleId: string, groupId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.delete(GroupRoleEntity, { roleId, groupId });
    return (result.affected ?? 0) > 0;
  }

  searchUsersOfRole(roleId: string, request: SearchRequestDto): Promise<SearchResult<RoleAssignmentEntity>> {
    const qb = this.dataSource.getRepository(RoleAssignmentEntity).createQueryBuilder('a').where('a.role_id = :roleId', { roleId });
    return new SearchQuery(ROLE_USER_SEARCH, qb).run(request);
  }

  searchGroupsOfRole(roleId: string, request: SearchRequestDto): Promise<SearchResult<GroupRoleEntity>> {
    const qb = this.dataSource.getRepository(GroupRoleEntity).createQueryBuilder('gr').where('gr.role_id = :roleId', { roleId });
    return new SearchQuery(ROLE_GROUP_SEARCH, qb).run(request);
  }

  // --- Users of the external OpenID Connect provider (auth/oidc) ---

  /**
   * Creates or updates the user with the claimed name, email, roles and groups, creating missing
   * groups. Returns 'local-user' and changes nothing when a user of that name has a local password.
   */
  async upsertExternalUser(identity: ClaimedIdentity): Promise<'created' | 'updated' | 'local-user'> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(UserEntity, { where: { username: identity.username }, lock: { mode: 'pessimistic_write' } });
      if (existing && existing.passwordHash !== EXTERNAL_USER_PASSWORD_HASH) return 'local-user';
      if (existing) {
        await manager.update(UserEntity, { username: identity.username }, { name: identity.name, email: identity.email });
        await manager.delete(RoleAssignmentEntity, { username: identity.username });
        await manager.delete(GroupMembershipEntity, { username: identity.username });
      } else {
        await manager.insert(UserEntity, { username: identity.username, name: identity.name, email: identity.email, passwordHash: EXTERNAL_USER_PASSWORD_HASH });
      }
      if (identity.roles.length > 0) {
        await manager.insert(RoleAssignmentEntity, identity.roles.map((roleId) => ({ username: identity.username, roleId })));
      }
      if (identity.groups.length > 0) {
        const known = await manager.findBy(GroupEntity, { groupId: In(identity.groups) });
        const missing = identity.groups.filter((groupId) => !known.some((group) => group.groupId === groupId));
        if (missing.length > 0) {
          await manager.createQueryBuilder().insert().into(GroupEntity).values(missing.map((groupId) => ({ groupId, name: groupId }))).orIgnore().execute();
        }
        await manager.insert(GroupMembershipEntity, identity.groups.map((groupId) => ({ groupId, username: identity.username })));
      }
      return existing ? 'updated' : 'created';
    });
  }
}

/** A JSON column as mysql2 returns it from a raw query: parsed on MySQL, a string on MariaDB. */
function parseJsonList(value: string | string[]): string[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}
