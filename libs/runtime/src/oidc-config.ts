/**
 * Sign-in with an external OpenID Connect provider, and acceptance of its JWT access tokens
 * (docs/security.md, "External sign-in (OpenID Connect)"). Off unless `BATON_OIDC_ISSUER_URL` is set.
 */
export interface OidcConfig {
  /** The provider's issuer; its `/.well-known/openid-configuration` is read at start. Env `BATON_OIDC_ISSUER_URL`. */
  issuerUrl: string;
  /** Shown on the sign-in button: "Sign in with <name>". Env `BATON_OIDC_PROVIDER_NAME`. @default "OpenID Connect" */
  providerName: string;
  /**
   * Portal sign-in (authorization code flow with PKCE): Baton's client at the provider. Null when
   * only access tokens are accepted. Env `BATON_OIDC_CLIENT_ID`, `BATON_OIDC_CLIENT_SECRET`
   * (empty for a public client), `BATON_OIDC_REDIRECT_URL` (the portal's `/sign-in/callback`),
   * `BATON_OIDC_SCOPES` (@default "openid profile email").
   */
  signIn: { clientId: string; clientSecret: string | undefined; redirectUrl: string; scopes: string } | null;
  /** Claim with the Baton user name. Env `BATON_OIDC_USERNAME_CLAIM`. @default "preferred_username" */
  usernameClaim: string;
  /** Claim with the user's groups (a list or one string). Env `BATON_OIDC_GROUPS_CLAIM`. @default "groups" */
  groupsClaim: string;
  /** Claim with the user's roles (a list or one string). Env `BATON_OIDC_ROLES_CLAIM`. @default "roles" */
  rolesClaim: string;
  /**
   * Baton roles for claim values: a value of the roles or groups claim that is a key here gives
   * those roles. Env `BATON_OIDC_ROLE_MAPPING`: `value=role` pairs, comma-separated
   * (`baton-admins=admin,process-owners=analyst`). @default {} (only values naming a Baton role)
   */
  roleMapping: Record<string, string[]>;
  /**
   * Access tokens (JWTs) from the provider are accepted as `Bearer` when their `aud` contains this.
   * Env `BATON_OIDC_AUDIENCE`; unset: no provider access tokens are accepted. @default unset
   */
  audience: string | undefined;
  /** Allow an `http:` issuer (only `localhost`/`127.0.0.1`, for development and tests). */
  allowInsecureIssuer: boolean;
}

type Env = Record<string, string | undefined>;

/** Reads the OIDC variables; problems are added to `errors` (loadConfig reports them together). */
export function loadOidcConfig(env: Env, errors: string[]): OidcConfig | null {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const issuer = value('BATON_OIDC_ISSUER_URL');
  const others = Object.keys(env).filter((name) => name.startsWith('BATON_OIDC_') && name !== 'BATON_OIDC_ISSUER_URL' && value(name) !== undefined);
  if (!issuer) {
    if (others.length > 0) errors.push(`BATON_OIDC_ISSUER_URL must be set when other BATON_OIDC_ variables are (${others.sort().join(', ')})`);
    return null;
  }
  let allowInsecureIssuer = false;
  try {
    const url = new URL(issuer);
    if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) allowInsecureIssuer = true;
    else if (url.protocol !== 'https:') errors.push(`BATON_OIDC_ISSUER_URL must be an https URL (http only for localhost), but is '${issuer}'`);
  } catch {
    errors.push(`BATON_OIDC_ISSUER_URL must be a URL such as https://login.example.com/realms/acme, but is '${issuer}'`);
  }

  const clientId = value('BATON_OIDC_CLIENT_ID');
  const redirectUrl = value('BATON_OIDC_REDIRECT_URL');
  let signIn: OidcConfig['signIn'] = null;
  if (clientId || redirectUrl) {
    if (!clientId) errors.push('BATON_OIDC_CLIENT_ID must be set when BATON_OIDC_REDIRECT_URL is (portal sign-in needs both)');
    if (!redirectUrl) errors.push('BATON_OIDC_REDIRECT_URL must be set when BATON_OIDC_CLIENT_ID is: the portal\'s /sign-in/callback, e.g. https://baton.example.com/sign-in/callback');
    else if (!/^https?:\/\/[^/]+\/sign-in\/callback$/.test(redirectUrl)) {
      errors.push(`BATON_OIDC_REDIRECT_URL must be the portal's sign-in callback, <scheme>://<host>/sign-in/callback, but is '${redirectUrl}'`);
    }
    const scopes = value('BATON_OIDC_SCOPES') ?? 'openid profile email';
    if (!scopes.split(/\s+/).includes('openid')) errors.push(`BATON_OIDC_SCOPES must include openid, but is '${scopes}'`);
    signIn = { clientId: clientId ?? '', clientSecret: value('BATON_OIDC_CLIENT_SECRET'), redirectUrl: redirectUrl ?? '', scopes };
  } else if (value('BATON_OIDC_CLIENT_SECRET') || value('BATON_OIDC_SCOPES')) {
    errors.push('BATON_OIDC_CLIENT_SECRET and BATON_OIDC_SCOPES need BATON_OIDC_CLIENT_ID and BATON_OIDC_REDIRECT_URL (portal sign-in)');
  }
  const audience = value('BATON_OIDC_AUDIENCE');
  if (!signIn && !audience) errors.push('BATON_OIDC_ISSUER_URL is set, but neither portal sign-in (BATON_OIDC_CLIENT_ID, BATON_OIDC_REDIRECT_URL) nor access tokens (BATON_OIDC_AUDIENCE) are configured');

  const roleMapping: Record<string, string[]> = {};
  for (const pair of (value('BATON_OIDC_ROLE_MAPPING') ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const separator = pair.lastIndexOf('=');
    const claimValue = pair.slice(0, separator).trim();
    const role = pair.slice(separator + 1).trim();
    if (separator < 1 || role === '') {
      errors.push(`BATON_OIDC_ROLE_MAPPING must be comma-separated claimValue=role pairs (e.g. baton-admins=admin), but has '${pair}'`);
      continue;
    }
    (roleMapping[claimValue] ??= []).push(role);
  }

  return {
    issuerUrl: issuer,
    providerName: value('BATON_OIDC_PROVIDER_NAME') ?? 'OpenID Connect',
    signIn,
    usernameClaim: value('BATON_OIDC_USERNAME_CLAIM') ?? 'preferred_username',
    groupsClaim: value('BATON_OIDC_GROUPS_CLAIM') ?? 'groups',
    rolesClaim: value('BATON_OIDC_ROLES_CLAIM') ?? 'roles',
    roleMapping,
    audience,
    allowInsecureIssuer,
  };
}
