import { evaluate as feelinEvaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';
import type { FeelFailure, FeelLimits, FeelResult } from '../feel.types.js';
import { WARM_UP_EXPRESSIONS, WARM_UP_VARIABLES } from '../warm-up.js';
import { DEFAULT_FEEL_LIMITS, resolveFeelLimits } from './feel-limits.js';

const feel = new FeelService({ now: new Date('2024-03-10T12:00:00Z') });

function failureOf<T>(result: FeelResult<T>): FeelFailure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.failure;
}

/** The failure of an evaluation under the given limits; it must be a limit failure. */
function limitFailure(expression: string, variables: Record<string, unknown> = {}, limits?: Partial<FeelLimits>): string {
  const failure = failureOf(feel.evaluate(expression, variables, { limits }));
  expect(failure).toMatchObject({ code: 'FEEL_LIMIT_EXCEEDED', expression });
  return failure.message;
}

const numbers = (length: number): number[] => Array.from({ length }, (_, i) => i);

describe('FEEL limits: ranges', () => {
  it('given the range 1..1e9 from a variable, when enumerated by for, then it fails at once instead of exhausting the heap', () => {
    expect(limitFailure('count(for x in 1..n return x) > 0', { n: 1e9 })).toBe(
      "Expected a range of at most 100000 elements, but the range [1..1000000000] in the expression 'count(for x in 1..n return x) > 0' has 1000000000",
    );
  });

  it('given some and every over a range over the limit, when evaluated, then they fail the same way', () => {
    expect(limitFailure('some x in 1..n satisfies x > n', { n: 5e6 })).toMatch(/^Expected a range of at most 100000 elements, but the range \[1\.\.5000000\] .* has 5000000$/);
    expect(limitFailure('every x in 1..n satisfies x > 0', { n: 5e6 })).toMatch(/has 5000000$/);
  });

  it('given ranges up to the limit, when enumerated, then they are evaluated as before', () => {
    expect(feel.evaluate('count(for x in 1..n return x)', { n: 1000 }, { limits: { maxRange: 1000 } })).toMatchObject({ ok: true, value: 1000 });
    expect(feel.evaluate('for x in 3..1 return x', {})).toMatchObject({ ok: true, value: [3, 2, 1] });
    expect(limitFailure('count(for x in 1..n return x)', { n: 1001 }, { maxRange: 1000 })).toMatch(/at most 1000 elements, .* has 1001$/);
  });

  it('given a range whose bounds are not a whole number apart (feelin would loop for ever), when enumerated, then it fails', () => {
    expect(limitFailure('for x in 1.5..3 return x')).toBe(
      "Expected a range of at most 100000 elements, but the range [1.5..3] in the expression 'for x in 1.5..3 return x' never ends (its bounds are not a whole number of steps apart)",
    );
    expect(feel.evaluate('for x in 1.5..3.5 return x', {})).toMatchObject({ ok: true, value: [1.5, 2.5, 3.5] });
  });
});

describe('FEEL limits: iterations over the whole evaluation', () => {
  it('given nested iterations, when their elements add up over the limit, then the evaluation fails', () => {
    expect(limitFailure('for x in 1..100 return for y in 1..100 return x', {}, { maxIterations: 5000 })).toBe(
      "Expected the expression 'for x in 1..100 return for y in 1..100 return x' to enumerate at most 5000 range elements in total, but nested or combined iterations enumerated 5100",
    );
  });

  it('given a cartesian product of ranges, when it is larger than the limit, then the evaluation fails', () => {
    expect(limitFailure('count(for x in 1..100, y in 1..100 return x + y)', {}, { maxIterations: 5000 })).toMatch(
      /to enumerate at most 5000 range elements in total, but nested or combined iterations enumerated 5100$/,
    );
    expect(limitFailure('some x in 1..100, y in 1..100 satisfies x + y < 0', {}, { maxIterations: 5000 })).toMatch(/enumerated 5100$/);
  });

  it('given several evaluations, when each stays under the limit, then each has its own budget', () => {
    for (let i = 0; i < 3; i++) {
      expect(feel.evaluate('count(for x in 1..900 return x)', {}, { limits: { maxIterations: 1000 } })).toMatchObject({ ok: true, value: 900 });
    }
  });
});

