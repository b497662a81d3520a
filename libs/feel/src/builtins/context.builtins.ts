import { builtin, describeValue, invalidArguments, isContextValue, isNil, type BuiltinScope, type BuiltinTable } from './builtin.js';

type Context = Record<string, unknown>;

/**
 * Camunda's context functions (docs: "Context functions") where feelin lacks a form or differs.
 *
 * - `get value(context, key)` / `get value(context, keys)`: the entry at `key`, or at the nested path
 *   `keys` (`["y", "z"]` reads `y.z`); `null` when absent or `keys` is empty. feelin only has the
 *   first form and names its parameter `m`; both `context:` and `m:` are accepted as named arguments.
 * - `get entries(context)`: `[{key, value}, ...]`; added so that `context:` works as a named argument
 *   (feelin only knows `m:`).
 * - `context put(context, key, value)` / `context put(context, keys, value)`: a copy with the entry
 *   set; with `keys`, missing (or non-context) intermediate entries are created as contexts, as in
 *   Camunda (feelin returns `null` there). `null` when `keys` is empty.
 * - `put(context, key, value)` and `put all(contexts)`: the deprecated Camunda names of
 *   `context put` and `context merge`, kept so older models run.
 */
export function contextBuiltins(scope: BuiltinScope): BuiltinTable {
  const requireContext = (fn: string, value: unknown): value is Context => {
    if (isContextValue(value)) return true;
    invalidArguments(scope, `${fn} expects <context> to be a context, got ${describeValue(value)}`);
    return false;
  };
  const toPath = (fn: string, key: unknown): string[] | undefined => {
    if (typeof key === 'string') return [key];
    if (Array.isArray(key) && key.every((k) => typeof k === 'string')) return key as string[];
    invalidArguments(scope, `${fn} expects <key> to be a string or <keys> a list of strings, got ${describeValue(key)}`);
    return undefined;
  };
  const contextPut = (fn: string, context: unknown, key: unknown, value: unknown): Context | null => {
    if (!requireContext(fn, context)) return null;
    const path = toPath(fn, key);
    if (!path) return null;
    if (path.length === 0) return invalidArguments(scope, `${fn} expects at least one key, got []`);
    if (value === undefined) return invalidArguments(scope, `${fn} expects a <value>`);
    return putPath(context, path, value);
  };

  return {
    'get value': builtin(['context', 'key', 'keys', 'm'], (context: unknown, key: unknown, keys: unknown, m: unknown) => {
      const fn = 'get value(context, key)';
      const target = context === undefined ? m : context;
      if (!requireContext(fn, target)) return null;
      const path = toPath(fn, key === undefined ? keys : key);
      if (!path || path.length === 0) return null;
      let current: unknown = target;
      for (const segment of path) {
        if (!isContextValue(current) || !Object.hasOwn(current, segment)) return null;
        current = current[segment];
      }
      return current ?? null;
    }),
    'get entries': builtin(['context', 'm'], (context: unknown, m: unknown) => {
      const target = context === undefined ? m : context;
      if (!requireContext('get entries(context)', target)) return null;
      return Object.entries(target).map(([key, value]) => ({ key, value: value ?? null }));
    }),
    'context put': builtin(['context', 'key', 'value', 'keys'], (context: unknown, key: unknown, value: unknown, keys: unknown) =>
      contextPut('context put(context, key, value)', context, key === undefined ? keys : key, value),
    ),
    put: builtin(['context', 'key', 'value'], (context: unknown, key: unknown, value: unknown) =>
      contextPut('put(context, key, value)', context, key, value),
    ),
    'put all': builtin(['...contexts'], (...args: unknown[]) => {
      const contexts = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
      if (!contexts.every(isContextValue)) {
        return invalidArguments(scope, 'put all(contexts) expects every argument to be a context');
      }
      return (contexts as Context[]).reduce<Context>((merged, next) => copyWith(merged, Object.entries(next)), {});
    }),
  };
}

function putPath(context: Context, [key, ...rest]: string[], value: unknown): Context {
  const nested = rest.length === 0 ? value : putPath(isContextValue(context[key]) ? (context[key] as Context) : {}, rest, value);
  return copyWith(context, [[key as string, nested]]);
}

/** A copy of a context with entries set; `defineProperty` keeps keys such as `__proto__` plain data. */
function copyWith(context: Context, entries: [string, unknown][]): Context {
  const copy: Context = Object.fromEntries(Object.entries(context));
  for (const [key, value] of entries) {
    Object.defineProperty(copy, key, { value: isNil(value) ? null : value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
