import { ApiProblem } from './api-problem';

/** How the client learns the current token and reports a rejected one. */
export interface ApiClientOptions {
  /** The bearer token to send, or null when signed out. Read on every call. */
  getToken: () => string | null;
  /**
   * Called when a call that carried a token is answered 401: the token expired or was revoked.
   * The session layer signs out locally, if `rejectedToken` is still the current one (a late
   * answer to an old session must not end a new one). Calls without a token (sign-in) never
   * trigger it.
   */
  onUnauthorized: (problem: ApiProblem, rejectedToken: string) => void;
  /** Prefix of every path. @default "" (same origin: the engine serves the portal) */
  baseUrl?: string;
}

/** Per-call options. */
export interface RequestOptions {
  /** JSON body, sent with `Content-Type: application/json`; a `FormData` goes as multipart/form-data. */
  body?: unknown;
  /** How to read a successful answer: parsed JSON, or the raw text (BPMN XML). @default 'json' */
  responseType?: 'json' | 'text';
  /** Cancels the call (e.g. when the component that started it unmounts). */
  signal?: AbortSignal;
  /** Send the session's bearer token. @default true */
  authenticated?: boolean;
}

/**
 * The one way the portal talks to the engine's `/v2` API: adds the bearer token, sends and
 * parses JSON, turns every failure into an {@link ApiProblem} and reports 401s to the session.
 * Feature modules (`authentication.api.ts`, later tasks, deployments, ...) are thin typed
 * functions over `get`/`post`, so this is the only place that knows about fetch.
 */
export class ApiClient {
  private readonly baseUrl: string;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl ?? '';
  }

  /** GET a JSON resource. */
  get<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  /** GET a text resource (e.g. `/v2/process-definitions/{key}/xml`). */
  getText(path: string, options: Omit<RequestOptions, 'body' | 'responseType'> = {}): Promise<string> {
    return this.request<string>('GET', path, { ...options, responseType: 'text' });
  }

  /** POST, with an optional JSON body; resolves to undefined for 204. */
  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  /** Any method; the building block of `get` and `post`. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { body, signal, authenticated = true, responseType = 'json' } = options;
    const multipart = body instanceof FormData;
    const headers = new Headers({ Accept: 'application/json, application/problem+json' });
    const token = authenticated ? this.options.getToken() : null;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    // Multipart: fetch sets the Content-Type with its boundary itself.
    if (body !== undefined && !multipart) headers.set('Content-Type', 'application/json');

    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
        signal,
        // The token travels in the Authorization header, never in cookies, and the browser's own
        // credentials (cookies, HTTP auth) are never sent along: a sign-in lives only in the portal.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw ApiProblem.network(path, error);
    }

    if (!response.ok) {
      const problem = await ApiProblem.fromResponse(response, path);
      if (response.status === 401 && token) this.options.onUnauthorized(problem, token);
      throw problem;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (responseType === 'text') return text as T;
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
