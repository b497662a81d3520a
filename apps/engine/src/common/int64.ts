import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt } from 'class-validator';

/**
 * An int64 field of Camunda's API (timeouts, backoffs, operation references). Camunda clients
 * may send these as JSON strings (the official client does under strict validation, to avoid
 * losing precision), so a numeric string is accepted and read as a number.
 */
export function Int64(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value)),
    IsInt(),
  );
}
