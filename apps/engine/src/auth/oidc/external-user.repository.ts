import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { GroupEntity, GroupMembershipEntity, RoleAssignmentEntity, UserEntity } from '#persistence';
import type { ClaimedIdentity } from './oidc-claims.js';

/**
 * What `identity_users.password_hash` holds for a user who signs in with the external provider:
 * not a PHC string, so no password ever verifies against it (argon2 refuses it).
 */
export const EXTERNAL_USER_PASSWORD_HASH = '!external:oidc';

/** Users of the external provider: created on first sign-in, their roles and groups replaced at each. */
@Injectable()
export class ExternalUserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates or updates the user with the claimed name, email, roles and groups, creating missing
   * groups. Returns 'local-user' and changes nothing when a user of that name has a local password.
   */
  async upsert(identity: ClaimedIdentity): Promise<'created' | 'updated' | 'local-user'> {
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
