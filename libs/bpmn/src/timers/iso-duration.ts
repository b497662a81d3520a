import type { TimerParseResult } from './timer-parse-result.js';

/**
 * An ISO 8601 duration (`PnYnMnWnDTnHnMnS`) as its components. Calendar parts (years, months,
 * weeks, days) stay separate from clock parts because "P1M" or "P1D" have no fixed length: they
 * are added on the calendar (see `addIsoDuration`).
 */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  /** May have a fraction (`PT1.5S`). */
  seconds: number;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,9})?)S)?)?$/i;

/**
 * Parses an ISO 8601 duration the way Zeebe does (Java's `Period` + `Duration`): letters in any
 * case (`PT30s` is accepted), weeks may be combined with other parts (`P1W2D`), only seconds may
 * have a fraction, no signs.
 */
export function parseIsoDuration(text: string): TimerParseResult<IsoDuration> {
  const source = text.trim();
  const match = DURATION.exec(source);
  if (match === null) return { ok: false, reason: 'it does not have the form PnYnMnWnDTnHnMnS' };
  const parts = match.slice(1).map((part) => (part === undefined ? undefined : Number(part.replace(',', '.'))));
  if (/T/i.test(source) && parts.slice(4).every((part) => part === undefined)) return { ok: false, reason: "it has no component after 'T'" };
  if (parts.every((part) => part === undefined)) return { ok: false, reason: 'it has no component' };
  const [years, months, weeks, days, hours, minutes, seconds] = parts.map((part) => part ?? 0) as [number, number, number, number, number, number, number];
  return { ok: true, value: { years, months, weeks, days, hours, minutes, seconds } };
}

/**
 * Adds a duration to an instant: calendar parts on the UTC calendar (the 31st plus one month is the
 * last day of the next month, as in Java), then clock parts as exact milliseconds.
 */
export function addIsoDuration(instant: Date, duration: IsoDuration): Date {
  const date = new Date(instant.getTime());
  if (duration.years !== 0 || duration.months !== 0) {
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + duration.years * 12 + duration.months);
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(day, lastDay));
  }
  date.setUTCDate(date.getUTCDate() + duration.weeks * 7 + duration.days);
  const clockMilliseconds = Math.round(((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000);
  return new Date(date.getTime() + clockMilliseconds);
}
