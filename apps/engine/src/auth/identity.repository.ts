import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { GroupEntity, GroupMembershipEntity, RoleAssignmentEntity, ROLES, type Role, UserEntity } from '#persistence';

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
}
