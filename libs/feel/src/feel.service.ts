import { SyntaxError as FeelinSyntaxError, evaluate as feelinEvaluate, isFunction, unaryTest as feelinUnaryTest } from 'feelin';
import { BUILTIN_PARSE_CONTEXT, createBuiltins, FEEL_BUILTIN_FUNCTION_NAMES } from './builtins/index.js';
import { FEELIN_BUILTIN_NAMES, feelinBuiltin } from './builtins/feelin-builtins.js';
import { installDurationArithmetic } from './duration-arithmetic.js';
import { installBudgetHooks } from './limits/budget-hooks.js';
import { EvaluationBudget, FeelLimitExceeded, runWithBudget } from './limits/evaluation-budget.js';
import { mayRunLong } from './limits/expression-risk.js';
import { resolveFeelLimits, type FeelLimits } from './limits/feel-limits.js';
import { runWithWatchdog, WatchdogTimeout } from './limits/watchdog.js';
import { EXPECTED_TYPE_NAMES, matchesExpectedType, resultTypeOf } from './feel-result-type.js';
import { createEvaluationScope, type EvaluationScope } from './feel-scope.js';
import { toFeelWarning, withWarnings } from './feel-warnings.js';
import type {
  FeelEvaluationOptions,
  FeelExpectedType,
  FeelFailure,
  FeelResult,
  FeelTypedEvaluationOptions,
  FeelValueOf,
  FeelWarning,
  JsonValue,
} from './feel.types.js';
import { toJsonValue } from './json/feel-json.js';
import { aliasShadowedCalls } from './syntax/call-site-aliases.js';
import { toFeelinDialect } from './syntax/camunda-dialect.js';
import { warmUpOnce } from './warm-up.js';
import { findSyntaxProblem, parseFeel, type FeelSyntaxMode, type FeelSyntaxProblem } from './syntax/feel-syntax.js';

/** A raw (not yet JSON-converted) evaluation outcome. */
type RawOutcome = { ok: true; value: unknown; warnings: FeelWarning[]; source: string } | { ok: false; failure: FeelFailure };

const FEELIN_NAMES = new Set(FEELIN_BUILTIN_NAMES);

installDurationArithmetic();
installBudgetHooks();

/**
 * The one door to FEEL. Wraps `feelin`, strips Camunda's leading `=`, adds the Camunda built-ins
 * feelin lacks (see README.md), converts results to JSON the way Zeebe stores variables, and
 * returns values or typed failures: no public method throws, whatever it is given. A bug in a
 * built-in becomes a `FEEL_EVALUATION` failure; the engine turns failures into incidents.
 *
 * Deterministic when the caller passes `now` (and `uuid`/`random` if the expression may call
 * them); the system clock is only the documented default.
 *
 * Every evaluation is bounded (option `limits`: time, range sizes, iterations, string and list
 * sizes); one that goes over a limit is stopped and returned as a `FEEL_LIMIT_EXCEEDED` failure.
 */
export class FeelService {
  private readonly limits: FeelLimits;

  /**
   * The first service of a process warms feelin up (`warm-up.ts`), so one-time costs are not
   * charged to the time limit of a real evaluation.
   *
   * @param defaults options applied to every evaluation, overridden per call (`limits` limit by limit).
   * @throws Error when `defaults.limits` holds a limit that is not a positive integer (a configuration mistake).
   */
  constructor(private readonly defaults: FeelEvaluationOptions = {}) {
    this.limits = resolveFeelLimits(defaults.limits);
    warmUpOnce((expression, variables, options) => this.evaluate(expression, variables, options));
  }

  /** Every built-in function name an expression may call (feelin's and Baton's), sorted. */
  static readonly builtinFunctionNames: readonly string[] = FEEL_BUILTIN_FUNCTION_NAMES;

  /** True when a model attribute is a FEEL expression (Camunda 8: it starts with `=`). */
  static isExpression(raw: string): boolean {
    return typeof raw === 'string' && raw.trimStart().startsWith('=');
  }

  /** The expression without its leading `=` (and surrounding white space). */
  static stripEquals(raw: string): string {
    if (typeof raw !== 'string') return '';
    const trimmed = raw.trim();
    return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
  }

  /**
   * Checks that an expression parses (with or without its leading `=`), knowing every built-in
   * name, including those with spaces and keywords such as `get or else`. Returns the
   * `FEEL_SYNTAX` failure, with the position of the first error, or undefined when it parses.
   */
  checkSyntax(expression: string): FeelFailure | undefined {
    return this.checkSyntaxOf('expression', expression);
  }

