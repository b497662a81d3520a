/**
 * Types of the FEEL boundary: what FeelService returns instead of throwing.
 */

/** A JSON value: what FEEL results are converted to before they become process variables. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A non-fatal remark from the evaluator, e.g. a variable that was not found (evaluated as null). */
export interface FeelWarning {
  type: string;
  message: string;
}

/**
 * Why an expression could not produce a usable value. The engine turns these into incidents
 * (design.md invariant 9), so the message must say what was expected and what happened.
 */
export interface FeelFailure {
  /** `FEEL_SYNTAX`: does not parse; `FEEL_EVALUATION`: failed while evaluating; `FEEL_TYPE`: evaluated to the wrong type. */
  code: 'FEEL_SYNTAX' | 'FEEL_EVALUATION' | 'FEEL_TYPE';
  message: string;
  /** The expression as given (without the leading `=`). */
  expression: string;
  /** Character offset of a syntax error, when the parser reports one. */
  position?: number;
  warnings: FeelWarning[];
}

export type FeelResult<T> = { ok: true; value: T; warnings: FeelWarning[] } | { ok: false; failure: FeelFailure };

/** The type an expression must evaluate to, for `evaluateAs`. */
export type FeelExpectedType = 'boolean' | 'string' | 'number' | 'list' | 'context' | 'any';

export interface FeelEvaluationOptions {
  /** The instant `now()` and `today()` return; engine code passes its clock here. @default the system clock */
  now?: Date;
}
