import { describe, expect, it } from 'vitest';
import { FeelService } from './feel.service.js';
import type { FeelResult, JsonValue } from './feel.types.js';

const clock = new Date('2024-03-10T12:34:56.789Z');
const feel = new FeelService({ now: clock });

/** The value of a successful evaluation; a failure fails the test with its message. */
function valueOf(expression: string, variables: Record<string, unknown> = {}): JsonValue {
  const result = feel.evaluate(expression, variables);
  if (!result.ok) throw new Error(`expected ${expression} to evaluate, got: ${result.failure.message}`);
  return result.value;
}

function failureOf<T>(result: FeelResult<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.failure;
}

describe('FeelService: the leading =', () => {
  it('given a model attribute, when asked whether it is an expression, then only values starting with = are', () => {
    expect(FeelService.isExpression('=amount > 100')).toBe(true);
    expect(FeelService.isExpression('  = amount')).toBe(true);
    expect(FeelService.isExpression('amount > 100')).toBe(false);
    expect(FeelService.isExpression('')).toBe(false);
  });

  it('given an expression with =, when stripped, then the = and surrounding white space are gone', () => {
    expect(FeelService.stripEquals('=amount > 100')).toBe('amount > 100');
    expect(FeelService.stripEquals('  =  a + b  ')).toBe('a + b');
    expect(FeelService.stripEquals('static value')).toBe('static value');
    expect(FeelService.stripEquals('==1')).toBe('=1');
  });

  it('given the same expression with and without =, when evaluated, then both give the same value', () => {
    expect(valueOf('=amount * 2', { amount: 21 })).toBe(42);
    expect(valueOf('amount * 2', { amount: 21 })).toBe(42);
  });
});

describe('FeelService.checkSyntax', () => {
  it('given valid expressions, when checked, then there is no failure', () => {
    expect(feel.checkSyntax('=amount > 100')).toBeUndefined();
    expect(feel.checkSyntax('=if x then "a" else "b"')).toBeUndefined();
    expect(feel.checkSyntax('={a: 1, b: [1, 2, 3]}.b[2]')).toBeUndefined();
    expect(feel.checkSyntax('=for i in 1..3 return i * 2')).toBeUndefined();
  });

  it('given Camunda built-ins whose names contain keywords, when checked, then they parse', () => {
    expect(feel.checkSyntax('=get or else(x, 1)')).toBeUndefined();
    expect(feel.checkSyntax('=is defined(order.total) and is empty(items) = false')).toBeUndefined();
    expect(feel.checkSyntax('=date and time(now(), "Europe/Berlin")')).toBeUndefined();
    expect(feel.checkSyntax('=years and months duration(date("2020-01-01"), today())')).toBeUndefined();
  });

  it('given a call of every built-in, when checked, then each parses', () => {
    const failing = FeelService.builtinFunctionNames.filter((name) => feel.checkSyntax(`=${name}(x)`) !== undefined);
    expect(failing).toEqual([]);
  });

  it('given an unclosed parenthesis, when checked, then the failure says a ) was expected at the end', () => {
    expect(feel.checkSyntax('=(1 + 2')).toEqual({
      code: 'FEEL_SYNTAX',
      message: "Expected ')' but found the end of the expression at position 6 in '(1 + 2'",
      expression: '(1 + 2',
      position: 6,
      warnings: [],
    });
  });

  it('given a missing operand, when checked, then the failure names the operator', () => {
    const failure = feel.checkSyntax('=x +');
    expect(failure?.message).toBe("Expected an operand after '+' but found the end of the expression at position 3 in 'x +'");
    expect(failure?.position).toBe(3);
  });

  it('given an unexpected token, when checked, then the failure quotes it with its position', () => {
    expect(feel.checkSyntax('=1 2')?.message).toBe("Expected an operator or the end of the expression but found '2' at position 2 in '1 2'");
    expect(feel.checkSyntax('=count(1 2)')?.message).toBe("Expected ',' or ')' but found '2' at position 8 in 'count(1 2)'");
    expect(feel.checkSyntax('=)')?.message).toBe("Expected an expression but found ')' at position 0 in ')'");
  });

  it('given incomplete constructs, when checked, then the failure says which part is missing', () => {
    expect(feel.checkSyntax('=if x then 1')?.message).toBe("Expected 'else' but found the end of the expression at position 11 in 'if x then 1'");
    expect(feel.checkSyntax('=[1, 2')?.message).toBe("Expected ',' or ']' but found the end of the expression at position 5 in '[1, 2'");
    expect(feel.checkSyntax('={a: 1')?.message).toBe("Expected ',' or '}' but found the end of the expression at position 5 in '{a: 1'");
    expect(feel.checkSyntax('=foo(1,')?.message).toBe("Expected a function argument but found the end of the expression at position 6 in 'foo(1,'");
    expect(feel.checkSyntax('=order.')?.message).toBe("Expected a name after '.' but found the end of the expression at position 6 in 'order.'");
    expect(feel.checkSyntax('=for x in')?.message).toBe("Expected an expression after 'in' but found the end of the expression at position 8 in 'for x in'");
  });

  it('given an unterminated string, when checked, then the failure points at its opening quote', () => {
    expect(feel.checkSyntax('="abc')).toMatchObject({
      message: `Expected a closing '"' for the string starting at position 0 but found the end of the expression in '"abc'`,
      position: 0,
    });
    expect(feel.checkSyntax('="a" "b"')?.message).toBe(`Expected an operator or the end of the expression but found '"b"' at position 4 in '"a" "b"'`);
  });

  it('given a syntax error on a later line, when checked, then the position counts every character before it', () => {
    const failure = feel.checkSyntax('=a +\n  b *');
    expect(failure?.position).toBe(9);
    expect(failure?.message).toContain("Expected an operand after '*'");
  });

  it('given an empty expression or no string at all, when checked, then the failure says an expression was expected', () => {
    expect(feel.checkSyntax('=')).toEqual({ code: 'FEEL_SYNTAX', message: 'Expected a FEEL expression but found nothing', expression: '', warnings: [] });
    expect(feel.checkSyntax('   ')?.message).toBe('Expected a FEEL expression but found nothing');
    expect(feel.checkSyntax(undefined as unknown as string)?.message).toBe("Expected a FEEL expression (a string) but found 'undefined'");
  });
});

