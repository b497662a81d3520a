import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';
import { toFeelinDialect } from './camunda-dialect.js';

describe('Camunda FEEL dialect', () => {
  const feel = new FeelService({ now: new Date('2026-01-01T00:00:00Z') });

  it('escapes raw line breaks and tabs inside strings only', () => {
    expect(toFeelinDialect('"a\nb\tc" + x')).toBe('"a\\nb\\tc" + x');
    expect(toFeelinDialect('"say \\"hi\\"\n"')).toBe('"say \\"hi\\"\\n"');
    expect(toFeelinDialect('if a\nthen 1\nelse 2')).toBe('if a\nthen 1\nelse 2');
  });

  it('drops backticks around names, but not inside strings', () => {
    expect(toFeelinDialect('experiment.`steady-state-hypothesis`')).toBe('experiment.steady-state-hypothesis');
    expect(toFeelinDialect('"`quoted`"')).toBe('"`quoted`"');
  });

  it('parses and evaluates multi-line strings as Camunda does', () => {
    expect(feel.checkSyntax('="line one\nline two"')).toBeUndefined();
    expect(feel.evaluate('="Dear " + name + ",\nthanks."', { name: 'Ada' })).toEqual({ ok: true, value: 'Dear Ada,\nthanks.', warnings: [] });
  });

  it('parses and evaluates backtick names', () => {
    expect(feel.checkSyntax('=experiment.`steady-state-hypothesis`')).toBeUndefined();
    expect(feel.evaluate('=experiment.`steady-state-hypothesis`.title', { experiment: { 'steady-state-hypothesis': { title: 'ok' } } })).toEqual({
      ok: true,
      value: 'ok',
      warnings: [],
    });
    expect(feel.evaluate('=`order-total` * 2', { 'order-total': 21 })).toMatchObject({ ok: true, value: 42 });
  });
});
