import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AccessTokenEntity, type AccessTokenKind } from '#persistence';

/** Stored bearer tokens (portal sessions and API tokens). */
@Injectable()
export class AccessTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get tokens() {
    return this.dataSource.getRepository(AccessTokenEntity);
  }

  async insert(token: Omit<AccessTokenEntity, 'createdAt' | 'lastUsedAt' | 'revokedAt'> & { createdAt: Date }): Promise<void> {
    await this.tokens.insert({ ...token, lastUsedAt: null, revokedAt: null });
  }

  /** The live token with this secret hash: not revoked, not expired. */
  async findLive(secretHash: string, now: Date): Promise<AccessTokenEntity | null> {
    const token = await this.tokens.findOneBy({ secretHash, revokedAt: IsNull() });
    if (!token || (token.expiresAt && token.expiresAt.getTime() <= now.getTime())) return null;
    return token;
  }

  async findByKey(tokenKey: string, kind: AccessTokenKind): Promise<AccessTokenEntity | null> {
    return this.tokens.findOneBy({ tokenKey, kind });
  }

  async listApiTokens(): Promise<AccessTokenEntity[]> {
    return this.tokens.find({ where: { kind: 'api' }, order: { createdAt: 'DESC' } });
  }

  async revoke(tokenKey: string, now: Date): Promise<boolean> {
    const result = await this.tokens.update({ tokenKey, revokedAt: IsNull() }, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }

  async touch(tokenKey: string, now: Date): Promise<void> {
    await this.tokens.update({ tokenKey }, { lastUsedAt: now });
  }
}
