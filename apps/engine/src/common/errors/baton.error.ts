import type { ErrorCode, ErrorCodeWithStatus } from '#errors';

/**
 * Base of every error Baton's services throw on purpose. Each carries a stable `code` of the
 * catalogue (libs/errors, `AREA.REASON`, e.g. `USER_TASK.NOT_ACTIVE`) that clients may rely on;
 * the catalogue gives its HTTP status, and each subclass accepts only codes of its status, so
 * class and status cannot disagree. The problem-details filter answers it.
 */
export abstract class BatonError extends Error {
  /** Extra members for the problem+json body (RFC 9457 extension members). */
  readonly extensions: Record<string, unknown>;

  protected constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.extensions = extensions;
  }
}

/**
 * The request is malformed or cannot be accepted: a bad body, parameter or file, or a model with
 * problems (400, Camunda's `INVALID_ARGUMENT`, which Camunda also answers for a refused deployment).
 */
export class InvalidArgumentError extends BatonError {
  constructor(code: ErrorCodeWithStatus<400>, message: string, extensions?: Record<string, unknown>) {
    super(code, message, extensions);
  }
}

/** No or wrong credentials (401). */
export class UnauthenticatedError extends BatonError {
  constructor(message = 'Expected credentials (HTTP Basic or a Bearer token) but found none or invalid ones', code: ErrorCodeWithStatus<401> = 'AUTH.UNAUTHENTICATED') {
    super(code, message);
  }
}

/** Authenticated, but the role does not allow the call (403). */
export class ForbiddenError extends BatonError {
  constructor(code: ErrorCodeWithStatus<403>, message: string) {
    super(code, message);
  }
}

/** An unknown key or id (404). */
export class NotFoundError extends BatonError {
  constructor(code: ErrorCodeWithStatus<404>, message: string) {
    super(code, message);
  }
}

/** The resource is in the wrong state, or would be duplicated (409). */
export class ConflictError extends BatonError {
  constructor(code: ErrorCodeWithStatus<409>, message: string, extensions?: Record<string, unknown>) {
    super(code, message, extensions);
  }
}

/** The request body or a file is larger than allowed (413). */
export class PayloadTooLargeError extends BatonError {
  constructor(code: ErrorCodeWithStatus<413>, message: string) {
    super(code, message);
  }
}

/** The request body comes in a media type the route does not accept (415). */
export class UnsupportedMediaTypeError extends BatonError {
  constructor(message: string) {
    super('REQUEST.UNSUPPORTED_MEDIA_TYPE', message);
  }
}

/** Too many attempts: the caller must wait `retryAfterSeconds` before the next one (429, with `Retry-After`). */
export class TooManyRequestsError extends BatonError {
  constructor(
    code: ErrorCodeWithStatus<429>,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

/** A dependency (MySQL, Redis) is unavailable: worth trying again after `retryAfterSeconds` (503, with `Retry-After`). */
export class ServiceUnavailableError extends BatonError {
  constructor(
    code: ErrorCodeWithStatus<503>,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

/** Waiting for something took longer than the caller allowed (504). */
export class GatewayTimeoutError extends BatonError {
  constructor(code: ErrorCodeWithStatus<504>, message: string, extensions?: Record<string, unknown>) {
    super(code, message, extensions);
  }
}
