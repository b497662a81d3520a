import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { jsonDepth, tooDeepVariable } from '#engine-core';
import { InvalidArgumentError } from '../errors/index.js';

/**
 * How deeply any JSON request body may be nested. No valid body comes close (variables at the
 * deepest allowed sit 2 levels down, search filters 4); it keeps hostile bodies away from
 * class-transformer, whose recursion overflows the stack some thousand levels down.
 */
export const MAX_BODY_DEPTH = 64;

/**
 * Express middleware, right after JSON body parsing and before anything else reads the body:
 * every variable of a `variables` document (the one shape every Camunda request that carries
 * variables shares: starts, job completions and failures, BPMN errors, user task completion, set
 * variables, messages) may be nested at most `maxVariableDepth` deep (400 `VARIABLE.TOO_DEEP`,
 * naming the variable), and a body as a whole at most MAX_BODY_DEPTH (400 `REQUEST.TOO_DEEP`).
 * The depth is measured without recursion, so a body nested 10,000 levels deep is a plain 400.
 */
export function jsonDepthGuard(maxVariableDepth: number): RequestHandler {
  return (request: Request, _response: Response, next: NextFunction) => {
    const body: unknown = request.body;
    if (body === null || typeof body !== 'object') return next();
    const variables = (body as { variables?: unknown }).variables;
    if (variables !== null && typeof variables === 'object' && !Array.isArray(variables)) {
      const found = tooDeepVariable(variables as Record<string, unknown>, maxVariableDepth);
      if (found) {
        return next(
          new InvalidArgumentError(
            'VARIABLE.TOO_DEEP',
            `Expected variable '${found.name}' to be nested at most ${maxVariableDepth} levels deep but it is nested ${found.depth} levels deep (objects and arrays; BATON_MAX_VARIABLE_DEPTH)`,
            { variable: found.name, depth: found.depth, maxDepth: maxVariableDepth },
          ),
        );
      }
    }
    const depth = jsonDepth(body);
    if (depth > MAX_BODY_DEPTH) {
      return next(
        new InvalidArgumentError('REQUEST.TOO_DEEP', `Expected a JSON body nested at most ${MAX_BODY_DEPTH} levels deep but it is nested ${depth} levels deep`, {
          depth,
          maxDepth: MAX_BODY_DEPTH,
        }),
      );
    }
    next();
  };
}
