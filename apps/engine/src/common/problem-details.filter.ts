import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { statusOf, type ErrorCodeWithStatus } from '#errors';
import { BatonError, ServiceUnavailableError, TooManyRequestsError } from './errors/index.js';
import { asDependencyFailure } from './dependency-failure.js';
import { PROBLEM_JSON, problemDetails, type ProblemDetails } from './problem-details.js';

/** Codes for errors raised by the framework itself (routing, body parsing, uploads). */
const FRAMEWORK_CODES: Record<number, ErrorCodeWithStatus<400 | 404 | 405 | 413 | 415>> = {
  400: 'REQUEST.MALFORMED',
  404: 'REQUEST.UNKNOWN_ROUTE',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

/**
 * The one place where errors become HTTP: typed Baton errors answer their code's status (the
 * catalogue in libs/errors),
 * framework errors keep theirs, a database or Redis that cannot be reached is a 503, anything
 * else is a 500 that is logged and not leaked.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.respond(error, http.getRequest<Request>(), http.getResponse<Response>());
  }

  /** Answers `error` as problem+json, with `WWW-Authenticate` on 401 and `Retry-After` on 429 and 503. */
  respond(error: unknown, request: Request, response: Response): void {
    const typed = error instanceof BatonError ? error : (asDependencyFailure(error) ?? error);
    if (typed !== error) this.logger.warn({ err: error, instance: request.originalUrl }, 'A dependency cannot be reached');
    const problem = this.toProblem(typed, request.originalUrl ?? request.url);
    if (response.headersSent) {
      return;
    }
    if (problem.status === 401) {
      response.setHeader('WWW-Authenticate', bearerChallenge(request));
    }
    if (typed instanceof TooManyRequestsError || typed instanceof ServiceUnavailableError) {
      response.setHeader('Retry-After', String(typed.retryAfterSeconds));
    }
    response.status(problem.status).type(PROBLEM_JSON).send(JSON.stringify(problem));
  }

  toProblem(error: unknown, instance: string): ProblemDetails {
    if (error instanceof BatonError) {
      return problemDetails(statusOf(error.code), error.code, error.message, instance, error.extensions);
    }
    const status = httpStatusOf(error);
    if (status !== undefined && status < 500) {
      return problemDetails(status, FRAMEWORK_CODES[status] ?? `REQUEST.HTTP_${status}`, frameworkDetail(error, status), instance);
    }
    this.logger.error({ err: error, instance }, 'Unexpected error');
    return problemDetails(500, 'INTERNAL', 'An unexpected error occurred; it has been logged', instance);
  }
}

/**
 * The challenge of every 401 names the Bearer scheme only (RFC 6750), with `invalid_token` when
 * a bearer token was refused. Never `Basic`: a browser answers a Basic challenge with its own
 * login box and then sends the entered credentials with every later request to the engine,
 * cross-site ones included — the ground for cross-site request forgery. Clients that use Basic
 * (curl -u, Camunda's client, the worker SDK) send it without being challenged.
 */
function bearerChallenge(request: Request): string {
  const authorization = request.headers.authorization;
  return authorization && /^bearer\s/i.test(authorization) ? 'Bearer realm="baton", error="invalid_token"' : 'Bearer realm="baton"';
}

/** Status of a Nest HttpException or of an Express/body-parser/multer error. */
function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const candidate = error as { status?: unknown; statusCode?: unknown; code?: unknown } | null;
  if (candidate && typeof candidate === 'object') {
    if (candidate.code === 'LIMIT_FILE_SIZE' || candidate.code === 'LIMIT_FIELD_VALUE') return 413;
    if (typeof candidate.code === 'string' && candidate.code.startsWith('LIMIT_')) return 400;
    const status = Number(candidate.status ?? candidate.statusCode);
    if (Number.isInteger(status) && status >= 400 && status < 600) return status;
  }
  return undefined;
}

function frameworkDetail(error: unknown, status: number): string {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  const err = error as { type?: string; message?: string };
  if (err.type === 'entity.parse.failed') return `Expected a JSON body but it does not parse: ${err.message ?? ''}`.trim();
  if (err.type === 'entity.too.large') return 'The request body is larger than allowed';
  if (status === 413) return `Payload too large: ${err.message ?? ''}`.trim();
  return err.message ?? 'Bad request';
}
