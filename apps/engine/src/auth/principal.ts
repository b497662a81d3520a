import type { Permission } from './permissions.js';

/** Who is calling: a user, through Basic auth, a portal session or an API token. */
export interface Principal {
  username: string;
  name: string;
  email: string | null;
  /** Role ids, given to the user directly or through a group (built-in and custom). */
  roles: string[];
  groups: string[];
  /** What the roles grant (permissions.ts). */
  permissions: Permission[];
  /** `api-client`: a token from `POST /oauth/token`; `oidc-token`: an access token (JWT) of the external OIDC provider. */
  authenticatedBy: 'basic' | 'session' | 'api-token' | 'api-client' | 'oidc-token' | 'auth-disabled';
  /** The access token used, for sign-out. */
  tokenKey?: string;
}

/** Requests carry the principal once the AuthGuard has accepted them. */
export interface AuthenticatedRequest {
  principal?: Principal;
}
