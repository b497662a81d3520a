import { Inject, Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify } from 'jose';
import { UnauthenticatedError } from '../../common/errors/index.js';
import { WALL_CLOCK, type Clock } from '../../infrastructure/clock.js';
import { EXTERNAL_USER_PASSWORD_HASH, IdentityRepository } from '../identity.repository.js';
import { grantedPermissions } from '../permissions.js';
import type { Principal } from '../principal.js';
import { identityFromClaims, MissingClaimError } from './oidc-claims.js';
import { OidcProviderClient } from './oidc-provider-client.js';

/** Three base64url segments: a JWS compact serialization (Baton's own tokens have a `b..._` prefix and no dots). */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** How long what is known of a user name (local, disabled) is reused between requests. */
const KNOWN_USER_CACHE_MS = 5_000;

/**
 * Accepts the external provider's access tokens (JWTs), for machine clients that get their tokens
 * from the provider (client credentials there): signature by the provider's JWKS, `iss` the
 * provider, `aud` containing `BATON_OIDC_AUDIENCE`, not expired. The principal comes from the
 * claims alone (user name, groups, mapped roles); no user row is needed or written. A token
 * whose user name is that of a local user with a password is refused, as sign-in refuses it (and one
 * whose provider user an admin disabled):
 * the provider does not speak for Baton's own users.
 */
@Injectable()
export class OidcAccessTokenVerifier {
  private readonly knownUsers = new Map<string, { kind: 'local' | 'disabled' | 'other'; until: number }>();

  constructor(
    private readonly provider: OidcProviderClient,
    private readonly identities: IdentityRepository,
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
  ) {}

  /** True when the bearer token is one this verifier should check. */
  handles(token: string): boolean {
    return this.provider.signingKeys !== undefined && JWT_SHAPE.test(token);
  }

  async authenticate(token: string): Promise<Principal> {
    const config = this.provider.config!;
    const keys = this.provider.signingKeys!;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: this.provider.client.serverMetadata().issuer, audience: config.audience, clockTolerance: 5 }));
    } catch (error) {
      throw new UnauthenticatedError(`The bearer token is not a valid access token of the OpenID Connect provider: ${reason(error, config.audience!)}`);
    }
    let identity;
    try {
      identity = identityFromClaims(payload, config, true);
    } catch (error) {
      if (error instanceof MissingClaimError) throw new UnauthenticatedError(error.message);
      throw error;
    }
    const known = await this.knownUser(identity.username);
    if (known === 'local') {
      throw new UnauthenticatedError(`The provider's access token names '${identity.username}', a local user of Baton with a password: the provider does not act for local users`);
    }
    if (known === 'disabled') throw new UnauthenticatedError(`User '${identity.username}' is disabled; an admin can enable it again`);
    const permissions = grantedPermissions(identity.roles.map((roleId) => ({ roleId, permissions: [] })));
    return { username: identity.username, name: identity.name, email: identity.email, roles: identity.roles, groups: identity.groups, permissions, authenticatedBy: 'oidc-token' };
  }

  /** `local`: a user with a password; `disabled`: a user of the provider an admin disabled; `other`: neither. */
  private async knownUser(username: string): Promise<'local' | 'disabled' | 'other'> {
    const now = this.wallClock.now().getTime();
    const cached = this.knownUsers.get(username);
    if (cached && cached.until > now) return cached.kind;
    const user = await this.identities.findUser(username);
    const kind = user === null ? 'other' : user.passwordHash !== EXTERNAL_USER_PASSWORD_HASH ? 'local' : user.disabled ? 'disabled' : 'other';
    if (this.knownUsers.size > 10_000) this.knownUsers.clear();
    this.knownUsers.set(username, { kind, until: now + KNOWN_USER_CACHE_MS });
    return kind;
  }
}

function reason(error: unknown, audience: string): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') return `its audience (aud) does not include ${audience} (BATON_OIDC_AUDIENCE)`;
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'iss') return 'its issuer (iss) is not the provider';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `its claim '${error.claim}' is not as expected (${error.reason})`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) return 'its signature does not verify with the provider\'s keys';
  return error instanceof Error ? error.message : String(error);
}