  /** Like {@link checkSyntax}, for DMN-style unary tests (`> 10, < 20`, `"a", "b"`, `-`). */
  checkUnaryTestsSyntax(tests: string): FeelFailure | undefined {
    return this.checkSyntaxOf('unary-tests', tests);
  }

  /**
   * Evaluates an expression against variables and returns its result as JSON (see README.md for
   * how temporal values, ranges and functions are converted), with the evaluator's warnings.
   */
  evaluate(expression: string, variables: Record<string, unknown> = {}, options?: FeelEvaluationOptions): FeelResult<JsonValue> {
    const outcome = this.run('expression', expression, variables, {}, options);
    return outcome.ok ? this.toJson(outcome) : outcome;
  }

  /**
   * Evaluates an expression that must produce a value of `expectedType`. A value of another type is
   * a `FEEL_TYPE` failure worded like Zeebe's incident: "Expected result of the expression 'x > 1'
   * to be 'BOOLEAN', but was 'NULL'." followed by the warnings, if any. `null` passes only with
   * `nullable: true`.
   */
  evaluateAs<T extends FeelExpectedType>(
    expression: string,
    variables: Record<string, unknown>,
    expectedType: T,
    options: FeelTypedEvaluationOptions & { nullable: true },
  ): FeelResult<FeelValueOf<T> | null>;
  evaluateAs<T extends FeelExpectedType>(
    expression: string,
    variables: Record<string, unknown>,
    expectedType: T,
    options?: FeelTypedEvaluationOptions & { nullable?: false },
  ): FeelResult<FeelValueOf<T>>;
  evaluateAs<T extends FeelExpectedType>(
    expression: string,
    variables: Record<string, unknown>,
    expectedType: T,
    options?: FeelTypedEvaluationOptions,
  ): FeelResult<FeelValueOf<T> | null>;
  evaluateAs<T extends FeelExpectedType>(
    expression: string,
    variables: Record<string, unknown>,
    expectedType: T,
    options?: FeelTypedEvaluationOptions,
  ): FeelResult<FeelValueOf<T> | null> {
    if (!Object.hasOwn(EXPECTED_TYPE_NAMES, expectedType)) {
      const known = Object.keys(EXPECTED_TYPE_NAMES).join("', '");
      return failed(
        failure('FEEL_TYPE', FeelService.stripEquals(expression), `Expected the expected type to be one of '${known}', but was '${String(expectedType)}'.`),
      );
    }
    const outcome = this.run('expression', expression, variables, {}, options);
    if (!outcome.ok) return outcome;
    const { value, source, warnings } = outcome;
    const isNull = value === null || value === undefined;
    if (isNull && options?.nullable === true) return { ok: true, value: null, warnings };
    if (isNull || !matchesExpectedType(value, expectedType)) {
      const message = `Expected result of the expression '${source}' to be '${EXPECTED_TYPE_NAMES[expectedType]}', but was '${resultTypeOf(value)}'.`;
      return failed(failure('FEEL_TYPE', source, withWarnings(message, warnings), warnings));
    }
    return this.toJson(outcome) as FeelResult<FeelValueOf<T>>;
  }

  /**
   * Tests `input` against DMN-style unary tests (`> 10`, `[1..5]`, `"a", "b"`, `not("x")`, `-`):
   * `true` when a test matches. The input is also available to the tests as `?`.
   */
  unaryTest(tests: string, input: unknown, variables: Record<string, unknown> = {}, options?: FeelEvaluationOptions): FeelResult<boolean> {
    const outcome = this.run('unary-tests', tests, variables, { '?': input === undefined ? null : input }, options);
    return outcome.ok ? { ok: true, value: outcome.value === true, warnings: outcome.warnings } : outcome;
  }

  private checkSyntaxOf(mode: FeelSyntaxMode, raw: string): FeelFailure | undefined {
    const source = mode === 'expression' ? FeelService.stripEquals(raw) : typeof raw === 'string' ? raw.trim() : '';
    try {
      const problem = sourceProblem(mode, raw, source);
      if (problem) return problem;
      const parsed = toFeelinDialect(source);
      const syntax = findSyntaxProblem(parsed, parseFeel(mode, parsed, referencedIn(parsed, BUILTIN_PARSE_CONTEXT)), mode);
      return syntax ? syntaxFailure(source, syntax) : undefined;
    } catch (error) {
      return failure('FEEL_SYNTAX', source, `Failed to parse the expression '${source}': ${describeError(error)}`);
    }
  }

