import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Who runs a query: the DataSource, or a transaction's EntityManager (its own connection). */
type QueryRunner = Pick<DataSource | EntityManager, 'query'>;

/**
 * The variables an element instance sees, read in one query: its own and those of every
 * enclosing scope up to the process instance, an inner name hiding an outer one.
 */
@Injectable()
export class VisibleVariables {
  constructor(private readonly dataSource: DataSource) {}

  async of(elementInstanceKey: string, names?: readonly string[]): Promise<Record<string, unknown>> {
    const rows = (await this.dataSource.query(visibleSql('v.value', names), [elementInstanceKey, ...(names ?? [])])) as Array<{ name: string; value: string }>;
    // Outer scopes come first, so inner definitions overwrite them. Object.fromEntries makes
    // every name an own property, also `__proto__`, which an assignment would lose.
    return Object.fromEntries(rows.map((row) => [row.name, JSON.parse(row.value)]));
  }

  /**
   * How many bytes `of(...)` would weigh as JSON, measured by the database without reading the
   * values: each value's bytes plus one per quote and backslash that JSON escapes, and its name.
   * Job activation uses it to hand out no more than one answer may carry.
   */
  async sizeOf(elementInstanceKey: string, names: readonly string[] | undefined, runner: QueryRunner = this.dataSource): Promise<number> {
    const escaped = "LENGTH(v.value) + LENGTH(v.value) - LENGTH(REPLACE(REPLACE(v.value, '\"', ''), '\\\\', ''))";
    const rows = (await runner.query(visibleSql(`${escaped} AS bytes, LENGTH(v.name) AS name_bytes`, names), [elementInstanceKey, ...(names ?? [])])) as Array<{
      name: string;
      bytes: string | number;
      name_bytes: string | number;
    }>;
    const sizes = new Map<string, number>();
    for (const row of rows) sizes.set(row.name, Number(row.bytes) + Number(row.name_bytes) + 4);
    return [...sizes.values()].reduce((sum, bytes) => sum + bytes, 2);
  }
}

/** The visible variables' `columns`, outer scopes first (inner definitions come last and win). */
function visibleSql(columns: string, names: readonly string[] | undefined): string {
  const filter = names && names.length > 0 ? ` WHERE v.name IN (${names.map(() => '?').join(',')})` : '';
  return `WITH RECURSIVE chain (scope_key, depth) AS (
       SELECT CAST(? AS UNSIGNED), 0
       UNION ALL
       SELECT e.flow_scope_key, chain.depth + 1 FROM element_instances e JOIN chain ON e.element_instance_key = chain.scope_key WHERE e.flow_scope_key IS NOT NULL
     )
     SELECT v.name, ${columns}, chain.depth FROM chain JOIN variables v ON v.scope_key = chain.scope_key${filter}
     ORDER BY chain.depth DESC`;
}
