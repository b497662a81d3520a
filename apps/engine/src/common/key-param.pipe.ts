import { Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidArgumentError } from './errors/index.js';

const MAX_KEY = 2n ** 63n - 1n;

/** Validates a key path parameter: a positive 64-bit integer written as a numeric string. */
@Injectable()
export class KeyParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isKey(value)) {
      throw new InvalidArgumentError('REQUEST.INVALID_KEY', `Expected a key (a positive 64-bit integer as a numeric string) but got '${value}'`);
    }
    return value;
  }
}

export function isKey(value: unknown): value is string {
  return typeof value === 'string' && /^[1-9][0-9]{0,18}$/.test(value) && BigInt(value) <= MAX_KEY;
}