describe('FEEL limits: time', () => {
  it('given a cartesian product of list variables (no range, no function call), when it runs past the time limit, then it is interrupted', () => {
    expect(limitFailure('count(for x in l, y in l return x)', { l: numbers(3000) }, { timeoutMs: 50 })).toBe(
      "Expected the expression 'count(for x in l, y in l return x)' to finish within 50 ms (the FEEL time limit), but it ran longer",
    );
  });

  it('given a filter that tests every element against the whole list, when it runs past the time limit, then it is interrupted', () => {
    expect(limitFailure('count(l[item in l])', { l: numbers(20000) }, { timeoutMs: 50 })).toMatch(/to finish within 50 ms \(the FEEL time limit\), but it ran longer$/);
  });

  it('given naive recursion (fib(40)), when it runs past the time limit, then it is stopped', () => {
    const expression = '{fib: function(n) if n < 2 then n else fib(n - 1) + fib(n - 2), r: fib(40)}.r';
    expect(limitFailure(expression, {}, { timeoutMs: 50 })).toBe(`Expected the expression '${expression}' to finish within 50 ms (the FEEL time limit), but it ran longer`);
    expect(feel.evaluate('{fib: function(n) if n < 2 then n else fib(n - 1) + fib(n - 2), r: fib(10)}.r', {})).toMatchObject({ ok: true, value: 55 });
  });

  it('given a regular expression that backtracks catastrophically, when matched, then it is interrupted', () => {
    const expression = 'matches(s, "^(a+)+$")';
    expect(limitFailure(expression, { s: `${'a'.repeat(40)}b` }, { timeoutMs: 50 })).toMatch(/to finish within 50 ms/);
    expect(limitFailure('replace(s, "^(a|a)+$", "x")', { s: `${'a'.repeat(40)}b` }, { timeoutMs: 50 })).toMatch(/to finish within 50 ms/);
  });

  it('given a quadratic built-in over a large list, when it runs past the time limit, then it is interrupted', () => {
    expect(limitFailure('count(distinct values(for x in l return [x]))', { l: numbers(30000) }, { timeoutMs: 50 })).toMatch(/to finish within 50 ms/);
  });
});

describe('FEEL limits: call depth', () => {
  it('given recursion deeper than the stack, when evaluated, then it is a limit failure, not a crash', () => {
    const expression = '{f: function(n) if n = 0 then 0 else 1 + f(n - 1), r: f(1000000)}.r';
    expect(limitFailure(expression, {}, { timeoutMs: 60_000 })).toMatch(
      /^Expected the expression '.*' to nest its function calls less deeply, but it exhausted the call stack \(Maximum call stack size exceeded\)$/,
    );
  });

  it('given shallow recursion, when evaluated, then it gives its value', () => {
    expect(feel.evaluate('{f: function(n) if n = 0 then 0 else 1 + f(n - 1), r: f(50)}.r', {})).toMatchObject({ ok: true, value: 50 });
  });
});

