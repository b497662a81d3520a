import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';

const feel = new FeelService({ now: new Date('2024-03-10T12:00:00Z') });

describe('is defined(value)', () => {
  it('given values, null and missing variables or paths, when tested, then only non-null values are defined', () => {
    expect(feel.evaluate('is defined(1)', {})).toEqual({ ok: true, value: true, warnings: [] });
    expect(feel.evaluate('is defined(x)', { x: false })).toEqual({ ok: true, value: true, warnings: [] });
    expect(feel.evaluate('is defined(null)', {})).toEqual({ ok: true, value: false, warnings: [] });
    expect(feel.evaluate('is defined(x)', { x: null })).toEqual({ ok: true, value: false, warnings: [] });
    expect(feel.evaluate('is defined(x)', {})).toEqual({
      ok: true,
      value: false,
      warnings: [{ type: 'NO_VARIABLE_FOUND', message: "No variable found with name 'x'" }],
    });
    expect(feel.evaluate('is defined(x.y)', { x: {} })).toMatchObject({ ok: true, value: false });
  });

  it('given a named argument, when called, then the Camunda parameter name value works', () => {
    expect(feel.evaluate('is defined(value: "a")', {})).toMatchObject({ ok: true, value: true });
  });

  it('given is defined in a condition, when the variable is missing, then evaluateAs boolean still succeeds', () => {
    expect(feel.evaluateAs('=is defined(approved) and approved', {}, 'boolean')).toMatchObject({ ok: true, value: false });
  });
});

describe('get or else(value, default)', () => {
  it('given a value or null, when called, then the default replaces only null', () => {
    expect(feel.evaluate('get or else("this", "default")', {})).toEqual({ ok: true, value: 'this', warnings: [] });
    expect(feel.evaluate('get or else(null, "default")', {})).toEqual({ ok: true, value: 'default', warnings: [] });
    expect(feel.evaluate('get or else(null, null)', {})).toEqual({ ok: true, value: null, warnings: [] });
    expect(feel.evaluate('get or else(false, true)', {})).toEqual({ ok: true, value: false, warnings: [] });
    expect(feel.evaluate('get or else(discount, 0) * 2', { discount: null })).toEqual({ ok: true, value: 0, warnings: [] });
  });

  it('given Camunda named arguments, when called, then value and default bind by name', () => {
    expect(feel.evaluate('get or else(value: null, default: 3)', {})).toEqual({ ok: true, value: 3, warnings: [] });
    expect(feel.evaluate('get or else(default: 3, value: 1)', {})).toEqual({ ok: true, value: 1, warnings: [] });
  });

  it('given too many arguments, when called, then the call yields null with a warning', () => {
    expect(feel.evaluate('get or else(1, 2, 3)', {})).toMatchObject({ ok: true, value: null, warnings: [{ type: 'FUNCTION_INVOCATION_FAILURE' }] });
  });
});

describe('assert(value, condition[, cause])', () => {
  it('given a true condition, when asserted, then the value is returned', () => {
    expect(feel.evaluate('assert(x, x >= 0)', { x: 4 })).toEqual({ ok: true, value: 4, warnings: [] });
    expect(feel.evaluate('list contains(assert(items, items != null), 2)', { items: [1, 2] })).toEqual({ ok: true, value: true, warnings: [] });
  });

  it('given a false condition without cause, when asserted, then the evaluation fails as in Zeebe', () => {
    expect(feel.evaluate('assert(x, x >= 0)', { x: -1 })).toEqual({
      ok: false,
      failure: {
        code: 'FEEL_EVALUATION',
        message:
          "Assertion failure on evaluate the expression 'assert(x, x >= 0)': The condition is not fulfilled The evaluation reported the following warnings:\n" +
          '[ASSERT_FAILURE] The condition is not fulfilled',
        expression: 'assert(x, x >= 0)',
        warnings: [{ type: 'ASSERT_FAILURE', message: 'The condition is not fulfilled' }],
      },
    });
  });

  it('given a false condition with a cause, when asserted, then the failure message contains the cause', () => {
    const result = feel.evaluate(`assert(x, x != null, "'x' should not be null")`, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure.message).toBe(
      `Assertion failure on evaluate the expression 'assert(x, x != null, "'x' should not be null")': 'x' should not be null The evaluation reported the following warnings:\n` +
        "[NO_VARIABLE_FOUND] No variable found with name 'x'\n" +
        "[NO_VARIABLE_FOUND] No variable found with name 'x'\n" +
        "[ASSERT_FAILURE] 'x' should not be null",
    );
  });

  it('given a null condition or named arguments, when asserted, then null fails and names bind', () => {
    expect(feel.evaluate('assert(1, null)', {})).toMatchObject({ ok: false, failure: { code: 'FEEL_EVALUATION' } });
    expect(feel.evaluate('assert(value: 2, condition: true)', {})).toEqual({ ok: true, value: 2, warnings: [] });
    const failed = feel.evaluate('assert(value: 2, condition: false, cause: "must be odd")', {});
    expect(!failed.ok && failed.failure.message).toContain(': must be odd');
  });

  it('given a failing assert in a typed evaluation, when evaluated, then the assertion failure wins over the type check', () => {
    const result = feel.evaluateAs('assert(amount, amount > 0, "amount must be positive") > 100', { amount: 0 }, 'boolean');
    expect(!result.ok && result.failure).toMatchObject({ code: 'FEEL_EVALUATION' });
    expect(!result.ok && result.failure.message).toContain('amount must be positive');
  });
});
