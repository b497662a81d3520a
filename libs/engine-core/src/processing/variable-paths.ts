/** Helpers for variable names and dotted targets (`order.customer.name`). */

/** A deep copy of a JSON value (variables are JSON; nothing else reaches them). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Splits a mapping target into its path segments. */
export function targetPath(target: string): string[] {
  return target.split('.').map((segment) => segment.trim());
}

/**
 * Returns `base` (a context or anything) with `value` set at `path` below it, creating or
 * replacing intermediate contexts. Does not change `base`.
 */
export function setAtPath(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const context: Record<string, unknown> = isContext(base) ? { ...base } : {};
  setOwn(context, head, setAtPath(ownValue(context, head), rest, value));
  return context;
}

/**
 * The value of a record's own property, undefined when it has none: a variable named
 * `toString` or `__proto__` that does not exist must not read Object.prototype's member.
 */
export function ownValue(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/**
 * Sets an own property: unlike `record[name] = value`, a variable named `__proto__` becomes a
 * property instead of replacing the record's prototype (and being lost).
 */
export function setOwn(record: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(record, name, { value, writable: true, enumerable: true, configurable: true });
}

export function isContext(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when two JSON values are equal (same JSON text). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
