import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AccessTokenEntity, type AccessTokenKind } from '#persistence';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';

/** `POST /v2/api-tokens/search`: every field of an API token but its secret; newest first by default. */
/** What its search accepts (also the OpenAPI description of its body). */
export const API_TOKEN_SEARCH: SearchDefinition = {
  entity: 'API token',
  keyColumn: 't.token_key',
  fields: {
    apiTokenKey: { column: 't.token_key', type: 'key' },
    name: { column: 't.name', type: 'string' },
    username: { column: 't.username', type: 'string' },
    createdBy: { column: 't.created_by', type: 'string' },
    createdAt: { column: 't.created_at', type: 'date' },
    expiresAt: { column: 't.expires_at', type: 'date' },
    lastUsedAt: { column: 't.last_used_at', type: 'date' },
    revokedAt: { column: 't.revoked_at', type: 'date' },
  },
  // Keys grow with time: two tokens of the same millisecond still list newest first.
  defaultSort: [
    { field: 'createdAt', order: 'DESC' },
    { field: 'apiTokenKey', order: 'DESC' },
  ],
};

/** Stored bearer tokens (portal sessions and API tokens). */
@Injectable()
export class AccessTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get tokens() {
    return this.dataSource.getRepository(AccessTokenEntity);
  }

  async insert(token: Omit<AccessTokenEntity, 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'clientKey'> & { createdAt: Date; clientKey?: string }): Promise<void> {
    await this.tokens.insert({ ...token, clientKey: token.clientKey ?? null, lastUsedAt: null, revokedAt: null });
  }

  /** Revokes every live access token issued to the API client. */
  async revokeClientTokens(clientKey: string, now: Date): Promise<void> {
    await this.tokens.update({ clientKey, kind: 'client', revokedAt: IsNull() }, { revokedAt: now });
  }

  /**
   * The live token with this secret hash: not revoked, not expired, and its user not disabled
   * (read in the same query, so disabling a user stops their tokens on every replica at once).
   */
  async findLive(secretHash: string, now: Date): Promise<AccessTokenEntity | null> {
    const token = await this.tokens
      .createQueryBuilder('t')
      .innerJoin('identity_users', 'u', 'u.username = t.username AND u.disabled_at IS NULL')
      .where('t.secret_hash = :secretHash AND t.revoked_at IS NULL', { secretHash })
      .getOne();
    if (!token || (token.expiresAt && token.expiresAt.getTime() <= now.getTime())) return null;
    return token;
  }

  /** Revokes the user's portal sign-ins (sessions), all but `exceptTokenKey`; API tokens stay. */
  async revokeSessions(username: string, now: Date, exceptTokenKey?: string): Promise<number> {
    const qb = this.tokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: now })
      .where("username = :username AND kind = 'session' AND revoked_at IS NULL", { username });
    if (exceptTokenKey) qb.andWhere('token_key <> :exceptTokenKey', { exceptTokenKey });
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  async findByKey(tokenKey: string, kind: AccessTokenKind): Promise<AccessTokenEntity | null> {
    return this.tokens.findOneBy({ tokenKey, kind });
  }

  /** API tokens (never sessions) by Camunda's `{filter, sort, page}`, like every other search. */
  searchApiTokens(request: SearchRequestDto) {
    return new SearchQuery(API_TOKEN_SEARCH, this.tokens.createQueryBuilder('t').where("t.kind = 'api'")).run(request);
  }

  async revoke(tokenKey: string, now: Date): Promise<boolean> {
    const result = await this.tokens.update({ tokenKey, revokedAt: IsNull() }, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }

  async touch(tokenKey: string, now: Date): Promise<void> {
    await this.tokens.update({ tokenKey }, { lastUsedAt: now });
  }
}
