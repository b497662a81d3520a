import type { GroupEntity, RoleEntity, UserEntity } from '#persistence';
import { isBuiltInRole, isPermission, permissionsOfBuiltInRole } from '../auth/permissions.js';
import type { GroupDto, RoleDto, UserDto } from './dto/identity.dto.js';

/** A user as Camunda answers it (optional members left out rather than null), plus `enabled`. */
export function toUserDto(user: Pick<UserEntity, 'username' | 'name' | 'email' | 'disabledAt'>): UserDto {
  return { username: user.username, name: user.name, ...(user.email ? { email: user.email } : {}), enabled: user.disabledAt === null };
}

export function toGroupDto(group: GroupEntity): GroupDto {
  return { groupId: group.groupId, name: group.name, ...(group.description ? { description: group.description } : {}) };
}

/** A role; a built-in role's permissions are its column of the permission table. */
export function toRoleDto(role: RoleEntity): RoleDto {
  const permissions = isBuiltInRole(role.roleId) ? permissionsOfBuiltInRole(role.roleId) : role.permissions.filter(isPermission);
  return {
    roleId: role.roleId,
    name: role.name,
    ...(role.description ? { description: role.description } : {}),
    permissions,
    builtIn: role.builtIn,
  };
}
