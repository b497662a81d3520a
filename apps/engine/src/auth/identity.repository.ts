import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { GroupEntity, GroupMembershipEntity, RoleAssignmentEntity, ROLES, type Role, UserEntity } from '#persistence';
import type { ClaimedIdentity } from './oidc/oidc-claims.js';

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
  roles: Role[];
  groups: string[];
}

/** Reads and writes users, groups, memberships and role assignments. */
@Injectable()
export class IdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findUser(username: string): Promise<UserRecord | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    if (!user) return null;
    const [roles, memberships] = await Promise.all([
      this.dataSource.getRepository(RoleAssignmentEntity).findBy({ username }),
      this.dataSource.getRepository(GroupMembershipEntity).findBy({ username }),
    ]);
    return {
      username: user.username,
      name: user.name,
      email: user.email,
      passwordHash: user.passwordHash,
      roles: roles.map((r) => r.roleId).filter((role): role is Role => (ROLES as readonly string[]).includes(role)).sort(),
      groups: memberships.map((m) => m.groupId).sort(),
    };
  }

  async userExists(username: string): Promise<boolean> {
    return (await this.dataSource.getRepository(UserEntity).countBy({ username })) > 0;
  }

  /** Creates the user with roles and group memberships, creating missing groups. */
  async createUser(user: { username: string; name: string; email: string | null; passwordHash: string; roles: Role[]; groups: string[] }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(UserEntity, { username: user.username, name: user.name, email: user.email, passwordHash: user.passwordHash });
      if (user.roles.length > 0) {
        await manager.insert(RoleAssignmentEntity, user.roles.map((roleId) => ({ username: user.username, roleId })));
      }
      if (user.groups.length > 0) {
        const existing = await manager.findBy(GroupEntity, { groupId: In(user.groups) });
        const missing = user.groups.filter((g) => !existing.some((e) => e.groupId === g));
        if (missing.length > 0) await manager.insert(GroupEntity, missing.map((groupId) => ({ groupId, name: groupId })));
        await manager.insert(GroupMembershipEntity, user.groups.map((groupId) => ({ groupId, username: user.username })));
      }
    });
  }

  /** Creates the group when missing; returns true when it was created. */
  async ensureGroup(groupId: string, name: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(GroupEntity)
      .values({ groupId, name })
      .orIgnore()
      .execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 1;
  }

  async searchUsers(): Promise<Array<{ username: string; name: string; email: string | null }>> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.map((u) => ({ username: u.username, name: u.name, email: u.email }));
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
