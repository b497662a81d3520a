import { FeelDateTime, FeelDuration, duration as feelinDuration } from 'feelin';
import { toJsonValue } from '../json/feel-json.js';
import { builtin, describeValue, invalidArguments, type BuiltinScope, type BuiltinTable } from './builtin.js';
import { feelinBuiltin } from './feelin-builtins.js';

/**
 * Camunda's conversion functions (docs: "Conversion functions") that feelin lacks or gets wrong.
 *
 * - `to json(value)`: the JSON text of a value. Temporal values become the same ISO-8601 strings
 *   as in process variables (`"2025-11-24T10:00:00+01:00[Europe/Berlin]"`, `"P3Y"`); ranges and
 *   functions become `null`; a number JSON cannot hold gives `null` with a warning.
 * - `from json(value)`: the FEEL value of a JSON text (objects become contexts, arrays lists);
 *   strings stay strings (no date detection). Invalid JSON gives `null`.
 * - `date and time(date, timezone)`: the same instant in another zone (IANA id, `Z`/`UTC` or a fixed
 *   offset such as `+01:00`). A local date-time is read in the evaluation's `timeZone` option
 *   (Camunda: the engine's system zone). The other forms are feelin's.
 * - `date and time(from)` also reads `2024-01-15T10:00:00+01:00[Europe/Berlin]`, the form Camunda
 *   documents and writes into variables (feelin 8.2 drops the bracketed zone).
 * - `years and months duration(from, to)`: feelin 8.2 leaves a day remainder in the result
 *   (`P1Y8M2D`); Camunda's result has only years and months (`P1Y8M`).
 */
export function conversionBuiltins(scope: BuiltinScope): BuiltinTable {
  const feelinDateAndTime = feelinBuiltin('date and time');
  const feelinYearsAndMonths = feelinBuiltin('years and months duration');

  return {
    'to json': builtin(['value'], (value: unknown) => {
      const json = toJsonValue(value);
      if (!json.ok) return invalidArguments(scope, `to json(value) cannot represent ${json.reason} in JSON`);
      return JSON.stringify(json.value);
    }),
    'from json': builtin(['value'], (value: unknown) => {
      if (typeof value !== 'string') return invalidArguments(scope, `from json(value) expects a string, got ${describeValue(value)}`);
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return invalidArguments(scope, `from json(value) expects a JSON text, got ${describeValue(value)}`);
      }
    }),
    'date and time': builtin(['date', 'time', 'from', 'timezone'], (date: unknown, time: unknown, from: unknown, timezone: unknown) => {
      const zone = typeof time === 'string' && date !== undefined ? time : timezone;
      if (typeof zone === 'string') return withZone(scope, date, zone);
      if (!feelinDateAndTime) return invalidArguments(scope, 'date and time is not available');
      const [dateArg, fromArg] = [withZoneId(date), withZoneId(from)];
      return fromArg === undefined ? feelinDateAndTime(dateArg, time) : feelinDateAndTime(dateArg, time, fromArg);
    }),
    'years and months duration': builtin(['from', 'to'], (from: unknown, to: unknown) => {
      const result = feelinYearsAndMonths?.(from, to);
      if (!(result instanceof FeelDuration) || result.unwrap().days === 0) return result ?? null;
      const months = result.unwrap().years * 12 + result.unwrap().months;
      return feelinDuration(`${months < 0 ? '-' : ''}P${Math.abs(months)}M`) ?? null;
    }),
  };
}

const OFFSET_AND_ZONE = /^(.+?)(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)\[([^\]]+)\]$/;

/**
 * `2024-01-15T10:00:00+01:00[Europe/Berlin]` (Java's ISO_ZONED_DATE_TIME, which Camunda accepts and
 * Baton writes into variables) as FEEL's `2024-01-15T10:00:00@Europe/Berlin`. feelin 8.2 would
 * silently drop the bracketed zone.
 */
function withZoneId(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = OFFSET_AND_ZONE.exec(value.trim());
  return match ? `${match[1]}@${match[2]}` : value;
}

/** `date and time(date, timezone)`: the instant of `date`, expressed in `timezone`. */
function withZone(scope: BuiltinScope, date: unknown, timezone: string): FeelDateTime | null {
  if (!(date instanceof FeelDateTime)) {
    return invalidArguments(scope, `date and time(date, timezone) expects <date> to be a date and time, got ${describeValue(date)}`);
  }
  const target = timezone === 'Z' ? 'UTC' : timezone;
  try {
    const instant = date.unwrap().toZonedDateTime(date.zone ?? zoneId(scope.timeZone));
    const moved = instant.withTimeZone(target);
    return new FeelDateTime(moved.toPlainDateTime(), target);
  } catch {
    return invalidArguments(scope, `date and time(date, timezone) expects a known time zone, got ${describeValue(timezone)}`);
  }
}

/** Temporal's id for a FEEL zone (`Z` is `UTC`). */
function zoneId(zone: string): string {
  return zone === 'Z' ? 'UTC' : zone;
}
