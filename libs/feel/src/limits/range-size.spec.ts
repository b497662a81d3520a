import { FeelRange } from 'feelin';
import { describe, expect, it } from 'vitest';
import { rangeSize } from './range-size.js';

function range(start: unknown, end: unknown, startIncluded = true, endIncluded = true, valueType = 'number'): FeelRange {
  return new FeelRange({ start, end, 'start included': startIncluded, 'end included': endIncluded, valueType });
}

describe('rangeSize', () => {
  it('given whole-number ranges, then it counts what feelin enumerates', () => {
    expect(rangeSize(range(1, 5), 100)).toBe(5);
    expect(rangeSize(range(5, 1), 100)).toBe(5);
    expect(rangeSize(range(1, 5, false, false), 100)).toBe(3);
    expect(rangeSize(range(1, 5, true, false), 100)).toBe(4);
    expect(rangeSize(range(1, 1), 100)).toBe(1);
    expect(rangeSize(range(1, 1, true, false), 100)).toBe(0);
    expect(rangeSize(range(1, 1e9), 100)).toBe(1e9);
  });

  it('given ranges feelin would step through for ever, then the size is Infinity', () => {
    expect(rangeSize(range(1, 1, false, true), 100)).toBe(Infinity);
    expect(rangeSize(range(1.5, 3), 100)).toBe(Infinity);
    expect(rangeSize(range(1e17, 1e17 + 64), 100)).toBe(Infinity);
    expect(rangeSize(range(1, Infinity), 100)).toBe(Infinity);
  });

  it('given fractional bounds a whole number apart, then it counts them by stepping', () => {
    expect(rangeSize(range(1.5, 3.5), 100)).toBe(3);
    expect(rangeSize(range(0.5, 2.5, true, false), 100)).toBe(2);
    expect(rangeSize(range(-0.5, 1e6 - 0.5), 100)).toBeGreaterThan(100);
  });

  it('given ranges whose size feelin decides itself, then it is undefined', () => {
    expect(rangeSize(range('a', 'z', true, true, 'string'), 100)).toBeUndefined();
    expect(rangeSize(range(null, 5), 100)).toBeUndefined();
  });
});
