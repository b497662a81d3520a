import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidArgumentError } from './errors/index.js';

/**
 * The global ValidationPipe: DTOs are whitelisted (unknown properties are refused, not
 * dropped silently) and transformed; every violation is listed in one 400 problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
