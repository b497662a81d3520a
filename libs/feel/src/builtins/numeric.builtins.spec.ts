import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';

const feel = new FeelService({ random: () => 0.25 });

describe('random number()', () => {
  it('given an injected source, when called, then its value is returned', () => {
    expect(feel.evaluate('random number()', {})).toEqual({ ok: true, value: 0.25, warnings: [] });
  });

  it('given no source, when called, then the number is in [0, 1)', () => {
    const result = new FeelService().evaluate('random number()', {});
    const value = result.ok ? (result.value as number) : -1;
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
  });
});

describe('round up / round down / round half up / round half down (n[, scale])', () => {
  it('given no scale, when rounding, then scale 0 is used as in Camunda', () => {
    expect(feel.evaluate('[round up(5.5), round up(-5.5), round down(5.5), round down(-5.5)]', {})).toEqual({ ok: true, value: [6, -6, 5, -5], warnings: [] });
    expect(feel.evaluate('[round half up(5.5), round half up(-5.5), round half down(5.5), round half down(-5.5)]', {})).toEqual({
      ok: true,
      value: [6, -6, 5, -5],
      warnings: [],
    });
  });

  it('given a scale, when rounding, then the digits after the point are kept', () => {
    expect(feel.evaluate('[round up(1.121, 2), round down(-1.126, 2), round half up(-1.126, 2), round half down(1.121, 2)]', {})).toEqual({
      ok: true,
      value: [1.13, -1.12, -1.13, 1.12],
      warnings: [],
    });
    expect(feel.evaluate('round up(n: 1.121, scale: 1)', {})).toEqual({ ok: true, value: 1.2, warnings: [] });
  });
});

describe('decimal(n, scale[, mode])', () => {
  it('given no mode, when rounding, then half-even applies (feelin)', () => {
    expect(feel.evaluate('[decimal(1/3, 2), decimal(1.5, 0), decimal(2.5, 0)]', {})).toEqual({ ok: true, value: [0.33, 2, 2], warnings: [] });
  });

  it('given a Camunda rounding mode in any case, when rounding, then it applies', () => {
    expect(feel.evaluate('decimal(2.5, 0, "half_up")', {})).toEqual({ ok: true, value: 3, warnings: [] });
    expect(
      feel.evaluate('[decimal(-2.5, 0, "HALF_UP"), decimal(2.5, 0, "HALF_DOWN"), decimal(2.5, 0, "HALF_EVEN"), decimal(1.21, 1, "UP"), decimal(-1.29, 1, "DOWN")]', {}),
    ).toEqual({ ok: true, value: [-3, 2, 2, 1.3, -1.2], warnings: [] });
    expect(feel.evaluate('[decimal(-1.21, 1, "CEILING"), decimal(-1.21, 1, "FLOOR"), decimal(1.005, 2, "HALF_UP")]', {})).toEqual({
      ok: true,
      value: [-1.2, -1.3, 1.01],
      warnings: [],
    });
  });

  it('given UNNECESSARY or an unknown mode, when rounding would be needed, then the result is null with a warning', () => {
    expect(feel.evaluate('decimal(1.5, 1, "UNNECESSARY")', {})).toEqual({ ok: true, value: 1.5, warnings: [] });
    expect(feel.evaluate('decimal(1.55, 1, "UNNECESSARY")', {})).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
    expect(feel.evaluate('decimal(1.5, 0, "SIDEWAYS")', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'decimal(n, scale, mode) expects a rounding mode such as "HALF_UP", got "SIDEWAYS"' }],
    });
  });
});
