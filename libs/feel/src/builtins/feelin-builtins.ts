import { evaluate as feelinEvaluate } from 'feelin';
import type { BuiltinFunction } from './builtin.js';

/**
 * The built-in function names of feelin 8.2 (from its `builtins.d.ts`; `@` left out). feelin does not
 * export its table, and the FeelService needs the names to spot variables that shadow a built-in
 * (see `call-site-aliases.ts`). `feelin-builtins.spec.ts` checks every name still resolves.
 */
export const FEELIN_BUILTIN_NAMES: readonly string[] = [
  'number', 'string', 'date', 'date and time', 'time', 'duration', 'years and months duration', 'now', 'today',
  'not', 'substring', 'string length', 'upper case', 'lower case', 'substring before', 'substring after',
  'replace', 'contains', 'matches', 'starts with', 'ends with', 'split', 'string join', 'list contains',
  'list replace', 'count', 'min', 'max', 'sum', 'mean', 'all', 'any', 'sublist', 'append', 'concatenate',
  'insert before', 'remove', 'reverse', 'index of', 'union', 'distinct values', 'flatten', 'product',
  'median', 'stddev', 'mode', 'decimal', 'floor', 'ceiling', 'abs', 'round up', 'round down',
  'round half up', 'round half down', 'modulo', 'sqrt', 'log', 'exp', 'odd', 'even', 'is', 'before',
  'after', 'meets', 'met by', 'overlaps', 'overlaps before', 'overlaps after', 'finishes', 'finished by',
  'includes', 'during', 'starts', 'started by', 'coincides', 'day of year', 'day of week', 'month of year',
  'week of year', 'sort', 'get value', 'get entries', 'context', 'context merge', 'context put',
];

const cache = new Map<string, BuiltinFunction | undefined>();

/**
 * feelin's own implementation of a built-in, for Camunda variants that extend it (e.g.
 * `date and time(date, timezone)` delegates its other forms here).
 *
 * feelin resolves a name from the evaluation context first and falls back to its built-in when
 * the context holds the name with the value `undefined`; evaluating the bare name that way yields
 * the built-in function object itself.
 */
export function feelinBuiltin(name: string): BuiltinFunction | undefined {
  if (!cache.has(name)) {
    let fn: BuiltinFunction | undefined;
    try {
      const { value } = feelinEvaluate(name, { [name]: undefined });
      fn = typeof value === 'function' ? (value as BuiltinFunction) : undefined;
    } catch {
      fn = undefined;
    }
    cache.set(name, fn);
  }
  return cache.get(name);
}
