import { Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify } from 'jose';
import { UnauthenticatedError } from '../../common/errors/index.js';
import type { Principal } from '../principal.js';
import { identityFromClaims, MissingClaimError } from './oidc-claims.js';
import { OidcProviderClient } from './oidc-provider-client.js';

/** Three base64url segments: a JWS compact serialization (Baton's own tokens have a `b..._` prefix and no dots). */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Accepts the external provider's access tokens (JWTs), for machine clients that get their tokens
 * from the provider (client credentials there): signature by the provider's JWKS, `iss` the
 * provider, `aud` containing `BATON_OIDC_AUDIENCE`, not expired. The principal comes from the
 * claims alone (user name, groups, mapped roles); no user row is needed or written.
 */
@Injectable()
export class OidcAccessTokenVerifier {
  constructor(private readonly provider: OidcProviderClient) {}

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
      throw new UnauthenticatedError(`The bearer token is not a valid access token of the OpenID Connect provider: ${reason(error)}`);
    }
    try {
      const identity = identityFromClaims(payload, config, true);
      return { username: identity.username, name: identity.name, email: identity.email, roles: identity.roles, groups: identity.groups, authenticatedBy: 'oidc-token' };
    } catch (error) {
      if (error instanceof MissingClaimError) throw new UnauthenticatedError(error.message);
      throw error;
    }
  }
}

function reason(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `its claim '${error.claim}' is not as expected (${error.reason})`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) return 'its signature does not verify with the provider\'s keys';
  return error instanceof Error ? error.message : String(error);
}
