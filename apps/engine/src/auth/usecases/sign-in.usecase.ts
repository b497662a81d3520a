import { Inject, Injectable } from '@nestjs/common';
import { KeyGenerator } from '#engine-core';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { WALL_CLOCK, type Clock } from '../../infrastructure/clock.js';
import { AccessTokenRepository } from '../access-token.repository.js';
import { hashTokenSecret, newTokenSecret } from '../access-tokens.js';
import { Authenticator } from '../authenticator.js';
import type { UserRecord } from '../identity.repository.js';
import type { SignInRequestDto, SignInResponseDto } from '../dto/sign-in.dto.js';

/** Checks a username and password and opens a portal session: a bearer token with a lifetime. */
@Injectable()
export class SignInUseCase {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly tokens: AccessTokenRepository,
    private readonly keys: KeyGenerator,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  /** `clientAddress` as sign-in throttling counts it (`throttlingAddress` of the request's address). */
  async execute(request: SignInRequestDto, clientAddress: string): Promise<SignInResponseDto> {
    const user = await this.authenticator.verifyPassword(request.username, request.password, clientAddress);
    return this.openSession(user);
  }

  /** Opens a portal session for a user whose identity was checked (password, or the external provider). */
  async openSession(user: UserRecord): Promise<SignInResponseDto> {
    const now = this.wallClock.now();
    const expiresAt = new Date(now.getTime() + this.config.auth.sessionTtlSeconds * 1000);
    const secret = newTokenSecret('session');
    await this.tokens.insert({
      tokenKey: this.keys.next(),
      kind: 'session',
      name: 'portal sign-in',
      username: user.username,
      secretHash: hashTokenSecret(secret),
      createdAt: now,
      createdBy: user.username,
      expiresAt,
    });
    return {
      token: secret,
      tokenType: 'Bearer',
      expiresAt: expiresAt.toISOString(),
      user: { username: user.username, displayName: user.name, email: user.email, roles: user.roles, groups: user.groups },
    };
  }
}