describe('FeelService.checkUnaryTestsSyntax', () => {
  it('given valid unary tests, when checked, then there is no failure', () => {
    for (const tests of ['> 10', '> 10, < 20', '[1..5]', '"a", "b"', '-', 'not("x")', '>= limit']) {
      expect(feel.checkUnaryTestsSyntax(tests), tests).toBeUndefined();
    }
  });

  it('given broken unary tests, when checked, then the failure says what was expected', () => {
    expect(feel.checkUnaryTestsSyntax('"a",')?.message).toBe("Expected another unary test after ',' but found the end of the expression at position 4 in '\"a\",'");
    expect(feel.checkUnaryTestsSyntax('[1..')?.code).toBe('FEEL_SYNTAX');
    expect(feel.checkUnaryTestsSyntax('')?.message).toBe('Expected FEEL unary tests but found nothing');
  });
});

describe('FeelService.evaluate', () => {
  it('given literals and variables, when evaluated, then the results are JSON values', () => {
    expect(valueOf('1 + 2')).toBe(3);
    expect(valueOf('"Hello " + name', { name: 'Ada' })).toBe('Hello Ada');
    expect(valueOf('[1, 2, 3][item > 1]')).toEqual([2, 3]);
    expect(valueOf('{total: sum(items.price), count: count(items)}', { items: [{ price: 2 }, { price: 3 }] })).toEqual({ total: 5, count: 2 });
    expect(valueOf('order.customer.name', { order: { customer: { name: 'Ada' } } })).toBe('Ada');
    expect(valueOf('order total * 2', { 'order total': 5 })).toBe(10);
  });

  it('given a missing variable, when evaluated, then the value is null and the warning uses Zeebe wording', () => {
    expect(feel.evaluate('=x', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'NO_VARIABLE_FOUND', message: "No variable found with name 'x'" }],
    });
  });

  it('given a missing context entry, when evaluated, then the warning names the key', () => {
    expect(feel.evaluate('order.total', { order: { id: 1 } })).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'NO_CONTEXT_ENTRY_FOUND', message: "No context entry found with key 'total'" }],
    });
  });

  it('given a range or a function as result, when evaluated, then it becomes null with a NOT_SERIALIZABLE warning (as Zeebe stores nil)', () => {
    expect(feel.evaluate('[1..3]', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'NOT_SERIALIZABLE', message: 'A range has no JSON form; it was converted to null' }],
    });
    expect(feel.evaluate('{f: function(x) x + 1, n: 1}', {})).toEqual({
      ok: true,
      value: { f: null, n: 1 },
      warnings: [{ type: 'NOT_SERIALIZABLE', message: 'A function at f has no JSON form; it was converted to null' }],
    });
  });

  it('given a result JSON cannot hold, when evaluated, then it is a failure rather than a silent null', () => {
    expect(failureOf(feel.evaluate('10 ** 400', {}))).toEqual({
      code: 'FEEL_EVALUATION',
      message: "Expected the result of the expression '10 ** 400' to be representable as JSON, but it contains the number Infinity.",
      expression: '10 ** 400',
      warnings: [],
    });
    expect(failureOf(feel.evaluate('[1, 10 ** 400]', {})).message).toContain('the number Infinity at [2]');
  });

  it('given a negative zero, when evaluated, then it is stored as 0', () => {
    expect(Object.is(valueOf('0 * -1'), 0)).toBe(true);
  });

  it('given decimal arithmetic, when evaluated, then numbers are JavaScript doubles (a known difference from Camunda)', () => {
    expect(valueOf('0.1 + 0.2')).toBe(0.30000000000000004);
    expect(valueOf('decimal(0.1 + 0.2, 2)')).toBe(0.3);
  });

  it('given variables whose keys look like object internals, when evaluated, then they are plain data', () => {
    const variables = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<string, unknown>;
    expect(valueOf('constructor + 1', variables)).toBe(2);
    expect(valueOf('get value(x, "__proto__")', { x: variables })).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('FeelService: null handling', () => {
  it('given null in arithmetic, when evaluated, then the result is null with an INVALID_TYPE warning', () => {
    expect(feel.evaluate('null + 1', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_TYPE', message: "Can't add '1' to 'null'" }],
    });
    expect(valueOf('x * 2', { x: null })).toBeNull();
  });

  it('given null in comparisons, when evaluated, then ordering is null and equality works', () => {
    expect(valueOf('x > 1', { x: null })).toBeNull();
    expect(valueOf('x = null', { x: null })).toBe(true);
    expect(valueOf('x = null', {})).toBe(true);
    expect(valueOf('x != null', { x: 0 })).toBe(true);
    expect(valueOf('null = null')).toBe(true);
  });

  it('given null in boolean logic, when evaluated, then FEEL three-valued logic applies', () => {
    expect(valueOf('null or true')).toBe(true);
    expect(valueOf('null or false')).toBeNull();
    expect(valueOf('null and false')).toBe(false);
    expect(valueOf('null and true')).toBeNull();
    expect(valueOf('if x then "yes" else "no"', { x: null })).toBe('no');
  });

  it('given a path through null, when evaluated, then the result is null', () => {
    expect(valueOf('order.customer.name', { order: { customer: null } })).toBeNull();
  });
});

describe('FeelService.evaluateAs', () => {
  it('given a result of the expected type, when evaluated, then it is returned', () => {
    expect(feel.evaluateAs('amount > 100', { amount: 150 }, 'boolean')).toEqual({ ok: true, value: true, warnings: [] });
    expect(feel.evaluateAs('"job-" + type', { type: 'a' }, 'string')).toEqual({ ok: true, value: 'job-a', warnings: [] });
    expect(feel.evaluateAs('retries + 1', { retries: 2 }, 'number')).toEqual({ ok: true, value: 3, warnings: [] });
    expect(feel.evaluateAs('[1, 2]', {}, 'list')).toEqual({ ok: true, value: [1, 2], warnings: [] });
    expect(feel.evaluateAs('{a: 1}', {}, 'context')).toEqual({ ok: true, value: { a: 1 }, warnings: [] });
    expect(feel.evaluateAs('date("2024-01-01")', {}, 'any')).toEqual({ ok: true, value: '2024-01-01', warnings: [] });
  });

  it('given a null result from a missing variable, when a boolean is expected, then the failure reads like Zeebe and lists the warnings', () => {
    expect(feel.evaluateAs('x > 1', {}, 'boolean')).toEqual({
      ok: false,
      failure: {
        code: 'FEEL_TYPE',
        message:
          "Expected result of the expression 'x > 1' to be 'BOOLEAN', but was 'NULL'. The evaluation reported the following warnings:\n" +
          "[NO_VARIABLE_FOUND] No variable found with name 'x'",
        expression: 'x > 1',
        warnings: [{ type: 'NO_VARIABLE_FOUND', message: "No variable found with name 'x'" }],
      },
    });
  });

  it('given a result of another type and no warnings, when evaluated, then the message ends after the types', () => {
    expect(failureOf(feel.evaluateAs('=retries', { retries: '3' }, 'number')).message).toBe(
      "Expected result of the expression 'retries' to be 'NUMBER', but was 'STRING'.",
    );
    expect(failureOf(feel.evaluateAs('{a: 1}', {}, 'list')).message).toBe("Expected result of the expression '{a: 1}' to be 'ARRAY', but was 'OBJECT'.");
    expect(failureOf(feel.evaluateAs('[1]', {}, 'context')).message).toBe("Expected result of the expression '[1]' to be 'OBJECT', but was 'ARRAY'.");
  });

  it('given temporal results, when the type does not match, then they are named as Zeebe names them', () => {
    const typeOf = (expression: string) => /but was '(\w+)'/.exec(failureOf(feel.evaluateAs(expression, {}, 'string')).message)?.[1];
    expect(typeOf('date("2024-01-01")')).toBe('DATE');
    expect(typeOf('date and time("2024-01-01T10:00:00")')).toBe('DATE_TIME');
    expect(typeOf('duration("PT1H")')).toBe('DURATION');
    expect(typeOf('duration("P1Y")')).toBe('PERIOD');
    expect(typeOf('time("10:00:00")')).toBe('UNKNOWN');
    expect(typeOf('[1..2]')).toBe('UNKNOWN');
  });

  it('given a null result, when nullable is set, then null is accepted for any expected type', () => {
    expect(feel.evaluateAs('x', {}, 'string', { nullable: true })).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'NO_VARIABLE_FOUND', message: "No variable found with name 'x'" }],
    });
    expect(failureOf(feel.evaluateAs('null', {}, 'any')).message).toBe("Expected result of the expression 'null' to be 'ANY', but was 'NULL'.");
  });

  it('given an unknown expected type, when evaluated, then it is a FEEL_TYPE failure, not an exception', () => {
    expect(failureOf(feel.evaluateAs('1', {}, 'integer' as 'number')).message).toBe(
      "Expected the expected type to be one of 'boolean', 'string', 'number', 'list', 'context', 'any', but was 'integer'.",
    );
  });
});

