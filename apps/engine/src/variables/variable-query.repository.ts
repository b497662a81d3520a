import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { VariableEntity } from '#persistence';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { responseTooLarge } from '../common/limits/response-size.js';
import { SearchQuery, type SearchDefinition, type SearchField } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';
import { stringFilterSql } from './string-filter.js';

/** Search results cut values longer than this (Camunda's limit). */
export const VARIABLE_VALUE_LIMIT = 8191;

/** Values sort by their first characters only, so that page cursors stay small. */
const SORT_PREFIX = 255;

const SORTABLE: Record<string, SearchField> = {
  name: { column: 'v.name', type: 'string' },
  value: { column: `LEFT(v.value, ${SORT_PREFIX})`, type: 'string', filterable: false },
  tenantId: { column: 'v.tenant_id', type: 'string' },
  variableKey: { column: 'v.variable_key', type: 'key' },
  scopeKey: { column: 'v.scope_key', type: 'key' },
  processInstanceKey: { column: 'v.process_instance_key', type: 'key' },
};

/** What its search accepts (also the OpenAPI description of its body). */
export const VARIABLE_SEARCH: SearchDefinition = {
  entity: 'variable',
  keyColumn: 'v.variable_key',
  fields: {
    ...SORTABLE,
    isTruncated: { column: `(CHAR_LENGTH(v.value) > ${VARIABLE_VALUE_LIMIT})`, type: 'boolean', sortable: false },
  },
  // The value filter works on the whole JSON text, not on the sort prefix.
  customFilters: { value: (qb, condition, param) => void qb.andWhere(stringFilterSql('value', condition, 'v.value', param)) },
  defaultSort: [{ field: 'variableKey', order: 'ASC' }],
};

/** The variables a user task sees: filtered by name only (Camunda's UserTaskVariableFilter). */
/** What a user task's variable search accepts (also the OpenAPI description of its body). */
export const USER_TASK_VARIABLE_SEARCH: SearchDefinition = {
  entity: 'user task variable',
  keyColumn: 'v.variable_key',
  fields: Object.fromEntries(Object.entries(SORTABLE).map(([name, field]) => [name, { ...field, filterable: name === 'name' }])),
  defaultSort: [{ field: 'name', order: 'ASC' }],
};

/** A variable row, with `value` possibly cut to the limit. */
export interface VariableRow {
  variable: VariableEntity;
  isTruncated: boolean;
}

/** Bytes of a search item besides its value and name (keys, tenant, member names, quotes). */
const ITEM_OVERHEAD_BYTES = 200;

