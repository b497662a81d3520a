import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from './iso-date-time.js';

describe('parseIsoDateTime', () => {
  it.each([
    ['2025-03-01T08:30:00Z', '2025-03-01T08:30:00.000Z', 0, undefined],
    ['2025-03-01T09:30:00+01:00', '2025-03-01T08:30:00.000Z', 60, undefined],
    ['2025-03-01T09:30:00+01:00[Europe/Paris]', '2025-03-01T08:30:00.000Z', 60, 'Europe/Paris'],
    ['2025-03-01T03:30-05:00', '2025-03-01T08:30:00.000Z', -300, undefined],
    ['2025-03-01T08:30:00.123456Z', '2025-03-01T08:30:00.123Z', 0, undefined],
    ['2024-02-29T00:00:00z', '2024-02-29T00:00:00.000Z', 0, undefined],
  ])('reads %s as %s', (text, instant, offsetMinutes, zoneId) => {
    const parsed = parseIsoDateTime(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(new Date(parsed.value.epochMilliseconds).toISOString()).toBe(instant);
    expect(parsed.value.offsetMinutes).toBe(offsetMinutes);
    expect(parsed.value.zoneId).toBe(zoneId);
  });

  it.each([
    ['2025-03-01T09:30:00', 'it does not have the form YYYY-MM-DDThh:mm:ss followed by Z or an offset like +01:00'],
    ['2025-03-01', 'it does not have the form YYYY-MM-DDThh:mm:ss followed by Z or an offset like +01:00'],
    ['2025-03-01 09:30:00Z', 'it does not have the form YYYY-MM-DDThh:mm:ss followed by Z or an offset like +01:00'],
    ['2025-13-01T09:30:00Z', 'month 13 does not exist'],
    ['2025-02-29T09:30:00Z', 'day 29 does not exist in 2025-02'],
    ['2025-03-01T24:00:00Z', 'the time of day is out of range'],
    ['2025-03-01T09:30:00+19:00', 'offset +19:00 is out of range'],
    ['2025-03-01T09:30:00+01:00[Mars/Olympus]', "time zone 'Mars/Olympus' is unknown"],
  ])('refuses %s: %s', (text, reason) => {
    expect(parseIsoDateTime(text)).toEqual({ ok: false, reason });
  });
});