describe('FeelService.unaryTest', () => {
  it('given comparisons, ranges and value lists, when tested, then matching inputs pass', () => {
    expect(feel.unaryTest('> 10', 11)).toEqual({ ok: true, value: true, warnings: [] });
    expect(feel.unaryTest('> 10', 10)).toEqual({ ok: true, value: false, warnings: [] });
    expect(feel.unaryTest('[1..5]', 5).ok && feel.unaryTest('[1..5]', 5)).toMatchObject({ value: true });
    expect(feel.unaryTest('(1..5)', 5)).toMatchObject({ value: false });
    expect(feel.unaryTest('"gold", "silver"', 'silver')).toMatchObject({ value: true });
    expect(feel.unaryTest('not("gold", "silver")', 'bronze')).toMatchObject({ value: true });
    expect(feel.unaryTest('-', 'anything')).toMatchObject({ value: true });
  });

  it('given tests that refer to variables or to the input as ?, when tested, then both are available', () => {
    expect(feel.unaryTest('>= limit', 100, { limit: 100 })).toMatchObject({ value: true });
    expect(feel.unaryTest('? > 1 and ? < 3', 2)).toMatchObject({ value: true });
    expect(feel.unaryTest('starts with(?, "INV-")', 'INV-42')).toMatchObject({ value: true });
  });

  it('given a null input, when tested against a comparison, then it does not match', () => {
    expect(feel.unaryTest('> 10', null)).toMatchObject({ ok: true, value: false });
    expect(feel.unaryTest('null', null)).toMatchObject({ ok: true, value: true });
  });

  it('given broken tests, when tested, then the result is a syntax failure', () => {
    expect(failureOf(feel.unaryTest('"a",', 'a')).code).toBe('FEEL_SYNTAX');
  });
});

