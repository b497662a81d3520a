import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';

const feel = new FeelService({ now: new Date('2024-02-10T08:00:00Z') });

describe('last day of month(date)', () => {
  it('given dates and date-times, when asked, then the last day of their month comes back as a date', () => {
    expect(feel.evaluate('last day of month(date("2022-10-01"))', {})).toEqual({ ok: true, value: '2022-10-31', warnings: [] });
    expect(feel.evaluate('last day of month(date and time("2022-10-16T12:00:00"))', {})).toEqual({ ok: true, value: '2022-10-31', warnings: [] });
    expect(feel.evaluate('last day of month(date("2023-02-10"))', {})).toEqual({ ok: true, value: '2023-02-28', warnings: [] });
    expect(feel.evaluate('last day of month(today())', {})).toEqual({ ok: true, value: '2024-02-29', warnings: [] });
  });

  it('given something that is not a date, when asked, then the result is null with a warning', () => {
    expect(feel.evaluate('last day of month("2022-10-01")', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'last day of month(date) expects a date or date and time, got "2022-10-01"' }],
    });
  });
});

describe('now() and today()', () => {
  it('given the service clock, when combined with other temporal functions, then everything derives from it', () => {
    expect(feel.evaluate('day of week(today())', {})).toEqual({ ok: true, value: 'Saturday', warnings: [] });
    expect(feel.evaluate('date(now()) = today()', {})).toEqual({ ok: true, value: true, warnings: [] });
    expect(feel.evaluate('now().hour', {})).toEqual({ ok: true, value: 8, warnings: [] });
  });
});
