import { describe, expect, it } from 'vitest';
import { parseTimeCycle } from './time-cycle.js';

const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseTimeCycle', () => {
  it('reads a bounded repeating interval', () => {
    expect(parseTimeCycle('R3/PT10M')).toEqual({ ok: true, value: { kind: 'repeating-interval', repetitions: 3, interval: { ...zero, minutes: 10 } } });
  });

  it('reads an unbounded repeating interval with a start', () => {
    const parsed = parseTimeCycle('R/2025-01-01T09:00:00Z/P1D');
    expect(parsed).toEqual({
      ok: true,
      value: { kind: 'repeating-interval', start: { epochMilliseconds: Date.UTC(2025, 0, 1, 9), offsetMinutes: 0 }, interval: { ...zero, days: 1 } },
    });
  });

  it('reads R0 as zero repetitions', () => {
    expect(parseTimeCycle('R0/PT1S')).toMatchObject({ ok: true, value: { repetitions: 0 } });
  });

  it.each([
    ['0 0 9-17 * * MON-FRI', '0 0 9-17 * * MON-FRI'],
    ['0  */15   *  *  *  *', '0 */15 * * * *'],
    ['0 0 12 ? * WED', '0 0 12 ? * WED'],
    ['0 0 0 L * *', '0 0 0 L * *'],
    ['@daily', '0 0 0 * * *'],
    ['@HOURLY', '0 0 * * * *'],
    ['@annually', '0 0 0 1 1 *'],
  ])('reads the cron expression %j', (text, expression) => {
    expect(parseTimeCycle(text)).toEqual({ ok: true, value: { kind: 'cron', expression } });
  });

  it.each([
    ['R3', 'a repeating interval has the form R[n]/[start/]duration'],
    ['R3/PT1M/2025-01-01T00:00:00Z/x', 'a repeating interval has the form R[n]/[start/]duration'],
    ['Rx/PT1M', 'a repeating interval has the form R[n]/[start/]duration'],
    ['R3/tomorrow/PT1M', "the start 'tomorrow' is not a date-time: it does not have the form YYYY-MM-DDThh:mm:ss followed by Z or an offset like +01:00"],
    ['R3/1 minute', "the interval '1 minute' is not a duration: it does not have the form PnYnMnWnDTnHnMnS"],
    ['PT10M', 'a duration alone does not repeat: write R/PT10M for an unbounded cycle or Rn/PT10M for n times'],
    ['0 9 * * MON-FRI', 'a cron expression has six fields (second minute hour day-of-month month day-of-week) but this one has 5'],
    ['0 0 25 * * *', 'Constraint error, got value 25 expected range 0-23'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseTimeCycle(text)).toEqual({ ok: false, reason });
  });
});
