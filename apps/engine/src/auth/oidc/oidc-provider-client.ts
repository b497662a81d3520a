import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import * as oidc from 'openid-client';
import { BATON_CONFIG, type BatonConfig, type OidcConfig } from '#runtime';
import { checkRoleMapping } from './oidc-claims.js';

/**
 * The external OpenID Connect provider as Baton's client sees it (openid-client): its metadata,
 * read from `<issuer>/.well-known/openid-configuration` once at start, and its signing keys.
 * When `BATON_OIDC_ISSUER_URL` is unset it is {@link enabled} false and nothing else is used.
 * A provider that cannot be read at start stops the start, naming the issuer and the cause:
 * a wrong issuer URL should not surface only at the first sign-in.
 */
@Injectable()
export class OidcProviderClient implements OnModuleInit {
  private readonly logger = new Logger('OIDC');
  private configuration: oidc.Configuration | undefined;
  private keys: JWTVerifyGetKey | undefined;
  readonly config: OidcConfig | null;

  constructor(@Inject(BATON_CONFIG) batonConfig: BatonConfig) {
    this.config = batonConfig.auth.oidc;
  }

  get enabled(): boolean {
    return this.config !== null;
  }

  async onModuleInit(): Promise<void> {
    const config = this.config;
    if (!config) return;
    checkRoleMapping(config);
    const signIn = config.signIn;
    let clientAuth: oidc.ClientAuth | undefined;
    try {
      // Without portal sign-in Baton only checks tokens; discovery still wants a client id.
      this.configuration = await oidc.discovery(new URL(config.issuerUrl), signIn?.clientId ?? 'baton', undefined, undefined, {
        execute: config.allowInsecureIssuer ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      });
    } catch (error) {
      throw new Error(`Could not read the OpenID Connect provider's configuration from BATON_OIDC_ISSUER_URL (${config.issuerUrl}/.well-known/openid-configuration): ${describe(error)}`);
    }
    const metadata = this.configuration.serverMetadata();
    if (signIn) {
      if (signIn.clientSecret) {
        clientAuth = (metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic']).includes('client_secret_basic') ? oidc.ClientSecretBasic(signIn.clientSecret) : oidc.ClientSecretPost(signIn.clientSecret);
      } else {
        clientAuth = oidc.None();
      }
      this.configuration = new oidc.Configuration(metadata, signIn.clientId, undefined, clientAuth);
      if (config.allowInsecureIssuer) oidc.allowInsecureRequests(this.configuration);
      if (metadata.code_challenge_methods_supported && !metadata.code_challenge_methods_supported.includes('S256')) {
        throw new Error(`The OpenID Connect provider ${config.issuerUrl} does not support PKCE with S256, which Baton's sign-in needs`);
      }
    }
    if (config.audience) {
      if (!metadata.jwks_uri) throw new Error(`The OpenID Connect provider ${config.issuerUrl} publishes no jwks_uri: its access tokens cannot be checked (unset BATON_OIDC_AUDIENCE)`);
      this.keys = createRemoteJWKSet(new URL(metadata.jwks_uri));
    }
    if (config.allowInsecureIssuer) this.logger.warn(`BATON_OIDC_ISSUER_URL ${config.issuerUrl} is plain http: for local development only`);
    this.logger.log(`OpenID Connect provider ${metadata.issuer}: ${[signIn ? 'portal sign-in' : null, config.audience ? `access tokens for audience ${config.audience}` : null].filter(Boolean).join(', ')}`);
  }

  /** The openid-client configuration (after start). */
  get client(): oidc.Configuration {
    if (!this.configuration) throw new Error('The OpenID Connect provider was not read at start');
    return this.configuration;
  }

  /** The provider's signing keys, for its access tokens (after start, with BATON_OIDC_AUDIENCE). */
  get signingKeys(): JWTVerifyGetKey | undefined {
    return this.keys;
  }
}

/** An error's message with its cause's, as openid-client nests them. */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
