import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { VariableEntity } from '#persistence';
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

const SEARCH: SearchDefinition = {
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
const SCOPED_SEARCH: SearchDefinition = {
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

/** Reads variables (the read side). */
@Injectable()
export class VariableQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(variableKey: string): Promise<VariableEntity | null> {
    return this.dataSource.getRepository(VariableEntity).findOneBy({ variableKey });
  }

  async search(request: SearchRequestDto, truncate: boolean) {
    const { rows, page } = await new SearchQuery(SEARCH, this.query(truncate)).run(request);
    return { rows: await this.withValues(rows, truncate), page };
  }

  /**
   * The variables visible from a scope: `scopes` lists it and its enclosing scopes, innermost
   * first; a name in an inner scope hides the same name further out.
   */
  async searchInScopes(scopes: string[], request: SearchRequestDto, truncate: boolean) {
    const qb = this.query(truncate);
    const depth = (alias: string) => `(CASE CAST(${alias}.scope_key AS CHAR) ${scopes.map((_, i) => `WHEN :scope${i} THEN ${i}`).join(' ')} END)`;
    scopes.forEach((scope, i) => qb.setParameter(`scope${i}`, scope));
    qb.where(`v.scope_key IN (${scopes.map((_, i) => `:scope${i}`).join(', ')})`).andWhere(
      `NOT EXISTS (SELECT 1 FROM variables inner_v WHERE inner_v.name = v.name AND inner_v.scope_key IN (${scopes.map((_, i) => `:scope${i}`).join(', ')}) AND ${depth('inner_v')} < ${depth('v')})`,
    );
    const { rows, page } = await new SearchQuery(SCOPED_SEARCH, qb).run(request);
    return { rows: await this.withValues(rows, truncate), page };
  }

  /** Every column; with `truncate` every column but the value, which `withValues` reads cut. */
  private query(truncate: boolean): SelectQueryBuilder<VariableEntity> {
    const qb = this.dataSource.getRepository(VariableEntity).createQueryBuilder('v');
    return truncate ? qb.select(['v.variableKey', 'v.processInstanceKey', 'v.scopeKey', 'v.name', 'v.tenantId']) : qb;
  }

  /**
   * With `truncate`, reads the values of a page only up to one character past the limit, so
   * that large values never leave the database, and cuts them at the limit.
   */
  private async withValues(rows: VariableEntity[], truncate: boolean): Promise<VariableRow[]> {
    if (!truncate) return rows.map((variable) => ({ variable, isTruncated: false }));
    const keys = rows.map((row) => row.variableKey);
    const values = new Map<string, string>();
    if (keys.length > 0) {
      const found = (await this.dataSource.query(`SELECT variable_key, LEFT(value, ${VARIABLE_VALUE_LIMIT + 1}) AS value FROM variables WHERE variable_key IN (${keys.map(() => '?').join(', ')})`, keys)) as Array<{
        variable_key: string | number;
        value: string;
      }>;
      for (const row of found) values.set(String(row.variable_key), row.value);
    }
    return rows.map((row) => cut({ ...row, value: values.get(row.variableKey) ?? '' }));
  }
}

/** Cuts the value to the limit, counting characters (code points) as MySQL's CHAR_LENGTH does. */
function cut(variable: VariableEntity): VariableRow {
  if (variable.value.length <= VARIABLE_VALUE_LIMIT) return { variable, isTruncated: false };
  const characters = Array.from(variable.value);
  if (characters.length <= VARIABLE_VALUE_LIMIT) return { variable, isTruncated: false };
  return { variable: { ...variable, value: characters.slice(0, VARIABLE_VALUE_LIMIT).join('') }, isTruncated: true };
}
