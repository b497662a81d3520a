import { describe, expect, it } from 'vitest';
import { FeelService } from './feel.service.js';
import type { JsonValue } from './feel.types.js';

const feel = new FeelService({ now: new Date('2024-03-10T12:00:00Z') });

function valueOf(expression: string, variables: Record<string, unknown> = {}): JsonValue {
  const result = feel.evaluate(expression, variables);
  if (!result.ok) throw new Error(`expected ${expression} to evaluate, got: ${result.failure.message}`);
  return result.value;
}

describe('dates', () => {
  it('given date literals and constructors, when evaluated, then they are stored as ISO dates', () => {
    expect(valueOf('date("2024-01-15")')).toBe('2024-01-15');
    expect(valueOf('@"2024-01-15"')).toBe('2024-01-15');
    expect(valueOf('date(2024, 1, 15)')).toBe('2024-01-15');
    expect(valueOf('date(date and time("2024-01-15T23:59:00@Europe/Berlin"))')).toBe('2024-01-15');
  });

  it('given an impossible date, when evaluated, then it is null with a warning', () => {
    expect(feel.evaluate('date("2024-02-30")', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: `date('"2024-02-30"') is not a valid date` }],
    });
  });

  it('given date arithmetic, when evaluated, then months are calendar months and days are days', () => {
    expect(valueOf('date("2024-01-31") + duration("P1M")')).toBe('2024-02-29');
    expect(valueOf('date("2024-03-01") - duration("P1D")')).toBe('2024-02-29');
    expect(valueOf('date("2024-01-15") + duration("P1Y")')).toBe('2025-01-15');
    expect(valueOf('date("2025-01-01") - date("2024-01-01")')).toBe('P366D');
  });

  it('given date comparisons and properties, when evaluated, then they follow the calendar', () => {
    expect(valueOf('date("2024-01-15") < date("2024-02-01")')).toBe(true);
    expect(valueOf('date("2024-01-15") between date("2024-01-01") and date("2024-01-31")')).toBe(true);
    expect(valueOf('date("2024-01-15").year')).toBe(2024);
    expect(valueOf('date("2024-01-15").weekday')).toBe(1);
    expect(valueOf('day of week(date("2019-09-17"))')).toBe('Tuesday');
    expect(valueOf('week of year(date("2019-09-17"))')).toBe(38);
  });

  it('given a date stored as a string variable, when converted back, then it round-trips', () => {
    expect(valueOf('date(due) + duration("P7D")', { due: '2024-12-28' })).toBe('2025-01-04');
  });
});

describe('date and time values', () => {
  it('given local, offset, UTC and named-zone date-times, when stored, then they use Java ISO forms as Zeebe does', () => {
    expect(valueOf('date and time("2020-07-31T14:27:30")')).toBe('2020-07-31T14:27:30');
    expect(valueOf('date and time("2020-07-31T14:27:30+02:00")')).toBe('2020-07-31T14:27:30+02:00');
    expect(valueOf('date and time("2020-07-31T14:27:30Z")')).toBe('2020-07-31T14:27:30Z');
    expect(valueOf('@"2020-07-31T14:27:30@Europe/Berlin"')).toBe('2020-07-31T14:27:30+02:00[Europe/Berlin]');
    expect(valueOf('@"2020-01-31T14:27:30@Europe/London"')).toBe('2020-01-31T14:27:30Z[Europe/London]');
    expect(valueOf('date and time("2020-07-31T14:27:30.250Z")')).toBe('2020-07-31T14:27:30.25Z');
  });

  it('given a stored zoned date-time string, when read back with date and time(), then the zone survives', () => {
    expect(valueOf('date and time(at)', { at: '2024-01-15T10:00:00+01:00[Europe/Berlin]' })).toBe('2024-01-15T10:00:00+01:00[Europe/Berlin]');
    expect(valueOf('date and time(at).timezone', { at: '2024-07-15T10:00:00+02:00[Europe/Berlin]' })).toBe('Europe/Berlin');
  });

  it('given the same instant in different zones, when compared, then they are equal', () => {
    expect(valueOf('@"2020-01-01T10:00:00+01:00" = @"2020-01-01T09:00:00Z"')).toBe(true);
    expect(valueOf('@"2020-01-01T10:00:00@Europe/Berlin" = @"2020-01-01T09:00:00Z"')).toBe(true);
    expect(valueOf('@"2020-01-01T10:00:00@Europe/Berlin" < @"2020-01-01T09:30:00Z"')).toBe(true);
  });

  it('given arithmetic across a daylight-saving change, when evaluated, then the zone rules apply', () => {
    expect(valueOf('@"2024-03-31T01:30:00@Europe/Berlin" + duration("PT1H")')).toBe('2024-03-31T03:30:00+02:00[Europe/Berlin]');
  });

  it('given date-time arithmetic, when evaluated, then durations come out as days and time', () => {
    expect(valueOf('date and time("2024-01-01T10:00:00") - date and time("2024-01-01T08:30:00")')).toBe('PT1H30M');
    expect(valueOf('date and time("2024-01-15T10:00:00Z") - now()')).toBe('-P55DT2H');
    expect(valueOf('date and time("2024-01-31T10:00:00Z") + duration("P1M")')).toBe('2024-02-29T10:00:00Z');
  });

  it('given a date and a time, when combined, then the time zone of the time is kept', () => {
    expect(valueOf('date and time(date("2024-01-15"), time("10:00:00Z"))')).toBe('2024-01-15T10:00:00Z');
    expect(valueOf('date and time("2024-01-15T10:20:30+02:00").time offset')).toBe('PT2H');
  });

  it('documents a known feelin deviation: subtracting zoned date-times ignores their zones', () => {
    // Camunda gives -PT1H (10:00 in Berlin is 09:00Z); feelin 8.2 subtracts the wall clocks
    expect(valueOf('@"2020-01-01T10:00:00@Europe/Berlin" - @"2020-01-01T10:00:00Z"')).toBe('P0D');
  });
});

