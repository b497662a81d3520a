import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidArgumentError } from '../errors/index.js';
import type { SearchPageResponseDto, SearchRequestDto } from './search-request.dto.js';

/** How an API field maps to a column and how its values are checked. */
export interface SearchField {
  /** Column expression, e.g. `pd.process_definition_id`. */
  column: string;
  type: 'string' | 'key' | 'int' | 'boolean' | 'date';
  /** May be used in `sort`. @default true */
  sortable?: boolean;
  /** May be used in `filter`. @default true */
  filterable?: boolean;
}

/** What a search endpoint allows: its fields, the key column that makes sorting total, custom filters. */
export interface SearchDefinition {
  /** Name used in messages, e.g. 'process definition'. */
  entity: string;
  fields: Record<string, SearchField>;
  /** Unique column appended to every sort so pages and cursors are stable. */
  keyColumn: string;
  /** Filters that are not plain column conditions (e.g. `isLatestVersion`). */
  customFilters?: Record<string, (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown, param: (v: unknown) => string) => void>;
  /** Default sort when the request gives none. */
  defaultSort?: Array<{ field: string; order: 'ASC' | 'DESC' }>;
}

export const DEFAULT_PAGE_LIMIT = 100;

const OPERATORS: Record<SearchField['type'], string[]> = {
  string: ['$eq', '$neq', '$exists', '$in', '$notIn', '$like'],
  key: ['$eq', '$neq', '$exists', '$in', '$notIn'],
  int: ['$eq', '$neq', '$exists', '$in', '$notIn', '$gt', '$gte', '$lt', '$lte'],
  date: ['$eq', '$neq', '$exists', '$in', '$notIn', '$gt', '$gte', '$lt', '$lte'],
  boolean: ['$eq', '$neq', '$exists'],
};

/**
 * Applies a Camunda-style search request (`{ filter, sort, page }`) to a query builder and
 * runs it: filters become parameterised conditions, sorts end with the key column, and pages
 * are offset- or cursor-based. Every problem is a 400 naming the field.
 */
export class SearchQuery<Row extends ObjectLiteral> {
  private paramCount = 0;

  constructor(
    private readonly definition: SearchDefinition,
    private readonly qb: SelectQueryBuilder<Row>,
  ) {}

  async run(request: SearchRequestDto = {}): Promise<{ rows: Row[]; page: SearchPageResponseDto }> {
    this.applyFilter(request.filter ?? {});
    const sort = this.resolveSort(request);
    const total = await this.qb.clone().getCount();

    const page = request.page ?? {};
    const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
    if ([page.from !== undefined, page.after !== undefined, page.before !== undefined].filter(Boolean).length > 1) {
      throw new InvalidArgumentError('SEARCH.INVALID_PAGE', 'Expected at most one of page.from, page.after and page.before');
    }
    const backwards = page.before !== undefined;
    const cursor = page.after ?? page.before;
    if (cursor !== undefined) this.applyCursor(sort, decodeCursor(cursor, sort.length), backwards);

    for (const [i, s] of sort.entries()) {
      const direction = backwards ? (s.order === 'ASC' ? 'DESC' : 'ASC') : s.order;
      if (i === 0) this.qb.orderBy(s.column, direction);
      else this.qb.addOrderBy(s.column, direction);
    }
    this.qb.addSelect(sort.map((s, i) => `${s.column} AS __cursor_${i}`));
    if (page.from) this.qb.offset(page.from);
    this.qb.limit(limit);

    const { entities, raw } = await this.qb.getRawAndEntities();
    const cursors = raw.map((r: Record<string, unknown>) => encodeCursor(sort.map((_, i) => r[`__cursor_${i}`])));
    if (backwards) {
      entities.reverse();
      cursors.reverse();
    }
    const result: SearchPageResponseDto = { totalItems: total };
    if (cursors.length > 0) {
      result.startCursor = cursors[0]!;
      result.endCursor = cursors.at(-1)!;
    }
    return { rows: entities, page: result };
  }

  /**
   * Applies only the request's filter (no sort, no page) and returns the query builder, for
   * queries that aggregate over the matching rows (statistics) instead of listing them.
   */
  filtered(filter: Record<string, unknown> = {}): SelectQueryBuilder<Row> {
    this.applyFilter(filter);
    return this.qb;
  }

  private param(value: unknown): string {
    const name = `p${this.paramCount++}`;
    this.qb.setParameter(name, value);
    return `:${name}`;
  }

  private applyFilter(filter: Record<string, unknown>): void {
    for (const [name, condition] of Object.entries(filter)) {
      if (condition === undefined) continue;
      const custom = this.definition.customFilters?.[name];
      if (custom) {
        custom(this.qb as unknown as SelectQueryBuilder<ObjectLiteral>, condition, (v) => this.param(v));
        continue;
      }
      const field = this.definition.fields[name];
      if (!field || field.filterable === false) {
        throw new InvalidArgumentError('SEARCH.UNKNOWN_FILTER', `Unknown filter field '${name}' for ${this.definition.entity}s; expected one of: ${this.filterNames().join(', ')}`);
      }
      this.applyCondition(name, field, condition);
    }
  }

  private filterNames(): string[] {
    const plain = Object.entries(this.definition.fields).filter(([, f]) => f.filterable !== false).map(([n]) => n);
    return [...plain, ...Object.keys(this.definition.customFilters ?? {})].sort();
  }

