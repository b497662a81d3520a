import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import type { FeelExpectedType } from './feel.types.js';

/** Zeebe's names for the type of an evaluation result (`io.camunda.zeebe.el.ResultType`). */
export type FeelResultTypeName =
  | 'NULL'
  | 'BOOLEAN'
  | 'NUMBER'
  | 'STRING'
  | 'ARRAY'
  | 'OBJECT'
  | 'DURATION'
  | 'PERIOD'
  | 'DATE'
  | 'DATE_TIME'
  | 'UNKNOWN';

/**
 * The Zeebe type name of a raw FEEL value: days-time durations are `DURATION`, years-months
 * durations `PERIOD`; times, ranges and functions are `UNKNOWN`, as in Zeebe.
 */
export function resultTypeOf(value: unknown): FeelResultTypeName {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof FeelDuration) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (value instanceof FeelDate) return 'DATE';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  const proto = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) return 'OBJECT';
  return 'UNKNOWN';
}

/** The Zeebe type name an expected type stands for (`any` is Baton's: every non-null value). */
export const EXPECTED_TYPE_NAMES: Record<FeelExpectedType, FeelResultTypeName | 'ANY'> = {
  boolean: 'BOOLEAN',
  string: 'STRING',
  number: 'NUMBER',
  list: 'ARRAY',
  context: 'OBJECT',
  any: 'ANY',
};

/** Whether a raw FEEL value (known to be non-null) has the expected type. */
export function matchesExpectedType(value: unknown, expected: FeelExpectedType): boolean {
  return expected === 'any' || resultTypeOf(value) === EXPECTED_TYPE_NAMES[expected];
}
