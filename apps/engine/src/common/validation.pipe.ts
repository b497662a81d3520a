import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { InvalidArgumentError } from './errors/index.js';

/**
 * The global ValidationPipe: DTOs are whitelisted (unknown properties are refused, not
 * dropped silently) and transformed; every violation is listed in one 400 problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new BatonValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const violations = flatten(errors);
      return new InvalidArgumentError(
        'REQUEST.INVALID_BODY',
        `The request is invalid: ${violations.map((v) => `${v.property}: ${v.message}`).join('; ')}`,
        { violations },
      );
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): Array<{ property: string; message: string }> {
  return errors.flatMap((error) => {
    const property = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ property, message: message.replace(/^property /, '') }));
    return [...own, ...flatten(error.children ?? [], property)];
  });
}

/**
 * Nest's ValidationPipe, except that a body's `variables` document reaches the handler exactly as
 * JSON.parse made it. Camunda stores variables of any name, but Nest deletes members named
 * `__proto__`, `constructor` and `prototype` anywhere in a body, class-transformer drops them too
 * (and those clashing with Object.prototype, such as `toString` and `valueOf`), and a member named
 * `constructor` deeper down makes class-transformer call its value as a class (a 500). So the
 * document is validated as an empty stand-in of its kind (`{}`, `[]`, or the value itself when it
 * is no object) and put back afterwards. The engine sets variables as own properties only
 * (setOwn in engine-core), so such names pollute nothing. The body's nesting was bounded before
 * (json-depth.guard.ts).
 */
class BatonValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body' || value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, 'variables')) {
      return super.transform(value, metadata);
    }
    const { variables } = value as { variables: unknown };
    const standIn = Array.isArray(variables) ? [] : variables !== null && typeof variables === 'object' ? {} : variables;
    const entity = (await super.transform({ ...value, variables: standIn }, metadata)) as { variables?: unknown } | null;
    if (entity !== null && typeof entity === 'object' && Object.hasOwn(entity, 'variables')) entity.variables = variables;
    return entity;
  }
}
