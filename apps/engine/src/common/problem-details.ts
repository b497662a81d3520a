import { STATUS_CODES } from 'node:http';
import { PROBLEM_TITLES, type ErrorCode } from '#errors';

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
 * A framework error whose status Baton has no code for (none is known: routing, body parsing and
 * uploads answer the statuses of the catalogue's `REQUEST.*` codes); it keeps its status.
 */
export type FrameworkFallbackCode = `REQUEST.HTTP_${number}`;

/**
 * Builds a problem details body; `type` is a URN naming the code (listed in docs/errors.md), the
 * `title` is Camunda's category for the status (PROBLEM_TITLES).
 */
export function problemDetails(status: number, code: ErrorCode | FrameworkFallbackCode, detail: string, instance: string, extensions: Record<string, unknown> = {}): ProblemDetails {
  return {
    type: `urn:baton:problem:${code}`,
    title: PROBLEM_TITLES[status as keyof typeof PROBLEM_TITLES] ?? (STATUS_CODES[status] ?? 'ERROR').toUpperCase().replace(/ /g, '_'),
    status,
    detail,
    instance,
    code,
    ...extensions,
  };
}

/** The media type of problem details bodies. */
export const PROBLEM_JSON = 'application/problem+json';