describe('times', () => {
  it('given local times, when stored, then they use Java LocalTime.toString (seconds only when set)', () => {
    expect(valueOf('time("10:00:00")')).toBe('10:00');
    expect(valueOf('time("10:00:30")')).toBe('10:00:30');
    expect(valueOf('time("10:00:00.5")')).toBe('10:00:00.500');
    expect(valueOf('time(23, 59, 0)')).toBe('23:59');
  });

  it('given zoned times, when stored, then offsets, Z and zone ids are kept', () => {
    expect(valueOf('time("10:00:00+01:00")')).toBe('10:00:00+01:00');
    expect(valueOf('time("10:00:00Z")')).toBe('10:00:00Z');
    expect(valueOf('time("10:00:00@Europe/Paris")')).toBe('10:00:00@Europe/Paris');
  });

  it('given time arithmetic past midnight, when evaluated, then it wraps around', () => {
    expect(valueOf('time("23:30:00") + duration("PT1H")')).toBe('00:30');
    expect(valueOf('time(t) < time("12:00:00")', { t: '10:00' })).toBe(true);
  });
});

describe('durations', () => {
  it('given days-and-time durations, when stored, then they are balanced into days, hours, minutes and seconds', () => {
    expect(valueOf('duration("P1DT2H")')).toBe('P1DT2H');
    expect(valueOf('duration("PT36H")')).toBe('P1DT12H');
    expect(valueOf('duration("PT90M")')).toBe('PT1H30M');
    expect(valueOf('duration("-PT5M")')).toBe('-PT5M');
    expect(valueOf('duration("PT0S")')).toBe('P0D');
    expect(valueOf('duration("PT1.5S")')).toBe('PT1.5S');
  });

  it('given years-and-months durations, when stored, then they are balanced into years and months', () => {
    expect(valueOf('duration("P14M")')).toBe('P1Y2M');
    expect(valueOf('duration("-P15M")')).toBe('-P1Y3M');
    expect(valueOf('duration("P0Y")')).toBe('P0Y');
    expect(valueOf('@"P1Y2M"')).toBe('P1Y2M');
  });

  it('given duration arithmetic and comparison, when evaluated, then kinds must match', () => {
    expect(valueOf('duration("P1Y") + duration("P6M")')).toBe('P1Y6M');
    expect(valueOf('duration("P1D") + duration("PT12H")')).toBe('P1DT12H');
    expect(valueOf('duration("PT1H") < duration("PT2H")')).toBe(true);
    expect(feel.evaluate('duration("P1Y") + duration("P1D")', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_TYPE', message: "Can't add 'P1D' to 'P1Y'" }],
    });
  });

  it('given a duration divided by a duration of the same kind, when evaluated, then the result is their ratio', () => {
    expect(valueOf('duration("PT1M") / duration("PT1S")')).toBe(60);
    expect(valueOf('duration("P1DT12H") / duration("PT1H")')).toBe(36);
    expect(valueOf('duration("P1Y") / duration("P1M")')).toBe(12);
    expect(valueOf('duration("-PT30S") / duration("PT1M")')).toBe(-0.5);
    // Zeebe-chaos models measure epoch milliseconds this way.
    expect(valueOf('((now() - date and time("1970-01-01T00:00Z")) / duration("PT1S")) * 1000')).toBe(Date.parse('2024-03-10T12:00:00Z'));
    // Not a number: a failure (an incident in a process), never Infinity in a variable.
    expect(feel.evaluate('duration("PT1H") / duration("PT0S")', {})).toMatchObject({ ok: false, failure: { code: 'FEEL_EVALUATION' } });
  });

  it('given duration properties, when read, then each kind exposes its own components', () => {
    expect(valueOf('duration("P1DT2H").hours')).toBe(2);
    expect(valueOf('duration("P1Y2M").months')).toBe(2);
    expect(valueOf('duration("P1Y2M").days')).toBeNull();
  });
});

describe('temporal values inside results', () => {
  it('given contexts and lists holding temporal values, when stored, then every value is converted', () => {
    expect(valueOf('{due: date("2024-01-15") + duration("P30D"), slots: [time("08:00:00"), time("13:30:00")], wait: duration("PT15M")}')).toEqual({
      due: '2024-02-14',
      slots: ['08:00', '13:30'],
      wait: 'PT15M',
    });
  });

  it('given string() of temporal values, when evaluated, then FEEL renders them as strings', () => {
    expect(valueOf('string(date("2024-01-15"))')).toBe('2024-01-15');
    expect(valueOf('string(duration("P1DT2H"))')).toBe('P1DT2H');
  });
});
