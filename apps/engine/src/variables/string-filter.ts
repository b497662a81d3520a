import { InvalidArgumentError } from '../common/errors/index.js';
import { likePattern } from '../common/search/search-query.js';

/** Adds a parameter to the query and returns its placeholder (what `SearchDefinition.customFilters` get). */
export type Param = (value: unknown) => string;

const OPERATORS = ['$eq', '$neq', '$exists', '$in', '$notIn', '$like'];

/**
 * SQL for a Camunda string filter property (a value, or `$eq`, `$neq`, `$exists`, `$in`,
 * `$notIn`, `$like`) on one column, for custom filters that cannot be a plain search field
 * (e.g. a filter on the full text of a column that sorts by a prefix).
 */
export function stringFilterSql(name: string, condition: unknown, column: string, param: Param): string {
  return operatorsOf(name, condition)
    .map(([operator, operand]) => {
      switch (operator) {
        case '$exists':
          return `${column} IS ${operand ? 'NOT ' : ''}NULL`;
        case '$neq':
          return `(${column} <> ${param(operand)} OR ${column} IS NULL)`;
        default:
          return positive(column, operator, operand, param);
      }
    })
    .join(' AND ');
}

/**
 * SQL for a Camunda string filter property on a set of values (e.g. the candidate groups of a
 * task): `$eq`, `$in` and `$like` ask that some member matches, `$neq` and `$notIn` that none
 * does, `$exists` that the set is (not) empty. `exists(condition)` is the EXISTS subquery of a
 * member matching the condition on `memberColumn`.
 */
export function setFilterSql(name: string, condition: unknown, memberColumn: string, exists: (memberCondition: string) => string, param: Param): string {
  return operatorsOf(name, condition)
    .map(([operator, operand]) => {
      switch (operator) {
        case '$exists':
          return `${operand ? '' : 'NOT '}${exists('1 = 1')}`;
        case '$neq':
          return `NOT ${exists(positive(memberColumn, '$eq', operand, param))}`;
        case '$notIn':
          return `NOT ${exists(positive(memberColumn, '$in', operand, param))}`;
        default:
          return exists(positive(memberColumn, operator, operand, param));
      }
    })
    .join(' AND ');
}

function positive(column: string, operator: string, operand: unknown, param: Param): string {
  switch (operator) {
    case '$eq':
      return `${column} = ${param(operand)}`;
    case '$like':
      return `${column} LIKE ${param(likePattern(operand as string))}`;
    default: {
      const values = operand as string[];
      if (values.length === 0) return operator === '$in' ? '1 = 0' : '1 = 1';
      return `${column} ${operator === '$in' ? 'IN' : 'NOT IN'} (${values.map((v) => param(v)).join(', ')})`;
    }
  }
}

/** The (operator, operand) pairs of a condition, every operand checked. */
function operatorsOf(name: string, condition: unknown): Array<[string, unknown]> {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
    if (typeof condition !== 'string') throw invalid(`'${name}'`, 'a string', condition);
    return [['$eq', condition]];
  }
  return Object.entries(condition as Record<string, unknown>).map(([operator, operand]) => {
    if (!OPERATORS.includes(operator)) {
      throw new InvalidArgumentError('SEARCH.UNKNOWN_OPERATOR', `Unknown operator '${operator}' for filter field '${name}'; expected one of: ${OPERATORS.join(', ')}`);
    }
    const where = `'${name}.${operator}'`;
    if (operator === '$exists' && typeof operand !== 'boolean') throw invalid(where, 'true or false', operand);
    if ((operator === '$in' || operator === '$notIn') && (!Array.isArray(operand) || operand.some((v) => typeof v !== 'string'))) throw invalid(where, 'an array of strings', operand);
    if (['$eq', '$neq', '$like'].includes(operator) && typeof operand !== 'string') throw invalid(where, 'a string', operand);
    return [operator, operand];
  });
}

function invalid(where: string, expected: string, actual: unknown): InvalidArgumentError {
  return new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected ${expected} for filter ${where} but got ${JSON.stringify(actual)}`);
}
