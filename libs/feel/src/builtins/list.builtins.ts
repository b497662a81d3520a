import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { builtin, describeValue, invalidArguments, isContextValue, isNil, type BuiltinScope, type BuiltinTable } from './builtin.js';
import { currentBudget } from '../limits/evaluation-budget.js';

/**
 * Camunda's list extensions (docs: "List functions") that feelin lacks or implements differently.
 *
 * - `is empty(list)`: `true` for `[]`.
 * - `duplicate values(list)`: each value that occurs more than once, once, in order of first
 *   occurrence (`[1,2,3,2,1]` gives `[1,2]`). Values are compared structurally.
 * - `partition(list, size)`: consecutive sublists of `size` items (the last may be shorter);
 *   `null` when `size` is not positive.
 * - `string join(list[, delimiter[, prefix, suffix]])`: feelin only has the first two forms; the
 *   Camunda form with prefix and suffix is added. `null` items are skipped; a non-string item
 *   gives `null`. A `null` delimiter, prefix or suffix counts as `""`.
 *
 * A non-list argument gives `null` with an `INVALID_ARGUMENTS` warning.
 */
export function listBuiltins(scope: BuiltinScope): BuiltinTable {
  const requireList = (fn: string, value: unknown): value is unknown[] => {
    if (Array.isArray(value)) return true;
    invalidArguments(scope, `${fn} expects <list> to be a list, got ${describeValue(value)}`);
    return false;
  };
  const optionalString = (fn: string, name: string, value: unknown): string | undefined => {
    if (isNil(value)) return '';
    if (typeof value === 'string') return value;
    invalidArguments(scope, `${fn} expects <${name}> to be a string, got ${describeValue(value)}`);
    return undefined;
  };

  return {
    'is empty': builtin(['list'], (list: unknown) => (requireList('is empty(list)', list) ? list.length === 0 : null)),
    'duplicate values': builtin(['list'], (list: unknown) => {
      if (!requireList('duplicate values(list)', list)) return null;
      const seen = new Map<string, { value: unknown; count: number }>();
      for (const item of list) {
        const key = equalityKey(item);
        const entry = seen.get(key);
        if (entry) entry.count += 1;
        else seen.set(key, { value: item, count: 1 });
      }
      return [...seen.values()].filter((entry) => entry.count > 1).map((entry) => entry.value);
    }),
    partition: builtin(['list', 'size'], (list: unknown, size: unknown) => {
      if (!requireList('partition(list, size)', list)) return null;
      if (typeof size !== 'number' || !Number.isFinite(size) || Math.trunc(size) <= 0) {
        return invalidArguments(scope, `partition(list, size) expects <size> to be a positive number, got ${describeValue(size)}`);
      }
      const step = Math.trunc(size);
      const parts: unknown[][] = [];
      for (let start = 0; start < list.length; start += step) parts.push(list.slice(start, start + step));
      return parts;
    }),
    'string join': builtin(['list', 'delimiter', 'prefix', 'suffix'], (list: unknown, delimiter: unknown, prefix: unknown, suffix: unknown) => {
      const fn = 'string join(list, delimiter, prefix, suffix)';
      if (!requireList(fn, list)) return null;
      const invalid = list.find((item) => !isNil(item) && typeof item !== 'string');
      if (invalid !== undefined) return invalidArguments(scope, `${fn} expects a list of strings, got ${describeValue(invalid)}`);
      const parts = [optionalString(fn, 'delimiter', delimiter), optionalString(fn, 'prefix', prefix), optionalString(fn, 'suffix', suffix)];
      if (parts.some((part) => part === undefined)) return null;
      const [sep, start, end] = parts as string[];
      const items = (list as (string | null | undefined)[]).filter((item): item is string => !isNil(item));
      // the joined length is known before joining: refuse a string over the limit before building it
      const length = start!.length + end!.length + sep!.length * Math.max(0, items.length - 1) + items.reduce((sum, item) => sum + item.length, 0);
      currentBudget()?.checkStringToBuild(length);
      return `${start}${items.join(sep)}${end}`;
    }),
  };
}

/**
 * A string that is equal for FEEL-equal values: numbers by value, temporal values by their ISO
 * form, lists and contexts structurally (context key order ignored).
 */
export function equalityKey(value: unknown): string {
  if (isNil(value)) return 'null';
  if (typeof value === 'number') return `n:${Object.is(value, -0) ? 0 : value}`;
  if (typeof value === 'string') return `s:${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `b:${value}`;
  if (value instanceof FeelDate) return `date:${value.toString()}`;
  if (value instanceof FeelTime) return `time:${value.toString()}`;
  if (value instanceof FeelDateTime) return `date-time:${value.toString()}`;
  if (value instanceof FeelDuration) return `duration:${value.toString()}`;
  if (Array.isArray(value)) return `[${value.map(equalityKey).join(',')}]`;
  if (isContextValue(value)) {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${equalityKey(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return `ref:${identityOf(value)}`;
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/** Values without a structural key (ranges, functions) are only equal to themselves. */
function identityOf(value: unknown): number {
  if (typeof value !== 'object' && typeof value !== 'function') return -1;
  const object = value as object;
  if (!identities.has(object)) identities.set(object, nextIdentity++);
  return identities.get(object)!;
}
