import { describe, expect, it } from 'vitest';
import { addIsoDuration, parseIsoDuration } from './iso-duration.js';

const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseIsoDuration', () => {
  it.each([
    ['PT30S', { ...zero, seconds: 30 }],
    ['PT30s', { ...zero, seconds: 30 }],
    ['pt5m', { ...zero, minutes: 5 }],
    ['P1DT12H', { ...zero, days: 1, hours: 12 }],
    ['P2W', { ...zero, weeks: 2 }],
    ['P1Y2M3W4DT5H6M7.5S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5 }],
    ['PT0,25S', { ...zero, seconds: 0.25 }],
    [' P7D ', { ...zero, days: 7 }],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['5 minutes', 'it does not have the form PnYnMnWnDTnHnMnS'],
    ['P', 'it has no component'],
    ['PT', "it has no component after 'T'"],
    ['P1DT', "it has no component after 'T'"],
    ['-PT5M', 'it does not have the form PnYnMnWnDTnHnMnS'],
    ['P1.5D', 'it does not have the form PnYnMnWnDTnHnMnS'],
    ['PT5M3H', 'it does not have the form PnYnMnWnDTnHnMnS'],
    ['', 'it does not have the form PnYnMnWnDTnHnMnS'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseIsoDuration(text)).toEqual({ ok: false, reason });
  });
});

describe('addIsoDuration', () => {
  const at = (iso: string) => new Date(iso);
  const add = (iso: string, duration: string) => {
    const parsed = parseIsoDuration(duration);
    if (!parsed.ok) throw new Error(parsed.reason);
    return addIsoDuration(at(iso), parsed.value).toISOString();
  };

  it('adds clock parts exactly', () => {
    expect(add('2025-03-30T00:00:00.000Z', 'PT1H30M15.5S')).toBe('2025-03-30T01:30:15.500Z');
  });

  it('adds days and weeks on the UTC calendar', () => {
    expect(add('2025-02-27T10:00:00.000Z', 'P2D')).toBe('2025-03-01T10:00:00.000Z');
    expect(add('2025-02-27T10:00:00.000Z', 'P1W')).toBe('2025-03-06T10:00:00.000Z');
  });

  it('adds months and years, clamping to the last day of a shorter month like Java', () => {
    expect(add('2025-01-31T08:00:00.000Z', 'P1M')).toBe('2025-02-28T08:00:00.000Z');
    expect(add('2024-02-29T08:00:00.000Z', 'P1Y')).toBe('2025-02-28T08:00:00.000Z');
    expect(add('2025-11-15T08:00:00.000Z', 'P1Y2M')).toBe('2027-01-15T08:00:00.000Z');
  });
});
