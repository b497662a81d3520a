import { builtin, isNil, type BuiltinScope, type BuiltinTable } from './builtin.js';

/** The message of a failed `assert` without a cause, as FEEL-Scala words it. */
export const ASSERT_DEFAULT_CAUSE = 'The condition is not fulfilled';

/**
 * Camunda's boolean extensions (docs: "Boolean functions"), none of which feelin has.
 *
 * - `is defined(value)`: `false` for `null`, for a missing variable and for a missing path
 *   (`x.y`); `true` otherwise. feelin evaluates a missing variable to `null` (with a
 *   `NO_VARIABLE_FOUND` warning), so "missing" and "null" cannot be told apart here; that matches
 *   Camunda 8, where both give `false`.
 * - `get or else(value, default)`: `value` unless it is `null`, else `default`.
 * - `assert(value, condition[, cause])`: `value` when `condition` is `true`; otherwise the whole
 *   evaluation fails with `cause` (or "The condition is not fulfilled").
 */
export function booleanBuiltins(scope: BuiltinScope): BuiltinTable {
  return {
    'is defined': builtin(['value'], (value: unknown) => !isNil(value)),
    'get or else': builtin(['value', 'default'], (value: unknown, fallback: unknown) => (isNil(value) ? (fallback ?? null) : value)),
    assert: builtin(['value', 'condition', 'cause'], (value: unknown, condition: unknown, cause: unknown) => {
      if (condition === true) return value ?? null;
      scope.fail(typeof cause === 'string' ? cause : ASSERT_DEFAULT_CAUSE);
      return null;
    }),
  };
}
