/**
 * Types of the FEEL boundary: what FeelService returns instead of throwing.
 */
import type { FeelLimits } from './limits/feel-limits.js';

export type { FeelLimits } from './limits/feel-limits.js';

/** A JSON value: what FEEL results are converted to before they become process variables. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A non-fatal remark from the evaluator, e.g. a variable that was not found (evaluated as null). */
export interface FeelWarning {
  /** Stable code, e.g. `NO_VARIABLE_FOUND`, `INVALID_ARGUMENTS`, `ASSERT_FAILURE`. */
  type: string;
  message: string;
}

/**
 * Why an expression could not produce a usable value. The engine turns these into incidents
 * (design.md invariant 9), so the message must say what was expected and what happened.
 */
export interface FeelFailure {
  /**
   * `FEEL_SYNTAX`: does not parse; `FEEL_EVALUATION`: failed while evaluating; `FEEL_TYPE`: evaluated
   * to the wrong type; `FEEL_LIMIT_EXCEEDED`: went over one of the {@link FeelLimits} (time, range,
   * iterations, string or list size, call depth) and was stopped.
   */
  code: 'FEEL_SYNTAX' | 'FEEL_EVALUATION' | 'FEEL_TYPE' | 'FEEL_LIMIT_EXCEEDED';
  message: string;
  /** The expression as given (without the leading `=`). */
  expression: string;
  /** Character offset (0-based, into {@link FeelFailure.expression}) of a syntax error, when the parser reports one. */
  position?: number;
  warnings: FeelWarning[];
}

export type FeelResult<T> = { ok: true; value: T; warnings: FeelWarning[] } | { ok: false; failure: FeelFailure };

/** The type an expression must evaluate to, for `evaluateAs`. */
export type FeelExpectedType = 'boolean' | 'string' | 'number' | 'list' | 'context' | 'any';

/** The JSON value `evaluateAs` returns for an expected type. */
export type FeelValueOf<T extends FeelExpectedType> = T extends 'boolean'
  ? boolean
  : T extends 'string'
    ? string
    : T extends 'number'
      ? number
      : T extends 'list'
        ? JsonValue[]
        : T extends 'context'
          ? { [key: string]: JsonValue }
          : JsonValue;

/**
 * Per-evaluation inputs that are not variables. Everything non-deterministic that FEEL can
 * observe (the clock, `uuid()`, `random number()`) comes from here, so the engine's pure core can
 * replay an evaluation exactly.
 */
export interface FeelEvaluationOptions {
  /** The instant `now()` and `today()` return; engine code passes its clock here. @default the system clock */
  now?: Date;
  /**
   * The zone of `now()`, of `today()`'s date, and in which `date and time(value, timezone)` reads a
   * local date-time. An IANA id (`Europe/Berlin`), `UTC`, `Z` or a fixed offset (`+01:00`).
   * @default 'UTC'
   */
  timeZone?: string;
  /** Source of `uuid()` values. @default node:crypto randomUUID */
  uuid?: () => string;
  /** Source of `random number()` values, in [0, 1). @default Math.random */
  random?: () => number;
  /**
   * Bounds on the evaluation (time, range sizes, iterations, string and list sizes). Given to the
   * service's constructor and per call, each limit set overrides the one before it.
   * @default DEFAULT_FEEL_LIMITS (500 ms, ranges of 100000, 1000000 iterations, strings of 4 Mi characters, lists of 1000000)
   */
  limits?: Partial<FeelLimits>;
}

/** Options of `evaluateAs`: the evaluation options plus whether `null` is an acceptable result. */
export interface FeelTypedEvaluationOptions extends FeelEvaluationOptions {
  /** Whether a `null` result satisfies the expected type (for every expected type, `any` included). @default false */
  nullable?: boolean;
}
