import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';

const feel = new FeelService({ now: new Date('2024-03-10T12:00:00Z') });

describe('to json(value)', () => {
  it('given FEEL values, when converted, then the JSON text matches Camunda', () => {
    expect(feel.evaluate('to json({a: 1, b: 2})', {})).toEqual({ ok: true, value: '{"a":1,"b":2}', warnings: [] });
    expect(feel.evaluate('to json(true)', {})).toEqual({ ok: true, value: 'true', warnings: [] });
    expect(feel.evaluate('to json(null)', {})).toEqual({ ok: true, value: 'null', warnings: [] });
    expect(feel.evaluate('to json(["a", "say \\"hi\\""])', {})).toEqual({ ok: true, value: '["a","say \\"hi\\""]', warnings: [] });
  });

  it('given temporal values, when converted, then they become the ISO strings used for variables', () => {
    expect(feel.evaluate('to json(@"2023-06-14")', {})).toEqual({ ok: true, value: '"2023-06-14"', warnings: [] });
    expect(feel.evaluate('to json(@"2025-11-24T10:00:00@Europe/Berlin")', {})).toEqual({
      ok: true,
      value: '"2025-11-24T10:00:00+01:00[Europe/Berlin]"',
      warnings: [],
    });
    expect(feel.evaluate('to json(@"P3Y")', {})).toEqual({ ok: true, value: '"P3Y"', warnings: [] });
  });
});

describe('from json(value)', () => {
  it('given JSON texts, when parsed, then objects become contexts and strings stay strings', () => {
    expect(feel.evaluate('from json("{\\"a\\": 1, \\"b\\": 2}")', {})).toEqual({ ok: true, value: { a: 1, b: 2 }, warnings: [] });
    expect(feel.evaluate('from json("true")', {})).toEqual({ ok: true, value: true, warnings: [] });
    expect(feel.evaluate('from json("\\"2023-06-14\\"")', {})).toEqual({ ok: true, value: '2023-06-14', warnings: [] });
    expect(feel.evaluate('from json(payload).items[2]', { payload: '{"items": [10, 20]}' })).toEqual({ ok: true, value: 20, warnings: [] });
  });

  it('given invalid JSON or no string, when parsed, then the result is null with a warning', () => {
    expect(feel.evaluate('from json("{oops")', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'from json(value) expects a JSON text, got "{oops"' }],
    });
    expect(feel.evaluate('from json(1)', {})).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
  });

  it('given a round trip, when a value goes to JSON and back, then it is unchanged', () => {
    expect(feel.evaluate('from json(to json(x)) = x', { x: { a: [1, 'b', null, { c: true }] } })).toEqual({ ok: true, value: true, warnings: [] });
  });
});

describe('date and time(date, timezone)', () => {
  it('given a zoned date-time and another zone, when converted, then the instant is kept and the local time moves', () => {
    expect(feel.evaluate('date and time(@"2020-07-31T14:27:30@Europe/Berlin", "America/Los_Angeles")', {})).toEqual({
      ok: true,
      value: '2020-07-31T05:27:30-07:00[America/Los_Angeles]',
      warnings: [],
    });
    expect(feel.evaluate('date and time(@"2020-07-31T14:27:30+02:00", "Z")', {})).toMatchObject({ value: '2020-07-31T12:27:30Z' });
    expect(feel.evaluate('date and time(date: @"2020-07-31T14:27:30Z", timezone: "+05:30")', {})).toMatchObject({ value: '2020-07-31T19:57:30+05:30' });
  });

  it('given a local date-time, when converted, then it is read in the timeZone option (Camunda: the system zone)', () => {
    expect(feel.evaluate('date and time(@"2020-07-31T14:27:30", "Z")', {})).toMatchObject({ value: '2020-07-31T14:27:30Z' });
    expect(feel.evaluate('date and time(@"2020-07-31T14:27:30", "Z")', {}, { timeZone: 'Europe/Berlin' })).toMatchObject({
      value: '2020-07-31T12:27:30Z',
    });
  });

  it('given an unknown zone or a plain date, when converted, then the result is null with a warning', () => {
    expect(feel.evaluate('date and time(@"2020-07-31T14:27:30Z", "Mars/Olympus")', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'date and time(date, timezone) expects a known time zone, got "Mars/Olympus"' }],
    });
    expect(feel.evaluate('date and time(@"2020-07-31", "Z")', {})).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
  });

  it('given the other forms, when called, then feelin handles them as before', () => {
    expect(feel.evaluate('date and time("2018-04-29T09:30:00+02:00")', {})).toMatchObject({ value: '2018-04-29T09:30:00+02:00' });
    expect(feel.evaluate('date and time(date("2012-12-24"), time("23:59:00"))', {})).toMatchObject({ value: '2012-12-24T23:59:00' });
    expect(feel.evaluate('date and time("2018-04-29T09:30:00+02:00[Europe/Berlin]")', {})).toMatchObject({ value: '2018-04-29T09:30:00+02:00[Europe/Berlin]' });
    expect(feel.evaluate('date and time("not a date")', {})).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
  });
});

describe('years and months duration(from, to)', () => {
  it('given two dates, when measured, then only whole years and months count', () => {
    expect(feel.evaluate('years and months duration(date("2011-12-22"), date("2013-08-24"))', {})).toEqual({ ok: true, value: 'P1Y8M', warnings: [] });
    expect(feel.evaluate('years and months duration(date("2013-08-24"), date("2011-12-22"))', {})).toEqual({ ok: true, value: '-P1Y8M', warnings: [] });
    expect(feel.evaluate('years and months duration(date("2024-01-01"), date("2024-01-31"))', {})).toEqual({ ok: true, value: 'P0Y', warnings: [] });
  });
});
