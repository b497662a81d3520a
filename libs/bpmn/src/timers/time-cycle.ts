import { CronExpressionParser } from 'cron-parser';
import { parseIsoDateTime, type IsoDateTime } from './iso-date-time.js';
import { parseIsoDuration, type IsoDuration } from './iso-duration.js';
import type { TimerParseResult } from './timer-parse-result.js';

/** A `timeCycle`: an ISO 8601 repeating interval or a cron expression (both supported by Camunda 8). */
export type TimeCycle =
  | {
      kind: 'repeating-interval';
      /** How often the timer fires; undefined for `R/...` (unbounded). */
      repetitions?: number;
      /** When the first interval starts; undefined means "from now". */
      start?: IsoDateTime;
      interval: IsoDuration;
    }
  | {
      kind: 'cron';
      /** Six fields (second minute hour day-of-month month day-of-week); macros like `@daily` are expanded. */
      expression: string;
    };

/** Macros Spring's CronExpression (used by Zeebe) accepts, with their six-field meaning. */
const CRON_MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

/**
 * Parses a `timeCycle`: `R[n]/[start/]duration` (ISO 8601 repeating interval, e.g. `R3/PT10M`,
 * `R/2025-01-01T09:00:00Z/P1D`), or a cron expression in Zeebe's (Spring's) six-field form with
 * seconds, e.g. `0 0 9-17 * * MON-FRI`, or one of its macros (`@daily`, ...).
 */
export function parseTimeCycle(text: string): TimerParseResult<TimeCycle> {
  const source = text.trim();
  if (/^R/i.test(source)) return parseRepeatingInterval(source);
  return parseCron(source);
}

function parseRepeatingInterval(source: string): TimerParseResult<TimeCycle> {
  const parts = source.split('/');
  const repeat = /^R(\d*)$/i.exec(parts[0] ?? '');
  if (repeat === null || parts.length < 2 || parts.length > 3) {
    return { ok: false, reason: 'a repeating interval has the form R[n]/[start/]duration' };
  }
  const cycle: TimeCycle = { kind: 'repeating-interval', interval: { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 } };
  if (repeat[1] !== '') cycle.repetitions = Number(repeat[1]);
  if (parts.length === 3) {
    const start = parseIsoDateTime(parts[1]!);
    if (!start.ok) return { ok: false, reason: `the start '${parts[1]}' is not a date-time: ${start.reason}` };
    cycle.start = start.value;
  }
  const interval = parseIsoDuration(parts[parts.length - 1]!);
  if (!interval.ok) return { ok: false, reason: `the interval '${parts[parts.length - 1]}' is not a duration: ${interval.reason}` };
  cycle.interval = interval.value;
  return { ok: true, value: cycle };
}

function parseCron(source: string): TimerParseResult<TimeCycle> {
  const macro = CRON_MACROS[source.toLowerCase()];
  const expression = macro ?? source.split(/\s+/).join(' ');
  const fields = expression.split(' ').length;
  if (fields === 1 && parseIsoDuration(source).ok) {
    return { ok: false, reason: `a duration alone does not repeat: write R/${source} for an unbounded cycle or Rn/${source} for n times` };
  }
  if (fields !== 6) {
    return { ok: false, reason: `a cron expression has six fields (second minute hour day-of-month month day-of-week) but this one has ${fields}` };
  }
  try {
    CronExpressionParser.parse(expression, { tz: 'UTC', currentDate: new Date(0) });
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  return { ok: true, value: { kind: 'cron', expression } };
}
