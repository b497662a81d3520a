import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type OidcContext } from 'oidc-provider';

/** A person at the test provider: their claims (besides `sub`, which is the login). */
export interface TestAccount {
  preferred_username?: string;
  name?: string;
  email?: string;
  groups?: string[];
  roles?: string[];
}

/** A real OpenID Connect provider (the `oidc-provider` package) on localhost, for one test file. */
export interface OidcTestProvider {
  /** `http://localhost:<port>`: the issuer and BATON_OIDC_ISSUER_URL. */
  issuer: string;
  /** Client of Baton's portal sign-in (code flow, PKCE). */
  portalClient: { clientId: string; clientSecret: string };
  /** A machine client (client credentials) whose access tokens are JWTs for {@link audience}. */
  machineClient: { clientId: string; clientSecret: string };
  /** `aud` of the machine client's access tokens: BATON_OIDC_AUDIENCE. */
  audience: string;
  /** The token endpoint. */
  tokenEndpoint: string;
  /** The environment variables that point an engine at this provider. */
  engineEnv(redirectUrl: string, extra?: Record<string, string>): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts oidc-provider with its development login page (any password; the login is the account
 * id), no consent screen (grants are given at once), the `accounts` below, and a machine client
 * whose client-credentials tokens carry `roles: ['worker']` (and `otherMachineClients`, more such
 * clients whose secret is their id followed by `-secret`). `redirectUrl` is the engine's
 * `/sign-in/callback`: the engine's port must be known before it starts.
 */
export async function startOidcTestProvider(redirectUrl: string, accounts: Record<string, TestAccount>, options: { otherMachineClients?: string[] } = {}): Promise<OidcTestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const audience = 'https://baton.test/api';
  const portalClient = { clientId: 'baton-portal', clientSecret: 'portal-secret-for-tests' };
  const machineClient = { clientId: 'billing-robot', clientSecret: 'robot-secret-for-tests' };

  const provider = new Provider(issuer, {
    clients: [
      { client_id: portalClient.clientId, client_secret: portalClient.clientSecret, redirect_uris: [redirectUrl], grant_types: ['authorization_code'], response_types: ['code'] },
      ...[machineClient, ...(options.otherMachineClients ?? []).map((clientId) => ({ clientId, clientSecret: `${clientId}-secret` }))].map((client) => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [],
        grant_types: ['client_credentials'],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_post',
      })),
    ],
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) }),
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups', 'roles'], email: ['email'] },
    pkce: { required: () => true },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, ClientCredentials: 600, AuthorizationCode: 60 },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Only the machine client gets JWT access tokens for Baton; the portal client's are for userinfo.
        defaultResource: (ctx: OidcContext) => (ctx.oidc.client?.clientId !== portalClient.clientId ? audience : undefined),
        useGrantedResource: () => false,
        // A token is for the resource asked for (`resource=`), by default Baton's audience.
        getResourceServerInfo: (_ctx: unknown, resourceIndicator: string) => ({ scope: '', audience: resourceIndicator, accessTokenFormat: 'jwt', accessTokenTTL: 600 }),
      },
    },
    extraTokenClaims: (ctx: OidcContext) => (ctx.oidc.client?.clientId !== portalClient.clientId ? { roles: ['worker'], groups: ['robots'] } : undefined),
    // No consent screen: the portal client is first-party.
    loadExistingGrant: async (ctx: OidcContext) => {
      const { client, session, result } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? (client && session?.grantIdFor(client.clientId));
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    portalClient,
    machineClient,
    audience,
    tokenEndpoint: `${issuer}/token`,
    engineEnv: (redirect, extra = {}) => ({
      BATON_OIDC_ISSUER_URL: issuer,
      BATON_OIDC_PROVIDER_NAME: 'Acme SSO',
      BATON_OIDC_CLIENT_ID: portalClient.clientId,
      BATON_OIDC_CLIENT_SECRET: portalClient.clientSecret,
      BATON_OIDC_REDIRECT_URL: redirect,
      BATON_OIDC_AUDIENCE: audience,
      BATON_OIDC_ROLE_MAPPING: 'baton-admins=admin,process-owners=analyst',
      ...extra,
    }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A free TCP port on localhost (for an engine whose URL must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Goes through the provider's development login page as a browser would, without one: follows
 * the redirects with the provider's cookies, posts `login` (any password), and returns the URL
 * the provider sends the browser back to (the engine's /sign-in/callback with `code` and
 * `state`, or with `error`). `abort` presses "Cancel" instead of signing in.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, options: { abort?: boolean } = {}): Promise<URL> {
  const cookies = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return response;
  };
  const origin = new URL(authorizationUrl).origin;
  let response = await send(authorizationUrl);
  for (let hops = 0; hops < 10; hops++) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, origin);
      if (next.origin !== origin) return next;
      response = await send(next.href);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`The provider answered ${response.status}: ${html.slice(0, 300)}`);
    if (options.abort) {
      const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
      if (!abort) throw new Error(`Expected the provider's page to have a cancel link, but it has none: ${html.slice(0, 300)}`);
      response = await send(new URL(abort.replace(/&amp;/g, '&'), origin).href);
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`Expected the provider's login form, but found: ${html.slice(0, 300)}`);
    response = await send(new URL(action.replace(/&amp;/g, '&'), origin).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
    });
  }
  throw new Error('The provider redirected more than 10 times');
}