describe('FEEL limits: string sizes', () => {
  it('given a join that would build a string over the limit, when evaluated, then it fails before building it', () => {
    expect(limitFailure('string join(for x in 1..200 return s)', { s: 'x'.repeat(100_000) })).toBe(
      "Expected strings of at most 4194304 characters, but a function in the expression 'string join(for x in 1..200 return s)' would build one of 20000000",
    );
  });

  it('given a function that returns a string over the limit, when evaluated, then it fails', () => {
    expect(limitFailure('replace(s, "a", "aa")', { s: 'a'.repeat(600) }, { maxStringLength: 1000 })).toBe(
      "Expected strings of at most 1000 characters, but a function in the expression 'replace(s, \"a\", \"aa\")' returned one of 1200",
    );
  });

  it('given a string over the limit passed to a function, when evaluated, then it fails', () => {
    expect(limitFailure('upper case(s)', { s: 'a'.repeat(1001) }, { maxStringLength: 1000 })).toMatch(/was given one of 1001$/);
  });

  it('given strings grown by + alone (doubling), when the result is over the limit, then the result is refused', () => {
    expect(limitFailure('s + s', { s: 'a'.repeat(600) }, { maxStringLength: 1000 })).toBe(
      "Expected the result of the expression 's + s' to hold at most 1000 characters of text, but it holds more",
    );
    // JavaScript refuses strings beyond 2^29 characters before the result can be checked
    expect(limitFailure('for i in 1..40 return if i = 1 then "ab" else partial[i - 1] + partial[i - 1]')).toMatch(
      /^Expected the expression '.*' to build strings of at most 4194304 characters and lists of at most 1000000 elements, but it built one too large for memory \(Invalid string length\)$/,
    );
    expect(limitFailure('for i in 1..23 return if i = 1 then "ab" else partial[i - 1] + partial[i - 1]')).toMatch(/to hold at most 4194304 characters of text, but it holds more$/);
  });

  it('given many references to one string, when the result would be huge as JSON, then the result is refused', () => {
    expect(limitFailure('for x in 1..5 return s', { s: 'a'.repeat(300) }, { maxStringLength: 1000 })).toMatch(/to hold at most 1000 characters of text, but it holds more$/);
  });
});

describe('FEEL limits: list sizes', () => {
  it('given a function that returns a list over the limit, when evaluated, then it fails', () => {
    expect(limitFailure('count(concatenate(l, l))', { l: numbers(600) }, { maxListLength: 1000 })).toBe(
      "Expected lists of at most 1000 elements, but a function in the expression 'count(concatenate(l, l))' returned one of 1200",
    );
  });

  it('given a list over the limit passed to a function, when evaluated, then it fails', () => {
    expect(limitFailure('count(l)', { l: numbers(1001) }, { maxListLength: 1000 })).toMatch(/was given one of 1001$/);
  });

  it('given a range that builds a list over the limit, when it is the result, then the result is refused', () => {
    expect(limitFailure('for x in 1..1001 return x', {}, { maxListLength: 1000 })).toBe(
      "Expected the result of the expression 'for x in 1..1001 return x' to hold at most 1000 values (list elements and context entries), but it holds more",
    );
  });

  it('given nested lists sharing one list, when the result is too large as a whole, then the result is refused', () => {
    expect(limitFailure('for x in 1..10 return l', { l: numbers(200) }, { maxListLength: 1000 })).toMatch(/to hold at most 1000 values/);
    expect(feel.evaluate('for x in 1..4 return l', { l: numbers(200) }, { limits: { maxListLength: 1000 } })).toMatchObject({ ok: true });
  });
});

describe('FEEL limits: everything else is unchanged', () => {
  it('given typed evaluations and unary tests, when over a limit, then they fail the same way', () => {
    expect(failureOf(feel.evaluateAs('count(for x in 1..n return x) > 0', { n: 1e9 }, 'boolean'))).toMatchObject({ code: 'FEEL_LIMIT_EXCEEDED' });
    expect(failureOf(feel.unaryTest('some x in 1..n satisfies x = ?', 5, { n: 1e9 }))).toMatchObject({ code: 'FEEL_LIMIT_EXCEEDED' });
  });

  it('given a failed evaluation, when the next one runs, then it is not affected', () => {
    limitFailure('count(for x in 1..n return x) > 0', { n: 1e9 });
    expect(feel.evaluate('count(for x in 1..n return x) > 0', { n: 10 })).toMatchObject({ ok: true, value: true });
  });

  it('given feelin called outside the FeelService, when it enumerates a large range, then no budget applies', () => {
    expect(feelinEvaluate('count(for x in 1..200000 return x)', {}).value).toBe(200000);
  });

  it('given a cyclic result, when converted, then it is still the JSON failure, not a limit', () => {
    expect(failureOf(feel.evaluate('for x in 1..3 return partial', {}))).toMatchObject({ code: 'FEEL_EVALUATION' });
  });
});

