import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { UnsupportedMediaTypeError } from '../common/errors/index.js';
import { ACCEPTED_MEDIA_TYPES, DEFAULT_MEDIA_TYPES } from './accepts-body.decorator.js';

/** Methods whose body the guard looks at. */
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Accepts a request body only in a media type the route documents: `application/json`, or what
 * it declares with {@link AcceptsBody} (deployments: `multipart/form-data`). Anything else is
 * answered 415 before authentication. Why so strict: `text/plain` and
 * `application/x-www-form-urlencoded` are what a web page of another site can make a browser
 * send without asking the engine first (no CORS preflight); JSON cannot be sent that way.
 *
 * A request without a body needs no Content-Type (Camunda's client sends none on a bodiless
 * POST such as a cancellation), but one that declares a type must declare an accepted one,
 * empty or not — as Camunda (Spring) answers it.
 */
@Injectable()
export class RequestBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!METHODS_WITH_BODY.has(request.method)) return true;
    const accepted = this.reflector.getAllAndOverride<string[] | undefined>(ACCEPTED_MEDIA_TYPES, [context.getHandler(), context.getClass()]) ?? DEFAULT_MEDIA_TYPES;
    const header = request.headers['content-type'];
    const mediaType = header?.split(';')[0]?.trim().toLowerCase();
    const route = `${request.method} ${request.path}`;
    if (mediaType === undefined || mediaType === '') {
      if (!hasBody(request)) return true;
      throw new UnsupportedMediaTypeError(`Expected a Content-Type of ${accepted.join(' or ')} for the body of ${route} but the request declares none`);
    }
    if (!accepted.includes(mediaType)) {
      throw new UnsupportedMediaTypeError(`Expected a Content-Type of ${accepted.join(' or ')} for ${route} but found ${header}`);
    }
    return true;
  }
}

/** A body is announced by a non-zero Content-Length or by Transfer-Encoding (chunked). */
function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}