  private applyCondition(name: string, field: SearchField, condition: unknown): void {
    if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
      this.qb.andWhere(`${field.column} = ${this.param(coerce(name, field, condition))}`);
      return;
    }
    for (const [operator, operand] of Object.entries(condition as Record<string, unknown>)) {
      if (!OPERATORS[field.type].includes(operator)) {
        throw new InvalidArgumentError('SEARCH.UNKNOWN_OPERATOR', `Unknown operator '${operator}' for filter field '${name}'; expected one of: ${OPERATORS[field.type].join(', ')}`);
      }
      const column = field.column;
      switch (operator) {
        case '$eq':
          this.qb.andWhere(`${column} = ${this.param(coerce(name, field, operand))}`);
          break;
        case '$neq':
          this.qb.andWhere(`(${column} <> ${this.param(coerce(name, field, operand))} OR ${column} IS NULL)`);
          break;
        case '$exists':
          if (typeof operand !== 'boolean') throw invalidValue(name, operator, 'true or false', operand);
          this.qb.andWhere(`${column} IS ${operand ? 'NOT ' : ''}NULL`);
          break;
        case '$in':
        case '$notIn': {
          if (!Array.isArray(operand)) throw invalidValue(name, operator, 'an array', operand);
          if (operand.length === 0) {
            this.qb.andWhere(operator === '$in' ? '1 = 0' : '1 = 1');
            break;
          }
          const values = operand.map((v) => coerce(name, field, v));
          this.qb.andWhere(`${column} ${operator === '$in' ? 'IN' : 'NOT IN'} (${values.map((v) => this.param(v)).join(', ')})`);
          break;
        }
        case '$like':
          if (typeof operand !== 'string') throw invalidValue(name, operator, 'a string', operand);
          this.qb.andWhere(`${column} LIKE ${this.param(likePattern(operand))}`);
          break;
        default: {
          const sql = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[operator]!;
          this.qb.andWhere(`${column} ${sql} ${this.param(coerce(name, field, operand))}`);
        }
      }
    }
  }

  private resolveSort(request: SearchRequestDto): Array<{ column: string; order: 'ASC' | 'DESC' }> {
    const requested = request.sort?.length ? request.sort : (this.definition.defaultSort ?? []);
    const sort = requested.map((s) => {
      const field = this.definition.fields[s.field];
      if (!field || field.sortable === false) {
        const sortable = Object.entries(this.definition.fields).filter(([, f]) => f.sortable !== false).map(([n]) => n);
        throw new InvalidArgumentError('SEARCH.UNKNOWN_SORT_FIELD', `Unknown sort field '${s.field}' for ${this.definition.entity}s; expected one of: ${sortable.join(', ')}`);
      }
      return { column: field.column, order: (s.order ?? 'ASC').toUpperCase() as 'ASC' | 'DESC' };
    });
    if (!sort.some((s) => s.column === this.definition.keyColumn)) sort.push({ column: this.definition.keyColumn, order: 'ASC' });
    return sort;
  }

  /**
   * Keyset condition: rows strictly after (or before) the cursor's position in the sort order.
   * NULL-aware, matching MySQL's ordering (NULLs first ascending, last descending).
   */
  private applyCursor(sort: Array<{ column: string; order: 'ASC' | 'DESC' }>, values: unknown[], backwards: boolean): void {
    const equal = (column: string, value: unknown) => (value === null ? `${column} IS NULL` : `${column} = ${this.param(value)}`);
    const beyond = (column: string, value: unknown, ascending: boolean) => {
      if (ascending) return value === null ? `${column} IS NOT NULL` : `${column} > ${this.param(value)}`;
      return value === null ? '1 = 0' : `(${column} < ${this.param(value)} OR ${column} IS NULL)`;
    };
    const disjuncts = sort.map((s, i) => {
      const equalities = sort.slice(0, i).map((p, j) => equal(p.column, values[j]));
      const ascending = (s.order === 'ASC') !== backwards;
      return [...equalities, beyond(s.column, values[i], ascending)].join(' AND ');
    });
    this.qb.andWhere(`((${disjuncts.join(') OR (')}))`);
  }
}

function coerce(name: string, field: SearchField, value: unknown): unknown {
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') throw invalidValue(name, '', 'a string', value);
      return value;
    case 'key':
      if (typeof value !== 'string' && typeof value !== 'number') throw invalidValue(name, '', 'a key (numeric string)', value);
      if (!/^[0-9]{1,19}$/.test(String(value))) throw invalidValue(name, '', 'a key (numeric string)', value);
      return String(value);
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidValue(name, '', 'an integer', value);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalidValue(name, '', 'true or false', value);
      return value;
    case 'date': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalidValue(name, '', 'an ISO 8601 date-time', value);
      return new Date(value);
    }
  }
}

function invalidValue(name: string, operator: string, expected: string, actual: unknown): InvalidArgumentError {
  const where = operator ? `'${name}.${operator}'` : `'${name}'`;
  return new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected ${expected} for filter ${where} but got ${JSON.stringify(actual)}`);
}

/** Camunda's $like uses `*` (any characters) and `?` (one character); `\` escapes. */
export function likePattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!;
      out += next === '%' || next === '_' || next === '\\' ? `\\${next}` : next;
    } else if (c === '*') out += '%';
    else if (c === '?') out += '_';
    else if (c === '%' || c === '_') out += `\\${c}`;
    else out += c;
  }
  return out;
}

function encodeCursor(values: unknown[]): string {
  const normalized = values.map((v) => (v instanceof Date ? { $date: v.toISOString() } : v));
  return Buffer.from(JSON.stringify(normalized), 'utf8').toString('base64');
}

function decodeCursor(cursor: string, expectedLength: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as unknown[];
    if (!Array.isArray(values) || values.length !== expectedLength) throw new Error('length');
    return values.map((v) => (v && typeof v === 'object' && '$date' in v ? new Date((v as { $date: string }).$date) : v));
  } catch {
    throw new InvalidArgumentError('SEARCH.INVALID_CURSOR', 'The page cursor is not one this search returned (cursors are only valid with the same sort)');
  }
}
