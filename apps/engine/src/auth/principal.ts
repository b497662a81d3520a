import type { Role } from '#persistence';

/** Who is calling: a user, through Basic auth, a portal session or an API token. */
export interface Principal {
  username: string;
  name: string;
  email: string | null;
  roles: Role[];
  groups: string[];
  /** `api-client`: a token from `POST /oauth/token`; `oidc-token`: an access token (JWT) of the external OIDC provider. */
  authenticatedBy: 'basic' | 'session' | 'api-token' | 'api-client' | 'oidc-token' | 'auth-disabled';
  /** The access token used, for sign-out. */
  tokenKey?: string;
}

/** Requests carry the principal once the AuthGuard has accepted them. */
export interface AuthenticatedRequest {
  principal?: Principal;
}