describe('FeelService: the clock', () => {
  it('given options.now, when now() and today() are evaluated, then they use it (UTC by default)', () => {
    expect(valueOf('now()')).toBe('2024-03-10T12:34:56.789Z');
    expect(valueOf('today()')).toBe('2024-03-10');
    expect(valueOf('now() = now()')).toBe(true);
  });

  it('given a time zone, when now() and today() are evaluated, then they are expressed in it', () => {
    const late = new Date('2024-03-10T23:30:00Z');
    expect(feel.evaluate('now()', {}, { now: late, timeZone: 'Europe/Berlin' })).toMatchObject({ value: '2024-03-11T00:30:00+01:00[Europe/Berlin]' });
    expect(feel.evaluate('today()', {}, { now: late, timeZone: 'Europe/Berlin' })).toMatchObject({ value: '2024-03-11' });
    expect(feel.evaluate('today()', {}, { now: late, timeZone: '-05:00' })).toMatchObject({ value: '2024-03-10' });
  });

  it('given a per-call clock, when evaluated, then it overrides the service default', () => {
    expect(feel.evaluate('today()', {}, { now: new Date('2030-01-02T00:00:00Z') })).toMatchObject({ value: '2030-01-02' });
  });

  it('given now() in arithmetic, when evaluated, then deadlines are computed from the injected clock', () => {
    expect(valueOf('now() + duration("P2D")')).toBe('2024-03-12T12:34:56.789Z');
    expect(valueOf('date and time("2024-03-01T00:00:00Z") < now()')).toBe(true);
  });

  it('given no clock at all, when now() is evaluated, then the system clock is the default', () => {
    const before = Date.now();
    const result = new FeelService().evaluate('now()', {});
    const after = Date.now();
    const instant = Date.parse(String(result.ok && result.value));
    expect(instant).toBeGreaterThanOrEqual(before);
    expect(instant).toBeLessThanOrEqual(after);
  });

  it('given an invalid clock or zone, when now() is evaluated, then the failure names the bad option', () => {
    expect(failureOf(feel.evaluate('now()', {}, { now: new Date(Number.NaN) })).message).toBe(
      "Failed to evaluate the expression 'now()': Expected the option 'now' to be a valid Date, but was 'Invalid Date'",
    );
    expect(failureOf(feel.evaluate('today()', {}, { timeZone: 'Mars/Olympus' })).message).toContain(
      "Expected the option 'timeZone' to be a time zone such as 'Europe/Berlin' or '+01:00', but was 'Mars/Olympus'",
    );
  });
});

