import type { ApiClient } from './api-client';

/** Roles Baton knows; a user may hold several. */
export type Role = 'admin' | 'analyst' | 'employee';

/** Body of `POST /v2/authentication/sign-in`. */
export interface SignInRequest {
  username: string;
  password: string;
}

/** Answer of `POST /v2/authentication/sign-in`: a portal session token and who it belongs to. */
export interface SignInResponse {
  token: string;
  tokenType: 'Bearer';
  /** ISO 8601; the token stops working then. */
  expiresAt: string;
  user: {
    username: string;
    displayName: string;
    email: string | null;
    roles: string[];
    groups: string[];
  };
}

/** Answer of `GET /v2/authentication/me` (Camunda 8 shape). */
export interface CurrentUser {
  username: string;
  displayName: string;
  email: string | null;
  /** Parts of the portal this user may open: `tasklist`, `operate`, `modeler`, `identity`. */
  authorizedComponents: string[];
  tenants: Array<{ tenantId: string; name: string }>;
  groups: string[];
  roles: string[];
  /** Baton addition: what the roles grant (`message:publish`, `instance:manage`, …; docs/security.md). */
  permissions: string[];
  salesPlanType: string;
  c8Links: Record<string, string>;
  /** True when the user signed in with a token that sign-out can revoke. */
  canLogout: boolean;
}

/** Exchanges username and password for a session token. Sent without a token; a 401 means wrong credentials. */
export function signIn(api: ApiClient, request: SignInRequest): Promise<SignInResponse> {
  return api.post<SignInResponse>('/v2/authentication/sign-in', request, { authenticated: false });
}

/** Who the current token belongs to; a 401 means the token is no longer valid. */
export function getCurrentUser(api: ApiClient, signal?: AbortSignal): Promise<CurrentUser> {
  return api.get<CurrentUser>('/v2/authentication/me', { signal });
}

/** Revokes the current session token on the engine. */
export function signOut(api: ApiClient): Promise<void> {
  return api.post<void>('/v2/authentication/sign-out');
}

/** Answer of `GET /v2/authentication/oidc`: whether the sign-in page offers the external provider. */
export interface OidcStatus {
  enabled: boolean;
  providerName: string | null;
}

/** Whether sign-in with an OpenID Connect provider is configured. Sent without a token. */
export function getOidcStatus(api: ApiClient, signal?: AbortSignal): Promise<OidcStatus> {
  return api.get<OidcStatus>('/v2/authentication/oidc', { signal, authenticated: false });
}

/** Starts a sign-in with the provider: where to send the browser, and the state to keep in the tab. */
export function startOidcSignIn(api: ApiClient): Promise<{ authorizationUrl: string; state: string }> {
  return api.post('/v2/authentication/oidc/authorization', undefined, { authenticated: false });
}

/** Finishes a sign-in with the query the provider sent the browser back with; a session as from {@link signIn}. */
export function completeOidcSignIn(api: ApiClient, callbackQuery: string): Promise<SignInResponse> {
  return api.post<SignInResponse>('/v2/authentication/oidc/callback', { callbackQuery }, { authenticated: false });
}