describe('FEEL limits: configuration', () => {
  it('given no limits, when resolved, then the defaults apply', () => {
    expect(resolveFeelLimits()).toEqual({ timeoutMs: 500, maxRange: 100_000, maxIterations: 1_000_000, maxStringLength: 4_194_304, maxListLength: 1_000_000 });
    expect(resolveFeelLimits(undefined, { maxRange: 10 }, { timeoutMs: 5 })).toEqual({ ...DEFAULT_FEEL_LIMITS, maxRange: 10, timeoutMs: 5 });
  });

  it('given a service constructed with limits, when an evaluation overrides one, then the others stay the service’s', () => {
    const strict = new FeelService({ limits: { maxRange: 10, maxListLength: 15 } });
    expect(failureOf(strict.evaluate('count(for x in 1..11 return x)'))).toMatchObject({ code: 'FEEL_LIMIT_EXCEEDED' });
    expect(strict.evaluate('count(for x in 1..11 return x)', {}, { limits: { maxRange: 20 } })).toMatchObject({ ok: true, value: 11 });
    expect(failureOf(strict.evaluate('for x in 1..16 return x', {}, { limits: { maxRange: 20 } })).message).toMatch(/at most 15 values/);
  });

  it('given a limit that is not a positive integer, when constructing the service, then it throws; per call, it is a failure', () => {
    expect(() => new FeelService({ limits: { timeoutMs: 0 } })).toThrow("Expected the FEEL limit 'timeoutMs' to be a positive integer, but was '0'");
    expect(() => new FeelService({ limits: { timeoutMs: 60_001 } })).toThrow("Expected the FEEL limit 'timeoutMs' to be at most 60000 (60 s), but was '60001'");
    expect(failureOf(feel.evaluate('1', {}, { limits: { maxRange: 1.5 } }))).toMatchObject({
      code: 'FEEL_EVALUATION',
      message: "Failed to evaluate the expression '1': Expected the FEEL limit 'maxRange' to be a positive integer, but was '1.5'",
    });
  });
});

describe('FEEL limits: warm-up', () => {
  it('given the warm-up expressions, when evaluated, then each succeeds (a failing one would warm nothing up)', () => {
    for (const expression of WARM_UP_EXPRESSIONS) {
      expect(feel.evaluate(expression, { ...WARM_UP_VARIABLES }), expression).toMatchObject({ ok: true });
    }
  });
});

describe('FEEL limits: variables an expression does not read', () => {
  const big = { document: Array.from({ length: 200_000 }, (_, i) => ({ sku: `sku-${i}`, price: i })) };

  it('given a large variable the expression does not mention, when evaluated, then it costs nothing against the time limit', () => {
    // copying the 200000 objects into FEEL values would take far longer than 20 ms
    expect(feel.evaluate('is defined(amount) and amount > 100', { amount: 150, ...big }, { limits: { timeoutMs: 20 } })).toMatchObject({ ok: true, value: true });
  });

  it('given names with separators, when the expression spells them as feelin does, then they are found', () => {
    expect(feel.evaluate('order-id + 1', { 'order-id': 41 })).toMatchObject({ ok: true, value: 42 });
    expect(feel.evaluate('order - id + 1', { 'order-id': 41 })).toMatchObject({ ok: true, value: 42 });
    expect(feel.evaluate('first name + " " + last name', { 'first name': 'Ada', 'last name': 'Lovelace' })).toMatchObject({ ok: true, value: 'Ada Lovelace' });
    expect(feel.evaluate('`a.b` * 2', { 'a.b': 21 })).toMatchObject({ ok: true, value: 42 });
  });
});
