import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from '../route-metadata.js';
import { PROBLEM_JSON } from '../problem-details.js';
import { ProblemDetailsDto } from './problem-details.dto.js';

/** @nestjs/swagger's metadata key of a handler's responses (DECORATORS.API_RESPONSE). */
const API_RESPONSE = 'swagger/apiResponse';

function problemContent() {
  return { [PROBLEM_JSON]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } };
}

/**
 * Declares an error status a route answers besides those {@link declareProblemResponses} derives
 * from the route itself (e.g. 409 for a conflict only its use case knows about), as problem+json.
 */
export function ApiProblemResponse(status: number, description: string): MethodDecorator {
  return ApiResponse({ status, description, content: problemContent() });
}

/**
 * Declares, on every route of the application, the error statuses it can answer by how it is
 * built, as problem+json (statuses a route declares itself are kept):
 * - 400 when it takes input (path parameters, query, body, files): validation, and search answers
 *   too large to send;
 * - 401 unless public (no or bad credentials), 429 (Basic attempts are throttled like sign-ins);
 * - 403 when a permission is required, and for state-changing requests (cross-site checks);
 * - 404 when a path parameter names something (an unknown key);
 * - 413 and 415 when it takes a body; 500 and 503 (a database pool that gave no connection) always.
 */
export function declareProblemResponses(app: INestApplication): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const statuses = derivedStatuses(controller, name, handler, method);
        const declared = (Reflect.getMetadata(API_RESPONSE, handler) ?? {}) as Record<string, unknown>;
        const added = Object.fromEntries(
          Object.entries(statuses)
            .filter(([status]) => !(status in declared))
            .map(([status, description]) => [status, { description, content: problemContent() }]),
        );
        Reflect.defineMetadata(API_RESPONSE, { ...declared, ...added }, handler);
      }
    }
  }
}

function derivedStatuses(controller: object, name: string, handler: object, method: RequestMethod): Record<number, string> {
  const path = `${String(Reflect.getMetadata(PATH_METADATA, controller) ?? '')}/${String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')}`;
  // Nest keeps a handler's parameter decorators on the controller class, as `<paramtype>:<index>`.
  const routeArgs = Object.keys((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as object).map((key) => Number(key.split(':')[0]));
  const takesBody = routeArgs.some((type) => type === RouteParamtypes.BODY || type === RouteParamtypes.FILES || type === RouteParamtypes.FILE);
  const hasPathParams = path.includes(':');
  const takesInput = takesBody || hasPathParams || routeArgs.includes(RouteParamtypes.QUERY);
  const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) === true || Reflect.getMetadata(PUBLIC_ROUTE, controller) === true;
  const permission = (Reflect.getMetadata(REQUIRED_PERMISSION, handler) ?? Reflect.getMetadata(REQUIRED_PERMISSION, controller)) as string | undefined;
  const changesState = method !== RequestMethod.GET && method !== RequestMethod.HEAD;

  const statuses: Record<number, string> = {};
  if (takesInput) statuses[400] = 'The request is invalid (each problem named in `detail`), or the answer would be larger than BATON_MAX_RESPONSE_BYTES (RESPONSE.TOO_LARGE).';
  if (!isPublic) statuses[401] = 'No credentials, or credentials that are wrong, expired or revoked.';
  if (permission || changesState) {
    statuses[403] = [permission ? `The caller's roles lack \`${permission}\`.` : '', changesState ? 'A web page of another origin may not change state.' : ''].filter(Boolean).join(' ');
  }
  if (hasPathParams) statuses[404] = 'Nothing with that key exists (or the caller may not see it).';
  if (takesBody) {
    statuses[413] = 'The body (or an uploaded file) is larger than the configured limit.';
    statuses[415] = 'The body is not of the media type this endpoint takes.';
  }
  if (!isPublic) statuses[429] = 'Too many failed password attempts for this user or address: retry after `Retry-After` seconds.';
  statuses[500] = 'An unexpected error (logged with the request).';
  statuses[503] = 'MySQL or Redis did not answer in time; retry later.';
  return statuses;
}
