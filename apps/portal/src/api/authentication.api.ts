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
