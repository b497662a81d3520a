import type { TimerParseResult } from './timer-parse-result.js';

/** An ISO 8601 date-time with offset, e.g. `2025-03-01T09:30:00+01:00[Europe/Paris]`. */
export interface IsoDateTime {
  /** The instant, in milliseconds since the epoch. */
  epochMilliseconds: number;
  /** The offset from UTC written in the text, in minutes (`Z` is 0). */
  offsetMinutes: number;
  /** The region written in brackets after the offset, if any. */
  zoneId?: string;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})(?:\[([^\]]+)\])?$/i;

/**
 * Parses a date-time the way Zeebe reads `timeDate` (Java's `ZonedDateTime`): date, `T`, time with
 * optional seconds and fraction, and a required offset (`Z` or `±hh:mm`), optionally followed by a
 * region in brackets. A local date-time without offset is refused: the instant would be ambiguous.
 */
export function parseIsoDateTime(text: string): TimerParseResult<IsoDateTime> {
  const match = DATE_TIME.exec(text.trim());
  if (match === null) return { ok: false, reason: 'it does not have the form YYYY-MM-DDThh:mm:ss followed by Z or an offset like +01:00' };
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  if (month < 1 || month > 12) return { ok: false, reason: `month ${month} does not exist` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { ok: false, reason: `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}` };
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: 'the time of day is out of range' };
  const offset = match[8]!.toUpperCase();
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const hours = Number(offset.slice(1, 3));
    const minutes = Number(offset.slice(4, 6));
    if (hours > 18 || minutes > 59) return { ok: false, reason: `offset ${offset} is out of range` };
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const zoneId = match[9];
  if (zoneId !== undefined && !isKnownTimeZone(zoneId)) return { ok: false, reason: `time zone '${zoneId}' is unknown` };
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear puts them back.
  const instant = new Date(utc);
  instant.setUTCFullYear(year);
  const value: IsoDateTime = { epochMilliseconds: instant.getTime() - offsetMinutes * 60_000, offsetMinutes };
  if (zoneId !== undefined) value.zoneId = zoneId;
  return { ok: true, value };
}

function isKnownTimeZone(zoneId: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zoneId });
    return true;
  } catch {
    return false;
  }
}
