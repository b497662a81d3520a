import { Inject, Injectable } from '@nestjs/common';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { ConflictError } from '../../common/errors/index.js';
import type { SearchRequestDto } from '../../common/search/search-request.dto.js';
import { AccessTokenRepository } from '../../auth/access-token.repository.js';
import { Authenticator } from '../../auth/authenticator.js';
import { EXTERNAL_USER_PASSWORD_HASH, IdentityRepository, type UserChanges } from '../../auth/identity.repository.js';
import { PasswordHasher } from '../../auth/password-hasher.js';
import type { Principal } from '../../auth/principal.js';
import { WALL_CLOCK, type Clock } from '../../infrastructure/clock.js';
import type { CreateUserRequestDto, UpdateUserRequestDto, UserDto, UserSearchResultDto } from '../dto/identity.dto.js';
import { checkPasswordPolicy, externalUserPassword, isDuplicateKey, lastAdmin, userNotFound } from '../identity-errors.js';
import { toUserDto } from '../identity.mapper.js';

/** `/v2/users`: create, read, change (name, email, password, enabled), delete and search users. */
@Injectable()
export class ManageUsersUseCase {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly tokens: AccessTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly authenticator: Authenticator,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  async create(request: CreateUserRequestDto): Promise<UserDto> {
    checkPasswordPolicy(request.password, this.config.auth.passwordMinLength);
    const user = { username: request.username, name: request.name ?? '', email: request.email ?? null, passwordHash: await this.hasher.hash(request.password) };
    try {
      await this.identities.insertUser(user);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ConflictError('USER.ALREADY_EXISTS', `A user with username '${request.username}' already exists`);
      throw error;
    }
    this.authenticator.forget(request.username);
    return toUserDto({ ...user, disabledAt: null });
  }

  async get(username: string): Promise<UserDto> {
    const user = await this.identities.getUser(username);
    if (!user) throw userNotFound(username);
    return toUserDto(user);
  }

  /**
   * Changes name, email, password (an admin's reset: the user's portal sign-ins end, all but the
   * caller's own) and `enabled` (disabling ends the user's sign-ins; their API tokens stop working
   * while disabled). Disabling the last enabled admin is refused.
   */
  async update(username: string, request: UpdateUserRequestDto, caller: Principal): Promise<UserDto> {
    const changes: UserChanges = {};
    if (request.name !== undefined) changes.name = request.name;
    if (request.email !== undefined) changes.email = request.email === '' ? null : request.email;
    const resetsPassword = request.password !== undefined && request.password !== '';
    if (resetsPassword) {
      checkPasswordPolicy(request.password!, this.config.auth.passwordMinLength);
      changes.passwordHash = await this.hasher.hash(request.password!);
    }
    const existing = await this.identities.getUser(username);
    if (!existing) throw userNotFound(username);
    if (resetsPassword && existing.passwordHash === EXTERNAL_USER_PASSWORD_HASH) throw externalUserPassword(username);
    const now = this.wallClock.now();
    if (request.enabled !== undefined && request.enabled === (existing.disabledAt !== null)) changes.disabledAt = request.enabled ? null : now;
    const disables = changes.disabledAt instanceof Date;

    const found = disables
      ? await this.identities.guardingAdmins((manager) => this.identities.updateUser(username, changes, manager), () => lastAdmin(`disabling user '${username}'`))
      : await this.identities.updateUser(username, changes);
    if (!found) throw userNotFound(username);
    this.authenticator.forget(username);
    if (disables || resetsPassword) {
      await this.tokens.revokeSessions(username, now, caller.username === username ? caller.tokenKey : undefined);
    }
    const updated = await this.identities.getUser(username);
    if (!updated) throw userNotFound(username);
    return toUserDto(updated);
  }

  async delete(username: string): Promise<void> {
    const deleted = await this.identities.guardingAdmins((manager) => this.identities.deleteUser(username, manager), () => lastAdmin(`deleting user '${username}'`));
    if (!deleted) throw userNotFound(username);
    this.authenticator.forget(username);
  }

  async search(request: SearchRequestDto): Promise<UserSearchResultDto> {
    const { rows, page } = await this.identities.searchUsers(request);
    return { items: rows.map(toUserDto), page };
  }

  /** Baton addition for the portal: the groups and roles given to the user directly. */
  async memberships(username: string): Promise<{ groups: string[]; roles: string[] }> {
    if (!(await this.identities.userExists(username))) throw userNotFound(username);
    return this.identities.directGroupsAndRoles(username);
  }
}
