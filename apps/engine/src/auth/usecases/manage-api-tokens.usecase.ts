import { Inject, Injectable } from '@nestjs/common';
import { KeyGenerator } from '#engine-core';
import type { AccessTokenEntity } from '#persistence';
import { NotFoundError } from '../../common/errors/index.js';
import { WALL_CLOCK, type Clock } from '../../infrastructure/clock.js';
import { AccessTokenRepository } from '../access-token.repository.js';
import { hashTokenSecret, newTokenSecret } from '../access-tokens.js';
import type { SearchRequestDto } from '../../common/search/search-request.dto.js';
import type { ApiTokenDto, ApiTokenSearchResultDto, CreateApiTokenRequestDto, CreatedApiTokenDto } from '../dto/api-token.dto.js';
import { credentialOwnerAndExpiry } from '../credential-owner.js';
import { IdentityRepository } from '../identity.repository.js';
import type { Principal } from '../principal.js';

/** API tokens for systems: created by an admin, acting as a user, revocable. */
@Injectable()
export class ManageApiTokensUseCase {
  constructor(
    private readonly tokens: AccessTokenRepository,
    private readonly identities: IdentityRepository,
    private readonly keys: KeyGenerator,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
  ) {}

  async create(request: CreateApiTokenRequestDto, caller: Principal): Promise<CreatedApiTokenDto> {
    const now = this.wallClock.now();
    const { username, expiresAt } = await credentialOwnerAndExpiry(this.identities, request, caller, now, { noun: 'token', expiryInPastCode: 'API_TOKEN.EXPIRY_IN_PAST' });
    const secret = newTokenSecret('api');
    const row = {
      tokenKey: this.keys.next(),
      kind: 'api' as const,
      name: request.name,
      username,
      secretHash: hashTokenSecret(secret),
      createdAt: now,
      createdBy: caller.username,
      expiresAt,
    };
    await this.tokens.insert(row);
    return { ...toDto({ ...row, lastUsedAt: null, revokedAt: null }), token: secret };
  }

  /** Searches API tokens (filter, sort, page as every search); their secrets are never stored, so never shown. */
  async search(request: SearchRequestDto): Promise<ApiTokenSearchResultDto> {
    const { rows, page } = await this.tokens.searchApiTokens(request);
    return { items: rows.map(toDto), page };
  }

  async revoke(apiTokenKey: string): Promise<void> {
    const token = await this.tokens.findByKey(apiTokenKey, 'api');
    if (!token) throw new NotFoundError('API_TOKEN.NOT_FOUND', `No API token with key ${apiTokenKey}`);
    await this.tokens.revoke(apiTokenKey, this.wallClock.now());
  }
}

function toDto(token: Omit<AccessTokenEntity, 'clientKey'>): ApiTokenDto {
  return {
    apiTokenKey: token.tokenKey,
    name: token.name,
    username: token.username,
    createdBy: token.createdBy,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
