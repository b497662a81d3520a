import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';

const feel = new FeelService({ now: new Date('2024-03-10T12:00:00Z') });

describe('is empty(list)', () => {
  it('given empty and non-empty lists, when tested, then only [] is empty', () => {
    expect(feel.evaluate('is empty([])', {})).toEqual({ ok: true, value: true, warnings: [] });
    expect(feel.evaluate('is empty([1,2,3])', {})).toEqual({ ok: true, value: false, warnings: [] });
    expect(feel.evaluate('is empty(items[price > 10])', { items: [{ price: 5 }] })).toEqual({ ok: true, value: true, warnings: [] });
  });

  it('given something that is not a list, when tested, then the result is null with a warning', () => {
    expect(feel.evaluate('is empty(x)', { x: null })).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'is empty(list) expects <list> to be a list, got null' }],
    });
  });
});

describe('duplicate values(list)', () => {
  it('given repeated values, when asked, then each duplicate is listed once in order of first occurrence', () => {
    expect(feel.evaluate('duplicate values([1,2,3,2,1])', {})).toEqual({ ok: true, value: [1, 2], warnings: [] });
    expect(feel.evaluate('duplicate values(["a", "b"])', {})).toEqual({ ok: true, value: [], warnings: [] });
  });

  it('given structured and temporal values, when asked, then they are compared by value', () => {
    expect(feel.evaluate('duplicate values([{a: 1, b: 2}, {b: 2, a: 1}, [1], [1], [2]])', {})).toEqual({
      ok: true,
      value: [{ a: 1, b: 2 }, [1]],
      warnings: [],
    });
    expect(feel.evaluate('duplicate values([date("2024-01-01"), @"2024-01-01", null, null, "1", 1])', {})).toEqual({
      ok: true,
      value: ['2024-01-01', null],
      warnings: [],
    });
  });
});

describe('partition(list, size)', () => {
  it('given a size, when partitioning, then consecutive sublists of that size come back, the last shorter', () => {
    expect(feel.evaluate('partition([1,2,3,4,5], 2)', {})).toEqual({ ok: true, value: [[1, 2], [3, 4], [5]], warnings: [] });
    expect(feel.evaluate('partition([], 2)', {})).toEqual({ ok: true, value: [], warnings: [] });
    expect(feel.evaluate('partition(list: [1,2,3], size: 3)', {})).toEqual({ ok: true, value: [[1, 2, 3]], warnings: [] });
  });

  it('given a size that is not positive, when partitioning, then the result is null', () => {
    expect(feel.evaluate('partition([1,2], 0)', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'partition(list, size) expects <size> to be a positive number, got 0' }],
    });
    expect(feel.evaluate('partition([1,2], -1)', {})).toMatchObject({ value: null });
  });
});

describe('string join(list[, delimiter[, prefix, suffix]])', () => {
  it('given the one, two and four argument forms, when joining, then they match Camunda', () => {
    expect(feel.evaluate('string join(["a","b","c"])', {})).toEqual({ ok: true, value: 'abc', warnings: [] });
    expect(feel.evaluate('string join(["a"], "X")', {})).toEqual({ ok: true, value: 'a', warnings: [] });
    expect(feel.evaluate('string join(["a","b","c"], ", ")', {})).toEqual({ ok: true, value: 'a, b, c', warnings: [] });
    expect(feel.evaluate('string join(["a","b","c"], ", ", "[", "]")', {})).toEqual({ ok: true, value: '[a, b, c]', warnings: [] });
    expect(feel.evaluate('string join([], ", ", "[", "]")', {})).toEqual({ ok: true, value: '[]', warnings: [] });
  });

  it('given null items or a null delimiter, when joining, then they are skipped or empty', () => {
    expect(feel.evaluate('string join(["a",null,"c"])', {})).toEqual({ ok: true, value: 'ac', warnings: [] });
    expect(feel.evaluate('string join(["a","c"], null, "<", ">")', {})).toEqual({ ok: true, value: '<ac>', warnings: [] });
  });

  it('given named arguments, when joining, then they bind by name', () => {
    expect(feel.evaluate('string join(list: names, delimiter: "/")', { names: ['x', 'y'] })).toEqual({ ok: true, value: 'x/y', warnings: [] });
  });

  it('given an item that is not a string, when joining, then the result is null with a warning', () => {
    expect(feel.evaluate('string join(["a", 1])', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'string join(list, delimiter, prefix, suffix) expects a list of strings, got 1' }],
    });
  });
});
