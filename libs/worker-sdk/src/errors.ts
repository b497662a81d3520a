/**
 * Thrown by a handler to raise a BPMN error at the job's element (caught by an error boundary
 * event or event subprocess with this code; otherwise an incident UNHANDLED_ERROR_EVENT).
 * Not retried: a business outcome, not a failure.
 */
export class BpmnError extends Error {
  constructor(
    readonly code: string,
    message?: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message ?? code);
    this.name = 'BpmnError';
  }
}

/**
 * Thrown by a handler to fail the job with explicit retries and backoff (instead of the
 * default: one retry fewer, the worker's backoff). `retries: 0` raises an incident at once.
 */
export class JobFailure extends Error {
  readonly retries: number | undefined;
  readonly retryBackOff: number | undefined;
  readonly variables: Record<string, unknown>;

  constructor(message: string, options: { retries?: number; retryBackOff?: number; variables?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'JobFailure';
    this.retries = options.retries;
    this.retryBackOff = options.retryBackOff;
    this.variables = options.variables ?? {};
  }
}

/** The engine refused a call, with its problem+json body. */
export class EngineCallError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { code?: string; detail?: string; title?: string } | null,
    what: string,
  ) {
    super(`${what}: ${status} ${problem?.code ?? ''} ${problem?.detail ?? ''}`.trim());
    this.name = 'EngineCallError';
  }
}