  /** Parses and evaluates; every exception ends here as a failure. */
  private run(
    mode: FeelSyntaxMode,
    raw: string,
    variables: Record<string, unknown>,
    extra: Record<string, unknown>,
    options: FeelEvaluationOptions | undefined,
  ): RawOutcome {
    const startedAt = performance.now();
    const source = mode === 'expression' ? FeelService.stripEquals(raw) : typeof raw === 'string' ? raw.trim() : '';
    let scope: EvaluationScope | undefined;
    let budget: EvaluationBudget | undefined;
    try {
      const problem = sourceProblem(mode, raw, source);
      if (problem) return failed(problem);
      const limits = options?.limits === undefined ? this.limits : resolveFeelLimits(this.limits, options.limits);
      budget = new EvaluationBudget(limits, source, startedAt);
      const parsed = toFeelinDialect(source);
      const vars = variables ?? {};
      if (typeof vars !== 'object' || Array.isArray(vars)) {
        const found = Array.isArray(vars) ? 'list' : typeof vars;
        return failed(failure('FEEL_EVALUATION', source, `Expected the variables to be a context (an object), but was '${found}'.`));
      }
      scope = createEvaluationScope({ ...this.defaults, ...(options ?? {}) });
      const builtins = referencedIn(parsed, createBuiltins(scope));
      const referenced = referencedVariables(parsed, vars);
      const context: Record<string, unknown> = { ...builtins, ...referenced, ...extra };

      let effective = parsed;
      const shadowed = shadowedBuiltins(parsed, referenced, builtins);
      if (shadowed.size > 0) {
        const tree = parseFeel(mode, parsed, context);
        const syntax = findSyntaxProblem(parsed, tree, mode);
        if (syntax) return failed(syntaxFailure(source, syntax));
        const aliased = aliasShadowedCalls(parsed, tree, shadowed, (name) => Object.hasOwn(context, name));
        effective = aliased.source;
        Object.assign(context, aliased.aliases);
      }

      let result: { value: unknown; warnings: { type: string; message: string }[] };
      const evaluation = () => (mode === 'expression' ? feelinEvaluate(effective, context) : feelinUnaryTest(effective, context));
      const bounded = budget;
      try {
        const evaluatedScope = scope;
        result = runWithBudget(bounded, () => (mayRunLong(parsed) ? evaluateUnderWatchdog(bounded, evaluatedScope, evaluation) : evaluation()));
      } catch (error) {
        if (!(error instanceof FeelinSyntaxError)) throw error;
        const syntax = findSyntaxProblem(parsed, parseFeel(mode, parsed, context), mode) ?? {
          position: error.position?.from ?? 0,
          message: error.message,
        };
        return failed(syntaxFailure(source, syntax));
      }
      if (budget.exceeded !== undefined) throw new FeelLimitExceeded(budget.exceeded);
      budget.checkResult(result.value);

      const warnings = [...result.warnings.map(toFeelWarning), ...scope.warnings];
      if (scope.assertion !== undefined) {
        const message = `Assertion failure on evaluate the expression '${source}': ${scope.assertion}`;
        return failed(failure('FEEL_EVALUATION', source, withWarnings(message, warnings), warnings));
      }
      return { ok: true, value: result.value, warnings, source };
    } catch (error) {
      const warnings = scope?.warnings ?? [];
      const limit = budget?.limitExceededBy(error);
      if (limit !== undefined) return failed(failure('FEEL_LIMIT_EXCEEDED', source, limit, [...warnings]));
      const message = `Failed to evaluate the expression '${source}': ${describeError(error)}`;
      return failed(failure('FEEL_EVALUATION', source, withWarnings(message, warnings), [...warnings]));
    }
  }

  private toJson(outcome: Extract<RawOutcome, { ok: true }>): FeelResult<JsonValue> {
    try {
      const json = toJsonValue(outcome.value);
      if (!json.ok) {
        const message = `Expected the result of the expression '${outcome.source}' to be representable as JSON, but it contains ${json.reason}.`;
        return failed(failure('FEEL_EVALUATION', outcome.source, withWarnings(message, outcome.warnings), outcome.warnings));
      }
      return { ok: true, value: json.value, warnings: [...outcome.warnings, ...json.warnings] };
    } catch (error) {
      const message = `Failed to convert the result of the expression '${outcome.source}' to JSON: ${describeError(error)}`;
      return failed(failure('FEEL_EVALUATION', outcome.source, message, outcome.warnings));
    }
  }
}

