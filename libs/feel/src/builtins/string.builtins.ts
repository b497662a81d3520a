import { builtin, describeValue, invalidArguments, type BuiltinScope, type BuiltinTable } from './builtin.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Camunda's string extensions (docs: "String functions") that feelin lacks. Each returns `null`
 * with an `INVALID_ARGUMENTS` warning when given a non-string (FEEL-Scala does the same: the
 * invocation fails and the failure is suppressed as `null`).
 *
 * - `trim(string)`: without leading and trailing white space (JavaScript's definition of white
 *   space, which includes Unicode spaces; Java's `String.trim` only strips code points <= U+0020).
 * - `is blank(string)`: `true` for `""` and for white space only.
 * - `uuid()`: a random UUID (36 characters); the source is the evaluation's `uuid` option.
 * - `to base64(value)` / `from base64(value)`: Base64 of the UTF-8 bytes and back; an invalid
 *   Base64 string gives `null`.
 * - `extract(string, pattern)`: every match of the regular expression, `[]` if none. Patterns are
 *   JavaScript regular expressions (Camunda: Java), which agree for the common syntax.
 */
export function stringBuiltins(scope: BuiltinScope): BuiltinTable {
  const requireString = (fn: string, name: string, value: unknown): value is string => {
    if (typeof value === 'string') return true;
    invalidArguments(scope, `${fn} expects <${name}> to be a string, got ${describeValue(value)}`);
    return false;
  };

  return {
    trim: builtin(['string'], (string: unknown) => (requireString('trim(string)', 'string', string) ? string.trim() : null)),
    'is blank': builtin(['string'], (string: unknown) =>
      requireString('is blank(string)', 'string', string) ? string.trim() === '' : null,
    ),
    uuid: builtin([], () => scope.uuid()),
    'to base64': builtin(['value'], (value: unknown) =>
      requireString('to base64(value)', 'value', value) ? Buffer.from(value, 'utf8').toString('base64') : null,
    ),
    'from base64': builtin(['value'], (value: unknown) => {
      if (!requireString('from base64(value)', 'value', value)) return null;
      if (!BASE64.test(value)) return invalidArguments(scope, `from base64(value) expects Base64, got ${describeValue(value)}`);
      return Buffer.from(value, 'base64').toString('utf8');
    }),
    extract: builtin(['string', 'pattern'], (string: unknown, pattern: unknown) => {
      if (!requireString('extract(string, pattern)', 'string', string)) return null;
      if (!requireString('extract(string, pattern)', 'pattern', pattern)) return null;
      const regexp = globalRegExp(pattern);
      if (!regexp) return invalidArguments(scope, `extract(string, pattern) expects a valid pattern, got ${describeValue(pattern)}`);
      return Array.from(string.matchAll(regexp), (match) => match[0]);
    }),
  };
}

/** A global RegExp for a FEEL pattern: Unicode mode when the pattern allows it, else legacy mode. */
function globalRegExp(pattern: string): RegExp | undefined {
  for (const flags of ['gu', 'g']) {
    try {
      return new RegExp(pattern, flags);
    } catch {
      // try the next flags
    }
  }
  return undefined;
}
