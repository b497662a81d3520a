import { FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';

/**
 * A built-in function as `feelin` calls it: a plain function whose `$args` lists the FEEL
 * parameter names. `feelin` binds positional and named arguments (`f(value: 1)`) to those names and
 * passes `undefined` for parameters the caller left out, so a built-in can tell "not given" from
 * `null`.
 */
export type BuiltinFunction = ((...args: any[]) => unknown) & { $args: string[] };

/** Built-ins by their FEEL name (names may contain spaces: `get or else`). */
export type BuiltinTable = Record<string, BuiltinFunction>;

/**
 * What a built-in may observe or report during one evaluation. Created per evaluation by the
 * FeelService, so built-ins stay pure functions of their arguments and this scope.
 */
export interface BuiltinScope {
  /** The evaluation's clock as a zoned FEEL date-time (in {@link BuiltinScope.timeZone}). */
  now(): FeelDateTime;
  /** The zone in which `now()`/`today()` are expressed and local date-times are read. */
  readonly timeZone: string;
  uuid(): string;
  random(): number;
  /** Records a warning; the built-in then returns `null`, like FEEL does for invalid arguments. */
  warn(type: string, message: string): void;
  /** Records a failed `assert`: the whole evaluation fails with this message. */
  fail(message: string): void;
}

/** Declares a built-in: `params` are the FEEL parameter names, in positional order. */
export function builtin(params: readonly string[], implementation: (...args: any[]) => unknown): BuiltinFunction {
  const fn = ((...args: unknown[]) => implementation(...args)) as BuiltinFunction;
  fn.$args = [...params];
  return fn;
}

/** Whether a value is a FEEL context (a plain object), as opposed to a list, temporal value or range. */
export function isContextValue(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `null` for FEEL null and for a parameter the caller left out. */
export function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** A short rendering of a FEEL value for warning messages (`"abc"`, `[3 items]`, `{...}`, `2020-01-01`). */
export function describeValue(value: unknown): string {
  if (isNil(value)) return 'null';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.length} items]`;
  if (value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDateTime || value instanceof FeelDuration) {
    return value.toString();
  }
  if (isRange(value)) return 'range';
  if (isFunction(value) || typeof value === 'function') return 'function';
  if (isContextValue(value)) return '{...}';
  return typeof value;
}

/** Records an `INVALID_ARGUMENTS` warning and returns `null` (FEEL's answer to unusable arguments). */
export function invalidArguments(scope: BuiltinScope, message: string): null {
  scope.warn('INVALID_ARGUMENTS', message);
  return null;
}
