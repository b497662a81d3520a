import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/errors/index.js';
import type { SearchRequestDto } from '../../common/search/search-request.dto.js';
import { Authenticator } from '../../auth/authenticator.js';
import { IdentityRepository } from '../../auth/identity.repository.js';
import type { CreateRoleRequestDto, GroupIdSearchResultDto, RoleDto, RoleSearchResultDto, UpdateRoleRequestDto, UsernameSearchResultDto } from '../dto/identity.dto.js';
import { groupNotFound, isDuplicateKey, lastAdmin, roleNotFound, userNotFound } from '../identity-errors.js';
import { toRoleDto } from '../identity.mapper.js';

/**
 * `/v2/roles`: the four built-in roles (their permissions are fixed, they cannot be deleted) and
 * custom ones with the Baton permissions they list; roles given to users and to groups.
 */
@Injectable()
export class ManageRolesUseCase {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly authenticator: Authenticator,
  ) {}

  async create(request: CreateRoleRequestDto): Promise<RoleDto> {
    const role = { roleId: request.roleId, name: request.name, description: request.description ?? null, permissions: request.permissions ?? [] };
    try {
      await this.identities.insertRole(role);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError('ROLE.ALREADY_EXISTS', `A role with id '${request.roleId}' already exists`);
      throw error;
    }
    return toRoleDto({ ...role, builtIn: false });
  }

  async get(roleId: string): Promise<RoleDto> {
    return toRoleDto(await this.requireRole(roleId));
  }

  async update(roleId: string, request: UpdateRoleRequestDto): Promise<RoleDto> {
    const role = await this.requireRole(roleId);
    if (role.builtIn && request.permissions !== undefined) {
      throw new ConflictError('ROLE.BUILT_IN', `Role '${roleId}' is built in: its permissions are fixed (docs/security.md); create a custom role with the permissions wanted`);
    }
    const changes = { name: request.name, description: request.description === '' ? null : request.description, ...(request.permissions ? { permissions: request.permissions } : {}) };
    if (!(await this.identities.updateRole(roleId, changes))) throw roleNotFound(roleId);
    this.authenticator.forgetAll();
    return toRoleDto({ ...role, ...changes });
  }

  async delete(roleId: string): Promise<void> {
    const role = await this.requireRole(roleId);
    if (role.builtIn) throw new ConflictError('ROLE.BUILT_IN', `Role '${roleId}' is built in and cannot be deleted`);
    if (!(await this.identities.deleteRole(roleId))) throw roleNotFound(roleId);
    this.authenticator.forgetAll();
  }

  async search(request: SearchRequestDto): Promise<RoleSearchResultDto> {
    const { rows, page } = await this.identities.searchRoles(request);
    return { items: rows.map(toRoleDto), page };
  }

  async assignToUser(roleId: string, username: string): Promise<void> {
    await this.requireRole(roleId);
    if (!(await this.identities.userExists(username))) throw userNotFound(username);
    if (!(await this.identities.assignRoleToUser(roleId, username))) {
      throw new ConflictError('ROLE.ALREADY_ASSIGNED', `User '${username}' has role '${roleId}' already`);
    }
    this.authenticator.forget(username);
  }

  async unassignFromUser(roleId: string, username: string): Promise<void> {
    await this.requireRole(roleId);
    if (!(await this.identities.userExists(username))) throw userNotFound(username);
    const removed = await this.identities.guardingAdmins(
      (manager) => this.identities.unassignRoleFromUser(roleId, username, manager),
      () => lastAdmin(`taking role '${roleId}' from user '${username}'`),
    );
    if (!removed) throw new NotFoundError('ROLE.ASSIGNMENT_NOT_FOUND', `User '${username}' does not have role '${roleId}' (given directly)`);
    this.authenticator.forget(username);
  }

  async assignToGroup(roleId: string, groupId: string): Promise<void> {
    await this.requireRole(roleId);
    if (!(await this.identities.getGroup(groupId))) throw groupNotFound(groupId);
    if (!(await this.identities.assignRoleToGroup(roleId, groupId))) {
      throw new ConflictError('ROLE.ALREADY_ASSIGNED', `Group '${groupId}' has role '${roleId}' already`);
    }
    this.authenticator.forgetAll();
  }

  async unassignFromGroup(roleId: string, groupId: string): Promise<void> {
    await this.requireRole(roleId);
    if (!(await this.identities.getGroup(groupId))) throw groupNotFound(groupId);
    const removed = await this.identities.guardingAdmins(
      (manager) => this.identities.unassignRoleFromGroup(roleId, groupId, manager),
      () => lastAdmin(`taking role '${roleId}' from group '${groupId}'`),
    );
    if (!removed) throw new NotFoundError('ROLE.ASSIGNMENT_NOT_FOUND', `Group '${groupId}' does not have role '${roleId}'`);
    this.authenticator.forgetAll();
  }

  async searchUsers(roleId: string, request: SearchRequestDto): Promise<UsernameSearchResultDto> {
    await this.requireRole(roleId);
    const { rows, page } = await this.identities.searchUsersOfRole(roleId, request);
    return { items: rows.map((a) => ({ username: a.username })), page };
  }

  async searchGroups(roleId: string, request: SearchRequestDto): Promise<GroupIdSearchResultDto> {
    await this.requireRole(roleId);
    const { rows, page } = await this.identities.searchGroupsOfRole(roleId, request);
    return { items: rows.map((g) => ({ groupId: g.groupId })), page };
  }

  private async requireRole(roleId: string) {
    const role = await this.identities.getRole(roleId);
    if (!role) throw roleNotFound(roleId);
    return role;
  }
}
