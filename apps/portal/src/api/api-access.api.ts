import type { ApiClient } from './api-client';
import type { SearchResult } from './search';

/** An API token (`/v2/api-tokens`), without its secret. */
export interface ApiToken {
  apiTokenKey: string;
  name: string;
  username: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** An API client of `POST /oauth/token` (`/v2/api-clients`), without its secret. */
export interface ApiClientEntry {
  apiClientKey: string;
  clientId: string;
  name: string;
  username: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** What creating either asks for. */
export interface CreateCredentialRequest {
  name: string;
  username?: string;
  expiresAt?: string;
}

const NEWEST_FIRST = { page: { limit: 100 } };

export function searchApiTokens(api: ApiClient, signal?: AbortSignal): Promise<SearchResult<ApiToken>> {
  return api.post<SearchResult<ApiToken>>('/v2/api-tokens/search', NEWEST_FIRST, { signal });
}

/** Creates a token; the answer's `token` is the secret, shown only now. */
export function createApiToken(api: ApiClient, request: CreateCredentialRequest): Promise<ApiToken & { token: string }> {
  return api.post('/v2/api-tokens', request);
}

export function revokeApiToken(api: ApiClient, apiTokenKey: string): Promise<void> {
  return api.request('DELETE', `/v2/api-tokens/${apiTokenKey}`);
}

export function searchApiClients(api: ApiClient, signal?: AbortSignal): Promise<SearchResult<ApiClientEntry>> {
  return api.post<SearchResult<ApiClientEntry>>('/v2/api-clients/search', NEWEST_FIRST, { signal });
}

/** Creates a client; the answer's `clientSecret` is shown only now. */
export function createApiClient(api: ApiClient, request: CreateCredentialRequest & { clientId?: string }): Promise<ApiClientEntry & { clientSecret: string }> {
  return api.post('/v2/api-clients', request);
}

export function revokeApiClient(api: ApiClient, apiClientKey: string): Promise<void> {
  return api.request('DELETE', `/v2/api-clients/${apiClientKey}`);
}
