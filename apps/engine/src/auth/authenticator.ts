import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AccessTokenKind } from '#persistence';
import { UnauthenticatedError } from '../common/errors/index.js';
import { WALL_CLOCK, type Clock } from '../infrastructure/clock.js';
import { AccessTokenRepository } from './access-token.repository.js';
import { hashTokenSecret } from './access-tokens.js';
import { IdentityRepository, type UserRecord } from './identity.repository.js';
import { OidcAccessTokenVerifier } from './oidc/oidc-access-token.verifier.js';
import { PasswordHasher } from './password-hasher.js';
import type { Principal } from './principal.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** How long a verified Basic credential is remembered, to spare argon2 on every request. */
const BASIC_CACHE_MS = 60_000;
/** How often `last_used_at` of a token is written at most. */
const TOUCH_INTERVAL_MS = 60_000;
/** How long a user's roles and groups are reused between requests. */
const PRINCIPAL_CACHE_MS = 5_000;

/**
 * Turns an Authorization header into a Principal: HTTP Basic (username and password) or a
 * Bearer token (portal session or API token). Throws UnauthenticatedError otherwise.
 * Password checks are throttled per user and per client address ({@link SignInThrottle}).
 */
@Injectable()
export class Authenticator {
  /** Credentials verified lately: until when, and the password hash they were verified against. */
  private readonly verifiedBasic = new Map<string, { until: number; passwordHash: string }>();
  /** Checks under way, by credential: concurrent requests with the same credential share one. */
  private readonly checking = new Map<string, Promise<UserRecord>>();
  private readonly lastTouched = new Map<string, number>();
  private readonly users = new Map<string, { user: UserRecord | null; until: number }>();

  constructor(
    private readonly identities: IdentityRepository,
    private readonly tokens: AccessTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
    private readonly oidcTokens: OidcAccessTokenVerifier,
  ) {}

  /** `clientAddress` is the caller's address as throttling counts it ({@link throttlingAddress}). */
  async authenticate(authorization: string | undefined, clientAddress: string): Promise<Principal> {
    if (!authorization) {
      throw new UnauthenticatedError('Expected an Authorization header (HTTP Basic, or Bearer with a sign-in or API token) but found none');
    }
    const [scheme, ...rest] = authorization.trim().split(/\s+/);
    const credentials = rest.join(' ');
    switch (scheme?.toLowerCase()) {
      case 'basic':
        return this.authenticateBasic(credentials, clientAddress);
      case 'bearer':
        return this.authenticateBearer(credentials);
      default:
        throw new UnauthenticatedError(`Expected the Basic or Bearer authorization scheme but found '${scheme}'`);
    }
  }

  /**
   * Checks a username and password; used by Basic auth and by sign-in. A pair verified in the
   * last minute is accepted without argon2 and without throttling (it was right); anything
   * else is a throttled attempt: 429 while the user or the address must wait.
   */
  async verifyPassword(username: string, password: string, clientAddress: string): Promise<UserRecord> {
    const cacheKey = createHash('sha256').update(`${username}\u0000${password}`).digest('hex');
    const verified = this.verifiedBasic.get(cacheKey);
    if (verified && verified.until > this.wallClock.now().getTime()) {
      const user = await this.findUser(username);
      // A password changed since (or a user disabled since) is checked again.
      if (user && !user.disabled && user.passwordHash === verified.passwordHash) return user;
    }
    const pending = this.checking.get(cacheKey);
    if (pending) return pending;
    const check = this.checkPassword(username, password, clientAddress, cacheKey).finally(() => this.checking.delete(cacheKey));
    this.checking.set(cacheKey, check);
    return check;
  }

  private async checkPassword(username: string, password: string, clientAddress: string, cacheKey: string): Promise<UserRecord> {
    await this.throttle.reserve(username, clientAddress);
    let user: UserRecord | null;
    let matches: boolean;
    try {
      user = await this.findUser(username);
      matches = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyUnknownUser(password);
    } catch (error) {
      await this.throttle.abandoned(username, clientAddress);
      throw error;
    }
    if (!user || !matches) {
      throw new UnauthenticatedError('Unknown user or wrong password');
    }
    await this.throttle.succeeded(username, clientAddress);
    // Said only to whoever knows the password: it tells nothing to someone guessing.
    if (user.disabled) throw new UnauthenticatedError(`User '${username}' is disabled; an admin can enable it again`);
    this.verifiedBasic.set(cacheKey, { until: this.wallClock.now().getTime() + BASIC_CACHE_MS, passwordHash: user.passwordHash });
    if (this.verifiedBasic.size > 10_000) this.verifiedBasic.clear();
    return user;
  }

  /**
   * Forgets what this replica remembers of the user (roles, groups, password hash, whether
   * disabled), after an admin or the user changed it: the next request reads it again.
   */
  forget(username: string): void {
    this.users.delete(username);
  }

  /** Forgets every user: after a change to a group's or a role's grants, which reach many users. */
  forgetAll(): void {
    this.users.clear();
  }

  /**
   * The user with roles and groups, reused for a few seconds: requests come in bursts from the
   * same users and workers, and a role change may take that long to apply. That a name is
   * unknown is remembered as well, so that unknown names and known ones cost the same.
   */
  private async findUser(username: string): Promise<UserRecord | null> {
    const now = this.wallClock.now().getTime();
    const cached = this.users.get(username);
    if (cached && cached.until > now) return cached.user;
    const user = await this.identities.findUser(username);
    this.users.set(username, { user, until: now + PRINCIPAL_CACHE_MS });
    if (this.users.size > 10_000) this.users.clear();
    return user;
  }

  private async authenticateBasic(encoded: string, clientAddress: string): Promise<Principal> {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 1) {
      throw new UnauthenticatedError('Expected Basic credentials as base64 of "username:password" but they do not decode to that');
    }
    const user = await this.verifyPassword(decoded.slice(0, separator), decoded.slice(separator + 1), clientAddress);
    return toPrincipal(user, 'basic');
  }

  private async authenticateBearer(secret: string): Promise<Principal> {
    if (!secret) throw new UnauthenticatedError('Expected a token after "Bearer" but found none');
    if (this.oidcTokens.handles(secret)) return this.oidcTokens.authenticate(secret);
    const now = this.wallClock.now();
    const token = await this.tokens.findLive(hashTokenSecret(secret), now);
    if (!token) throw new UnauthenticatedError('The bearer token is unknown, expired or revoked, or its user is disabled');
    const user = await this.findUser(token.username);
    if (!user) throw new UnauthenticatedError('The bearer token belongs to a user that no longer exists');
    if (user.disabled) throw new UnauthenticatedError('The bearer token is unknown, expired or revoked, or its user is disabled');
    if ((this.lastTouched.get(token.tokenKey) ?? 0) + TOUCH_INTERVAL_MS < now.getTime()) {
      this.lastTouched.set(token.tokenKey, now.getTime());
      await this.tokens.touch(token.tokenKey, now);
    }
    return { ...toPrincipal(user, AUTHENTICATED_BY[token.kind]), tokenKey: token.tokenKey };
  }
}

const AUTHENTICATED_BY = { session: 'session', api: 'api-token', client: 'api-client' } as const satisfies Record<AccessTokenKind, Principal['authenticatedBy']>;

export function toPrincipal(user: UserRecord, authenticatedBy: Principal['authenticatedBy']): Principal {
  return { username: user.username, name: user.name, email: user.email, roles: user.roles, groups: user.groups, permissions: user.permissions, authenticatedBy };
}
