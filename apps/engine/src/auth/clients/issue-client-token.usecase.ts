import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { KeyGenerator } from '#engine-core';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { WALL_CLOCK, type Clock } from '../../infrastructure/clock.js';
import { AccessTokenRepository } from '../access-token.repository.js';
import { hashTokenSecret, newTokenSecret } from '../access-tokens.js';
import { ApiClientRepository } from './api-client.repository.js';

/** An RFC 6749 error of the token endpoint (section 5.2): `error`, `error_description`, its status. */
export class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'unauthorized_client',
    readonly description: string,
    readonly status: 400 | 401 = 400,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

/** The RFC 6749 section 5.1 answer. */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * The client-credentials grant of Baton's token endpoint: checks an API client's id and secret
 * and issues an access token (kind `client`) that acts as the client's user. The token lives
 * `BATON_CLIENT_TOKEN_TTL_SECONDS`, never past the client's own expiry.
 */
@Injectable()
export class IssueClientTokenUseCase {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly tokens: AccessTokenRepository,
    private readonly keys: KeyGenerator,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  async execute(clientId: string, clientSecret: string): Promise<TokenResponse> {
    const now = this.wallClock.now();
    const client = await this.clients.findLive(clientId, now);
    // Compared as hashes in constant time; an unknown, revoked or expired client answers the same.
    const given = Buffer.from(hashTokenSecret(clientSecret), 'hex');
    const stored = Buffer.from(client?.secretHash ?? hashTokenSecret(`unknown:${clientSecret}`), 'hex');
    if (!client || !timingSafeEqual(given, stored)) {
      throw new OAuthError('invalid_client', 'Unknown client, wrong client secret, or the client was revoked or has expired', 401);
    }
    let expiresAt = new Date(now.getTime() + this.config.auth.clientTokenTtlSeconds * 1000);
    if (client.expiresAt && client.expiresAt.getTime() < expiresAt.getTime()) expiresAt = client.expiresAt;
    const secret = newTokenSecret('client');
    await this.tokens.insert({
      tokenKey: this.keys.next(),
      kind: 'client',
      name: client.clientId,
      username: client.username,
      secretHash: hashTokenSecret(secret),
      createdAt: now,
      createdBy: client.clientId,
      expiresAt,
      clientKey: client.clientKey,
    });
    await this.clients.touch(client.clientKey, now);
    return { access_token: secret, token_type: 'Bearer', expires_in: Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)) };
  }
}