describe('FeelService: variables named like built-ins', () => {
  it('given a variable date, when date(date) is evaluated, then the call reaches the built-in and the argument the variable', () => {
    expect(valueOf('date(date) + duration("P1D")', { date: '2024-01-15' })).toBe('2024-01-16');
  });

  it('given variables named like Baton and feelin built-ins, when they are called and read, then each use means the right thing', () => {
    const variables = { count: [1, 2, 3], now: 'a string', trim: '  x  ', sum: 10 };
    expect(valueOf('count(count)', variables)).toBe(3);
    expect(valueOf('now()', variables)).toBe('2024-03-10T12:34:56.789Z');
    expect(valueOf('now', variables)).toBe('a string');
    expect(valueOf('trim(trim)', variables)).toBe('x');
    expect(valueOf('sum + sum([1, 2])', variables)).toBe(13);
  });

  it('given unary tests and a shadowing variable, when tested, then calls still reach the built-in', () => {
    expect(feel.unaryTest('count(?) > 1', [1, 2], { count: 5 })).toEqual({ ok: true, value: true, warnings: [] });
  });

  it('given a shadowing variable and a syntax error, when evaluated, then the syntax failure is reported on the original expression', () => {
    expect(failureOf(feel.evaluate('count(count', { count: [1] }))).toMatchObject({ code: 'FEEL_SYNTAX', expression: 'count(count', position: 11 });
  });
});

