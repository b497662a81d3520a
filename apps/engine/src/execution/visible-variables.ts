import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The variables an element instance sees, read in one query: its own and those of every
 * enclosing scope up to the process instance, an inner name hiding an outer one.
 */
@Injectable()
export class VisibleVariables {
  constructor(private readonly dataSource: DataSource) {}

  async of(elementInstanceKey: string, names?: readonly string[]): Promise<Record<string, unknown>> {
    const filter = names && names.length > 0 ? ` WHERE v.name IN (${names.map(() => '?').join(',')})` : '';
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE chain (scope_key, depth) AS (
         SELECT CAST(? AS UNSIGNED), 0
         UNION ALL
         SELECT e.flow_scope_key, chain.depth + 1 FROM element_instances e JOIN chain ON e.element_instance_key = chain.scope_key WHERE e.flow_scope_key IS NOT NULL
       )
       SELECT v.name, v.value, chain.depth FROM chain JOIN variables v ON v.scope_key = chain.scope_key${filter}
       ORDER BY chain.depth DESC`,
      [elementInstanceKey, ...(names ?? [])],
    )) as Array<{ name: string; value: string }>;
    // Outer scopes come first, so inner definitions overwrite them. Object.fromEntries makes
    // every name an own property, also `__proto__`, which an assignment would lose.
    return Object.fromEntries(rows.map((row) => [row.name, JSON.parse(row.value)]));
  }
}
