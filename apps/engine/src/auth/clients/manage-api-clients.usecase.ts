import { Inject, Injectable } from '@nestjs/common';
import { KeyGenerator } from '#engine-core';
import type { ApiClientEntity } from '#persistence';
import { ConflictError, InvalidArgumentError, NotFoundError } from '../../common/errors/index.js';
import type { SearchRequestDto } from '../../common/search/search-request.dto.js';
import { WALL_CLOCK, type Clock } from '../../infrastructure/clock.js';
import { AccessTokenRepository } from '../access-token.repository.js';
import { hashTokenSecret, newClientSecret } from '../access-tokens.js';
import { credentialOwnerAndExpiry } from '../credential-owner.js';
import { IdentityRepository } from '../identity.repository.js';
import type { Principal } from '../principal.js';
import type { ApiClientDto, ApiClientSearchResultDto, CreateApiClientRequestDto, CreatedApiClientDto } from './api-client.dto.js';
import { ApiClientRepository } from './api-client.repository.js';

/** API clients of Baton's token endpoint: created by an admin, acting as a user, revocable. */
@Injectable()
export class ManageApiClientsUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly tokens: AccessTokenRepository,
    private readonly identities: IdentityRepository,
    private readonly keys: KeyGenerator,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
  ) {}

  async create(request: CreateApiClientRequestDto, caller: Principal): Promise<CreatedApiClientDto> {
    const now = this.wallClock.now();
    const { username, expiresAt } = await credentialOwnerAndExpiry(this.identities, request, caller, now, { noun: 'client', expiryInPastCode: 'API_CLIENT.EXPIRY_IN_PAST' });
    const clientId = request.clientId ?? clientIdFrom(request.name);
    if (await this.clients.clientIdTaken(clientId)) {
      throw new ConflictError('API_CLIENT.ALREADY_EXISTS', `Expected a new client id but an API client '${clientId}' exists already (revoked clients keep their id)`);
    }
    const secret = newClientSecret();
    const row = {
      clientKey: this.keys.next(),
      clientId,
      name: request.name,
      username,
      secretHash: hashTokenSecret(secret),
      createdAt: now,
      createdBy: caller.username,
      expiresAt,
    };
    try {
      await this.clients.insert(row);
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_DUP_ENTRY') {
        throw new ConflictError('API_CLIENT.ALREADY_EXISTS', `Expected a new client id but an API client '${clientId}' exists already (revoked clients keep their id)`);
      }
      throw error;
    }
    return { ...toDto({ ...row, lastUsedAt: null, revokedAt: null }), clientSecret: secret };
  }

  async search(request: SearchRequestDto): Promise<ApiClientSearchResultDto> {
    const { rows, page } = await this.clients.search(request);
    return { items: rows.map(toDto), page };
  }

  /** Revokes the client and every access token it obtained: its next request is refused. */
  async revoke(apiClientKey: string): Promise<void> {
    const client = await this.clients.findByKey(apiClientKey);
    if (!client) throw new NotFoundError('API_CLIENT.NOT_FOUND', `No API client with key ${apiClientKey}`);
    const now = this.wallClock.now();
    await this.clients.revoke(apiClientKey, now);
    await this.tokens.revokeClientTokens(apiClientKey, now);
  }
}

/** A client id from a name: `Billing system` → `billing-system`. */
function clientIdFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  if (slug.length >= 3) return slug;
  throw new InvalidArgumentError('API_CLIENT.INVALID_CLIENT_ID', `Expected a name that gives a client id of at least 3 letters or digits, or a clientId, but '${name}' gives '${slug}'`);
}

function toDto(client: ApiClientEntity): ApiClientDto {
  return {
    apiClientKey: client.clientKey,
    clientId: client.clientId,
    name: client.name,
    username: client.username,
    createdBy: client.createdBy,
    createdAt: client.createdAt.toISOString(),
    expiresAt: client.expiresAt?.toISOString() ?? null,
    lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}
