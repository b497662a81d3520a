/**
 * A failed API call, carrying the engine's RFC 9457 problem details (`title`, `status`,
 * `detail`, `code`) so pages can show the server's own, precise message.
 *
 * `status` 0 means there was no HTTP answer at all (engine down, network gone); `code` is
 * then `CLIENT.NETWORK`.
 */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';

  constructor(
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    /** Short, human summary (`title` of the problem). */
    readonly title: string,
    /** The precise explanation for this occurrence (`detail`); what the UI shows. */
    readonly detail: string,
    /** Baton's stable error code, e.g. `AUTH.UNAUTHENTICATED`; `CLIENT.*` for client-side failures. */
    readonly code: string,
    /** The request path the problem is about. */
    readonly instance?: string,
    /** The problem's other members (RFC 9457 extensions), e.g. a deployment's `problems` list. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
  }

  /** True when the engine did not answer, so retrying later may help. */
  get isNetworkFailure(): boolean {
    return this.status === 0;
  }

  /** Builds the error from a non-2xx response, reading problem+json when the body is one. */
  static async fromResponse(response: Response, path: string): Promise<ApiProblem> {
    const fallbackTitle = response.statusText || `HTTP ${response.status}`;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const problem = isRecord(body) ? body : {};
    const title = typeof problem.title === 'string' ? problem.title : fallbackTitle;
    const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : title;
    const code = typeof problem.code === 'string' ? problem.code : `HTTP.${response.status}`;
    const instance = typeof problem.instance === 'string' ? problem.instance : path;
    const { type: _type, title: _title, status: _status, detail: _detail, instance: _instance, code: _code, ...extensions } = problem;
    return new ApiProblem(response.status, title, detail, code, instance, extensions);
  }

  /** The error for a request that got no response. */
  static network(path: string, cause: unknown): ApiProblem {
    const problem = new ApiProblem(
      0,
      'Engine unreachable',
      'Can’t reach the Baton engine. Check your connection and try again.',
      'CLIENT.NETWORK',
      path,
    );
    (problem as { cause?: unknown }).cause = cause;
    return problem;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
