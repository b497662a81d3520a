import { FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';
import type { FeelWarning, JsonValue } from '../feel.types.js';
import { formatDate, formatDateTime, formatDuration, formatTime } from './temporal-format.js';

/** Outcome of {@link toJsonValue}: the JSON form, or why there is none. */
export type JsonConversion = { ok: true; value: JsonValue; warnings: FeelWarning[] } | { ok: false; reason: string };

/**
 * Converts a FEEL value into the JSON that becomes a process variable, as Zeebe does:
 * temporal values become ISO-8601 strings (see `temporal-format.ts`); ranges and functions have no
 * JSON form and become `null` (Zeebe writes `nil` for them), reported as a `NOT_SERIALIZABLE`
 * warning so the loss is visible. Numbers that JSON cannot hold (`NaN`, `Infinity`, which FEEL's
 * decimal numbers never produce in Camunda) are a failure rather than a silent `null`; `-0` becomes `0`.
 */
export function toJsonValue(value: unknown): JsonConversion {
  const warnings: FeelWarning[] = [];
  const onPath = new Set<object>();

  const convert = (current: unknown, path: string): JsonValue => {
    if (current === null || current === undefined) return null;
    switch (typeof current) {
      case 'boolean':
      case 'string':
        return current;
      case 'number':
        if (!Number.isFinite(current)) throw new JsonConversionError(`the number ${current}${at(path)}`);
        return Object.is(current, -0) ? 0 : current;
      case 'bigint':
        return convert(Number(current), path);
      default:
        break;
    }
    if (current instanceof FeelDate) return formatDate(current);
    if (current instanceof FeelDateTime) return formatDateTime(current);
    if (current instanceof FeelTime) return formatTime(current);
    if (current instanceof FeelDuration) return formatDuration(current);
    if (isRange(current) || isFunction(current) || typeof current === 'function') {
      const kind = isRange(current) ? 'range' : 'function';
      warnings.push({ type: 'NOT_SERIALIZABLE', message: `A ${kind}${at(path)} has no JSON form; it was converted to null` });
      return null;
    }
    if (current instanceof Date) return Number.isNaN(current.getTime()) ? null : current.toISOString();
    if (typeof current !== 'object') return null;
    if (onPath.has(current)) throw new JsonConversionError(`a cyclic reference${at(path)}`);
    onPath.add(current);
    try {
      if (Array.isArray(current)) return current.map((item, index) => convert(item, `${path}[${index + 1}]`));
      const result: { [key: string]: JsonValue } = {};
      for (const [key, entry] of Object.entries(current)) {
        const entryPath = path === '' ? key : `${path}.${key}`;
        Object.defineProperty(result, key, { value: convert(entry, entryPath), enumerable: true, writable: true, configurable: true });
      }
      return result;
    } finally {
      onPath.delete(current);
    }
  };

  try {
    return { ok: true, value: convert(value, ''), warnings };
  } catch (error) {
    if (error instanceof JsonConversionError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** ` at items[2].price` for a nested position (FEEL path, 1-based list index); nothing for the result itself. */
function at(path: string): string {
  return path === '' ? '' : ` at ${path}`;
}

/** Internal signal: the value holds something JSON cannot represent. */
class JsonConversionError extends Error {
  override readonly name = 'JsonConversionError';
}