describe('FeelService: never throws', () => {
  const garbage: unknown[] = [undefined, null, 42, {}, [], Symbol('s'), () => 1, '=', '(((', '"', '@"nope"', '}{', '\u0000', 'a'.repeat(10_000)];

  it('given garbage expressions, when any public method is called, then it returns a failure or a value', () => {
    for (const input of garbage) {
      const expression = input as string;
      expect(() => FeelService.isExpression(expression)).not.toThrow();
      expect(() => FeelService.stripEquals(expression)).not.toThrow();
      expect(() => feel.checkSyntax(expression)).not.toThrow();
      expect(() => feel.checkUnaryTestsSyntax(expression)).not.toThrow();
      expect(feel.evaluate(expression, {})).toHaveProperty('ok');
      expect(feel.evaluateAs(expression, {}, 'boolean')).toHaveProperty('ok');
      expect(feel.unaryTest(expression, 1)).toHaveProperty('ok');
    }
  });

  it('given garbage variables and options, when evaluated, then the failure says what was wrong', () => {
    expect(failureOf(feel.evaluate('x', 5 as unknown as Record<string, unknown>)).message).toBe(
      "Expected the variables to be a context (an object), but was 'number'.",
    );
    expect(feel.evaluate('x', null as unknown as Record<string, unknown>)).toMatchObject({ ok: true, value: null });
    expect(feel.evaluate('1', {}, 'garbage' as never)).toMatchObject({ ok: true, value: 1 });
  });

  it('given a cyclic variable (impossible in JSON, possible in JS), when evaluated, then it is a failure, not a crash', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(feel.evaluate('x.name', { x: cyclic })).toMatchObject({ ok: false, failure: { code: 'FEEL_EVALUATION', expression: 'x.name' } });
  });

  it('given a variable whose getter throws, when evaluated, then it is a FEEL_EVALUATION failure', () => {
    const variables = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    }) as Record<string, unknown>;
    expect(failureOf(feel.evaluate('x', variables))).toEqual({
      code: 'FEEL_EVALUATION',
      message: "Failed to evaluate the expression 'x': boom",
      expression: 'x',
      warnings: [],
    });
  });

  it('given a built-in that throws (feelin leaves the regex x flag unimplemented), when called, then it is a FEEL_EVALUATION failure', () => {
    expect(failureOf(feel.evaluate('matches("a", "a", "x")', {}))).toEqual({
      code: 'FEEL_EVALUATION',
      message: `Failed to evaluate the expression 'matches("a", "a", "x")': not implemented: matches <x> flag`,
      expression: 'matches("a", "a", "x")',
      warnings: [],
    });
  });

  it('given an injected uuid source that throws, when uuid() is evaluated, then it is a FEEL_EVALUATION failure', () => {
    const failing = () => {
      throw new Error('no entropy');
    };
    expect(failureOf(feel.evaluate('uuid()', {}, { uuid: failing })).message).toBe("Failed to evaluate the expression 'uuid()': no entropy");
  });
});