/** Input problems found before parsing: not a string, or nothing to parse. */
function sourceProblem(mode: FeelSyntaxMode, raw: unknown, source: string): FeelFailure | undefined {
  const what = mode === 'expression' ? 'a FEEL expression' : 'FEEL unary tests';
  if (typeof raw !== 'string') return failure('FEEL_SYNTAX', '', `Expected ${what} (a string) but found '${raw === null ? 'null' : typeof raw}'`);
  if (source === '') return failure('FEEL_SYNTAX', '', `Expected ${what} but found nothing`);
  return undefined;
}

/**
 * The entries whose names the source may refer to: a reference to `get or else` must contain the
 * word `get`. Every name in the context makes feelin's context-sensitive tokenizer slower, so
 * built-ins an expression cannot mention stay out.
 */
function referencedIn<T>(source: string, entries: Readonly<Record<string, T>>): Record<string, T> {
  const referenced: Record<string, T> = {};
  for (const name of Object.keys(entries)) {
    const firstWord = name.split(' ', 1)[0] ?? name;
    if (source.includes(firstWord)) referenced[name] = entries[name] as T;
  }
  return referenced;
}

/**
 * The variables the source may refer to. feelin copies every variable it is given into FEEL values
 * before it evaluates (a deep walk), and every name slows its context-sensitive tokenizer; an
 * instance often holds variables an expression never reads — a 4 MB document costs hundreds of
 * milliseconds per evaluation, which would count against the time limit of `amount > 100`. A
 * variable can only be read by a name that appears in the source (FEEL has no other way to reach
 * the top-level context), so a variable whose first name token (as feelin normalises names: split
 * at white space and `. / - ' + *`) does not appear is left out.
 */
function referencedVariables(source: string, variables: Record<string, unknown>): Record<string, unknown> {
  const referenced: Record<string, unknown> = {};
  for (const name of Object.keys(variables)) {
    if (!source.includes(firstNameToken(name))) continue;
    // defined, not assigned: a variable may be called `__proto__`
    Object.defineProperty(referenced, name, { value: variables[name], enumerable: true, writable: true, configurable: true });
  }
  return referenced;
}

const NAME_SEPARATORS = /[\s./\-'+*]+/;

/** The first token of a name as feelin's `normalizeContextKey` splits it (`order-id` → `order`); `''` when it has none. */
function firstNameToken(name: string): string {
  for (const token of name.split(NAME_SEPARATORS)) {
    if (token !== '') return token;
  }
  return '';
}

/**
 * Built-ins that a variable of the same name hides (variables come after built-ins in the
 * evaluation context). A variable holding a function is left alone: calling it is intended.
 */
function shadowedBuiltins(source: string, variables: Record<string, unknown>, builtins: Record<string, unknown>): Map<string, unknown> {
  const shadowed = new Map<string, unknown>();
  for (const name of Object.keys(variables)) {
    const value = variables[name];
    if (typeof value === 'function' || isFunction(value) || !source.includes(name.split(' ', 1)[0] ?? name)) continue;
    const builtin = Object.hasOwn(builtins, name) ? builtins[name] : FEELIN_NAMES.has(name) ? feelinBuiltin(name) : undefined;
    if (builtin !== undefined) shadowed.set(name, builtin);
  }
  return shadowed;
}

function syntaxFailure(source: string, problem: FeelSyntaxProblem): FeelFailure {
  return { code: 'FEEL_SYNTAX', message: problem.message, expression: source, position: problem.position, warnings: [] };
}

function failure(code: FeelFailure['code'], expression: string, message: string, warnings: FeelWarning[] = []): FeelFailure {
  return { code, message, expression, warnings };
}

function failed(value: FeelFailure): { ok: false; failure: FeelFailure } {
  return { ok: false, failure: value };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Runs an evaluation that may run long under the watchdog. The watchdog measures wall-clock time;
 * when it interrupted an evaluation that had not spent its CPU time (the machine was busy), the
 * evaluation runs again, from the start, with the time it has left — FEEL has no side effects, and
 * the scope forgets the interrupted attempt's warnings.
 */
function evaluateUnderWatchdog<T>(budget: EvaluationBudget, scope: EvaluationScope, evaluation: () => T): T {
  for (;;) {
    try {
      return runWithWatchdog(budget.remainingMs(), evaluation);
    } catch (error) {
      if (!(error instanceof WatchdogTimeout) || budget.exceeded !== undefined || !budget.extendForTimeNotSpent()) throw error;
      scope.restart();
    }
  }
}
