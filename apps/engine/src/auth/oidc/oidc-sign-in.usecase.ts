import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import * as oidc from 'openid-client';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { ConflictError, InvalidArgumentError, NotFoundError, TooManyRequestsError, UnauthenticatedError } from '../../common/errors/index.js';
import { REDIS } from '../../infrastructure/infrastructure.module.js';
import type { SignInResponseDto } from '../dto/sign-in.dto.js';
import { IdentityRepository } from '../identity.repository.js';
import { SignInUseCase } from '../usecases/sign-in.usecase.js';
import { identityFromClaims, MissingClaimError } from './oidc-claims.js';
import { describe, OidcProviderClient } from './oidc-provider-client.js';

/** How long a started sign-in may take at the provider. */
const PENDING_SIGN_IN_SECONDS = 600;

/**
 * Sign-ins one client address may start within {@link PENDING_SIGN_IN_SECONDS}: each keeps a
 * small record in Redis until it is finished or expires, and starting needs no credentials, so
 * without a bound anyone could fill Redis with them. Far above what people behind one address do.
 */
const STARTS_PER_ADDRESS = 100;

/** Counts a start for the address and answers the count and the seconds the window has left. */
const COUNT_START_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('TTL', KEYS[1])}
`;

/** What Baton keeps, in Redis under the state, between sending the browser away and its return. */
interface PendingSignIn {
  codeVerifier: string;
  nonce: string;
}

/**
 * Portal sign-in with the external provider: the authorization code flow with PKCE (S256), state
 * and nonce. {@link start} makes the provider's authorization URL and keeps the PKCE verifier and
 * nonce in Redis under the state (any engine replica can finish the sign-in, once); the portal
 * also keeps the state, in the tab, and only sends back a callback carrying it. {@link complete}
 * exchanges the code, checks the ID token, creates or updates the user from the claims and opens
 * a normal Baton session.
 */
@Injectable()
export class OidcSignInUseCase {
  private readonly prefix: string;
  private readonly startsPrefix: string;

  constructor(
    private readonly provider: OidcProviderClient,
    private readonly identities: IdentityRepository,
    private readonly sessions: SignInUseCase,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(BATON_CONFIG) config: BatonConfig,
  ) {
    this.prefix = `${config.redis.bullPrefix}:oidc:state:`;
    this.startsPrefix = `${config.redis.bullPrefix}:oidc:starts:`;
  }

  /** Whether the sign-in page shows the provider's button, and its name. */
  status(): { enabled: boolean; providerName: string | null } {
    const config = this.provider.config;
    return config?.signIn ? { enabled: true, providerName: config.providerName } : { enabled: false, providerName: null };
  }

  /** `clientAddress` as sign-in throttling counts it (`throttlingAddress` of the request's address). */
  async start(clientAddress: string): Promise<{ authorizationUrl: string; state: string }> {
    const signIn = this.signInConfig();
    const [count, ttl] = (await this.redis.eval(COUNT_START_SCRIPT, 1, this.startsPrefix + clientAddress, PENDING_SIGN_IN_SECONDS)) as [number, number];
    if (count > STARTS_PER_ADDRESS) {
      throw new TooManyRequestsError(
        'AUTH.TOO_MANY_ATTEMPTS',
        `Expected at most ${STARTS_PER_ADDRESS} sign-ins with ${this.providerName()} started from one address in ${PENDING_SIGN_IN_SECONDS / 60} minutes, but this is number ${count}: wait ${ttl} seconds`,
        Math.max(1, ttl),
      );
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const pending: PendingSignIn = { codeVerifier, nonce };
    await this.redis.set(this.prefix + state, JSON.stringify(pending), 'EX', PENDING_SIGN_IN_SECONDS);
    const url = oidc.buildAuthorizationUrl(this.provider.client, {
      redirect_uri: signIn.redirectUrl,
      scope: signIn.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { authorizationUrl: url.href, state };
  }

  /** `callbackQuery`: the query string the provider sent the browser back with (`code`, `state`, or `error`). */
  async complete(callbackQuery: string): Promise<SignInResponseDto> {
    const signIn = this.signInConfig();
    const params = new URLSearchParams(callbackQuery.startsWith('?') ? callbackQuery.slice(1) : callbackQuery);
    const state = params.get('state');
    const pendingRaw = state ? await this.redis.getdel(this.prefix + state) : null;
    const error = params.get('error');
    if (error) {
      const description = params.get('error_description');
      throw new UnauthenticatedError(`${this.providerName()} did not sign you in: ${error}${description ? ` (${description})` : ''}`, 'AUTH.OIDC_PROVIDER_ERROR');
    }
    if (!state || !pendingRaw) {
      throw new InvalidArgumentError(
        'AUTH.OIDC_STATE_MISMATCH',
        state
          ? 'Expected the state of a sign-in this engine started in the last 10 minutes, but this one is unknown, used already or expired: start the sign-in again'
          : "Expected the provider's callback to carry a state, but it has none: start the sign-in again",
      );
    }
    const pending = JSON.parse(pendingRaw) as PendingSignIn;
    const currentUrl = new URL(signIn.redirectUrl);
    currentUrl.search = params.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(this.provider.client, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      claims = { ...idClaims };
      if (this.provider.client.serverMetadata().userinfo_endpoint) {
        const userInfo = await oidc.fetchUserInfo(this.provider.client, tokens.access_token, idClaims.sub);
        claims = { ...userInfo, ...idClaims };
      }
    } catch (caught) {
      throw new UnauthenticatedError(`Signing in with ${this.providerName()} failed: ${describe(caught)}`, 'AUTH.OIDC_CALLBACK_FAILED');
    }
    let identity;
    try {
      identity = identityFromClaims(claims, this.provider.config!, false);
    } catch (caught) {
      if (caught instanceof MissingClaimError) throw new UnauthenticatedError(caught.message, 'AUTH.OIDC_CALLBACK_FAILED');
      throw caught;
    }
    const outcome = await this.identities.upsertExternalUser(identity);
    if (outcome === 'local-user') {
      throw new ConflictError(
        'AUTH.OIDC_USER_CONFLICT',
        `Expected '${identity.username}' to be a user of ${this.providerName()}, but a local user of that name with a password exists: Baton does not merge them (rename one)`,
      );
    }
    const user = await this.identities.findUser(identity.username);
    if (!user) throw new Error(`User '${identity.username}' vanished right after sign-in`);
    // An admin may disable a user of the provider as any other: the provider's word does not enable them again.
    if (user.disabled) throw new UnauthenticatedError(`User '${identity.username}' is disabled; an admin can enable it again`, 'AUTH.OIDC_CALLBACK_FAILED');
    return this.sessions.openSession(user);
  }

  private signInConfig() {
    const signIn = this.provider.config?.signIn;
    if (!signIn) {
      throw new NotFoundError('AUTH.OIDC_NOT_CONFIGURED', 'Expected sign-in with an OpenID Connect provider to be configured (BATON_OIDC_ISSUER_URL, BATON_OIDC_CLIENT_ID, BATON_OIDC_REDIRECT_URL), but it is not');
    }
    return signIn;
  }

  private providerName(): string {
    return this.provider.config?.providerName ?? 'the provider';
  }
}
