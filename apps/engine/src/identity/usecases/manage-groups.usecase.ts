import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/errors/index.js';
import type { SearchRequestDto } from '../../common/search/search-request.dto.js';
import { Authenticator } from '../../auth/authenticator.js';
import { IdentityRepository } from '../../auth/identity.repository.js';
import type { CreateGroupRequestDto, GroupDto, GroupSearchResultDto, RoleSearchResultDto, UpdateGroupRequestDto, UsernameSearchResultDto } from '../dto/identity.dto.js';
import { groupNotFound, isDuplicateKey, lastAdmin, userNotFound } from '../identity-errors.js';
import { toGroupDto, toRoleDto } from '../identity.mapper.js';

/** `/v2/groups`: groups, their members, and the roles given to them. */
@Injectable()
export class ManageGroupsUseCase {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly authenticator: Authenticator,
  ) {}

  async create(request: CreateGroupRequestDto): Promise<GroupDto> {
    const group = { groupId: request.groupId, name: request.name, description: request.description ?? null };
    try {
      await this.identities.insertGroup(group);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError('GROUP.ALREADY_EXISTS', `A group with id '${request.groupId}' already exists`);
      throw error;
    }
    return toGroupDto(group);
  }

  async get(groupId: string): Promise<GroupDto> {
    const group = await this.identities.getGroup(groupId);
    if (!group) throw groupNotFound(groupId);
    return toGroupDto(group);
  }

  async update(groupId: string, request: UpdateGroupRequestDto): Promise<GroupDto> {
    const changes = { name: request.name, description: request.description === '' ? null : request.description };
    if (!(await this.identities.updateGroup(groupId, changes))) throw groupNotFound(groupId);
    return toGroupDto({ groupId, ...changes });
  }

  /** Deletes the group: its members lose the roles it gave them (refused when that was the last admin). */
  async delete(groupId: string): Promise<void> {
    const deleted = await this.identities.guardingAdmins((manager) => this.identities.deleteGroup(groupId, manager), () => lastAdmin(`deleting group '${groupId}'`));
    if (!deleted) throw groupNotFound(groupId);
    this.authenticator.forgetAll();
  }

  async search(request: SearchRequestDto): Promise<GroupSearchResultDto> {
    const { rows, page } = await this.identities.searchGroups(request);
    return { items: rows.map(toGroupDto), page };
  }

  async addMember(groupId: string, username: string): Promise<void> {
    await this.requireGroupAndUser(groupId, username);
    if (!(await this.identities.addMember(groupId, username))) {
      throw new ConflictError('GROUP.ALREADY_MEMBER', `User '${username}' is a member of group '${groupId}' already`);
    }
    this.authenticator.forget(username);
  }

  async removeMember(groupId: string, username: string): Promise<void> {
    await this.requireGroupAndUser(groupId, username);
    const removed = await this.identities.guardingAdmins(
      (manager) => this.identities.removeMember(groupId, username, manager),
      () => lastAdmin(`removing user '${username}' from group '${groupId}'`),
    );
    if (!removed) throw new NotFoundError('GROUP.MEMBER_NOT_FOUND', `User '${username}' is not a member of group '${groupId}'`);
    this.authenticator.forget(username);
  }

  async searchMembers(groupId: string, request: SearchRequestDto): Promise<UsernameSearchResultDto> {
    if (!(await this.identities.getGroup(groupId))) throw groupNotFound(groupId);
    const { rows, page } = await this.identities.searchMembers(groupId, request);
    return { items: rows.map((m) => ({ username: m.username })), page };
  }

  async searchRoles(groupId: string, request: SearchRequestDto): Promise<RoleSearchResultDto> {
    if (!(await this.identities.getGroup(groupId))) throw groupNotFound(groupId);
    const { rows, page } = await this.identities.searchRolesOfGroup(groupId, request);
    return { items: rows.map(toRoleDto), page };
  }

  private async requireGroupAndUser(groupId: string, username: string): Promise<void> {
    const [group, userExists] = await Promise.all([this.identities.getGroup(groupId), this.identities.userExists(username)]);
    if (!group) throw groupNotFound(groupId);
    if (!userExists) throw userNotFound(username);
  }
}