/** Reads variables (the read side). */
@Injectable()
export class VariableQueryRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  find(variableKey: string): Promise<VariableEntity | null> {
    return this.dataSource.getRepository(VariableEntity).findOneBy({ variableKey });
  }

  async search(request: SearchRequestDto, truncate: boolean) {
    const { rows, page } = await new SearchQuery(VARIABLE_SEARCH, this.query()).run(request);
    return { rows: await this.withValues(rows, truncate), page };
  }

  /**
   * The variables visible from a scope: `scopes` lists it and its enclosing scopes, innermost
   * first; a name in an inner scope hides the same name further out.
   */
  async searchInScopes(scopes: string[], request: SearchRequestDto, truncate: boolean) {
    const qb = this.query();
    const depth = (alias: string) => `(CASE CAST(${alias}.scope_key AS CHAR) ${scopes.map((_, i) => `WHEN :scope${i} THEN ${i}`).join(' ')} END)`;
    scopes.forEach((scope, i) => qb.setParameter(`scope${i}`, scope));
    qb.where(`v.scope_key IN (${scopes.map((_, i) => `:scope${i}`).join(', ')})`).andWhere(
      `NOT EXISTS (SELECT 1 FROM variables inner_v WHERE inner_v.name = v.name AND inner_v.scope_key IN (${scopes.map((_, i) => `:scope${i}`).join(', ')}) AND ${depth('inner_v')} < ${depth('v')})`,
    );
    const { rows, page } = await new SearchQuery(USER_TASK_VARIABLE_SEARCH, qb).run(request);
    return { rows: await this.withValues(rows, truncate), page };
  }

  /** Every column but the value, which `withValues` reads once the page is known to fit. */
  private query(): SelectQueryBuilder<VariableEntity> {
    return this.dataSource.getRepository(VariableEntity).createQueryBuilder('v').select(['v.variableKey', 'v.processInstanceKey', 'v.scopeKey', 'v.name', 'v.tenantId']);
  }

  /**
   * Reads the values of a page: whole, or with `truncate` only up to one character past the
   * limit (so that large values never leave the database) and cut there. First the database
   * measures what the page's values would weigh in the answer; a page heavier than
   * BATON_MAX_RESPONSE_BYTES is refused (RESPONSE.TOO_LARGE) before any value is read, saying
   * how many of its items would fit.
   */
  private async withValues(rows: VariableEntity[], truncate: boolean): Promise<VariableRow[]> {
    const keys = rows.map((row) => row.variableKey);
    if (keys.length === 0) return [];
    const placeholders = keys.map(() => '?').join(', ');
    const read = truncate ? `LEFT(value, ${VARIABLE_VALUE_LIMIT + 1})` : 'value';
    await this.checkFits(rows, read, placeholders, keys, truncate);
    const found = (await this.dataSource.query(`SELECT variable_key, ${read} AS value FROM variables WHERE variable_key IN (${placeholders})`, keys)) as Array<{ variable_key: string | number; value: string }>;
    const values = new Map(found.map((row) => [String(row.variable_key), row.value]));
    return rows.map((row) => {
      const variable = { ...row, value: values.get(row.variableKey) ?? '' };
      return truncate ? cut(variable) : { variable, isTruncated: false };
    });
  }

  /** Refuses a page whose values would make the answer larger than allowed (sizes measured in SQL: bytes, plus one per quote and backslash that JSON escapes). */
  private async checkFits(rows: VariableEntity[], read: string, placeholders: string, keys: string[], truncate: boolean): Promise<void> {
    const measured = (await this.dataSource.query(
      `SELECT variable_key, LENGTH(${read}) + LENGTH(${read}) - LENGTH(REPLACE(REPLACE(${read}, '"', ''), '\\\\', '')) AS bytes FROM variables WHERE variable_key IN (${placeholders})`,
      keys,
    )) as Array<{ variable_key: string | number; bytes: string | number }>;
    const sizes = new Map(measured.map((row) => [String(row.variable_key), Number(row.bytes)]));
    const max = this.config.limits.maxResponseBytes;
    let total = 0;
    let fitting = -1;
    for (const [index, row] of rows.entries()) {
      total += (sizes.get(row.variableKey) ?? 0) + Buffer.byteLength(row.name) + ITEM_OVERHEAD_BYTES;
      if (total > max && fitting < 0) fitting = index;
    }
    if (fitting < 0) return;
    const fewer = fitting > 0 ? `ask for at most ${fitting} variables per page (page.limit), paging on with page.after` : 'not even the first of them fits';
    const hint = truncate ? `${fewer}` : `${fewer}, or leave truncateValues at true (values cut at ${VARIABLE_VALUE_LIMIT} characters; GET /v2/variables/{variableKey} gives one whole value)`;
    throw responseTooLarge(`the ${rows.length} variables of this page`, total, max, { itemsThatFit: fitting }, hint);
  }
}

/** Cuts the value to the limit, counting characters (code points) as MySQL's CHAR_LENGTH does. */
function cut(variable: VariableEntity): VariableRow {
  if (variable.value.length <= VARIABLE_VALUE_LIMIT) return { variable, isTruncated: false };
  const characters = Array.from(variable.value);
  if (characters.length <= VARIABLE_VALUE_LIMIT) return { variable, isTruncated: false };
  return { variable: { ...variable, value: characters.slice(0, VARIABLE_VALUE_LIMIT).join('') }, isTruncated: true };
}
