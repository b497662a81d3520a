import { STATUS_CODES } from 'node:http';

/** An RFC 9457 problem details body, with Baton's stable `code` as an extension member. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  [extension: string]: unknown;
}

/**
 * Titles as Camunda 8's REST API uses them, so clients written for Camunda read Baton's
 * errors the same way; the precise reason is in `code` and `detail`.
 */
const TITLES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Builds a problem details body; `type` is a URN naming the code (listed in docs/errors.md). */
export function problemDetails(status: number, code: string, detail: string, instance: string, extensions: Record<string, unknown> = {}): ProblemDetails {
  return {
    type: `urn:baton:problem:${code}`,
    title: TITLES[status] ?? (STATUS_CODES[status] ?? 'ERROR').toUpperCase().replace(/ /g, '_'),
    status,
    detail,
    instance,
    code,
    ...extensions,
  };
}

/** The media type of problem details bodies. */
export const PROBLEM_JSON = 'application/problem+json';
