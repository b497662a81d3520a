import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { VariableRecord } from '#engine-core';
import { upsertRows, type Read, type SqlRunner, type StatementBatch, type WriteContext } from './sql.js';

/**
 * Owner of `variables`: written in the command's batch; read for the command side (the active
 * scopes' variables, what a job or a completed instance sees).
 */
@Injectable()
export class VariableStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The variables of the instance's active scopes (read under the instance lock). */
  inActiveScopes(processInstanceKey: string): Read<VariableRecord[]> {
    return {
      sql: "SELECT v.variable_key, v.scope_key, v.name, v.value FROM element_instances e JOIN variables v ON v.scope_key = e.element_instance_key WHERE e.process_instance_key = ? AND e.state = 'ACTIVE'",
      parameters: [processInstanceKey],
      read: (rows) => rows.map((r) => ({ variableKey: String(r.variable_key), scopeKey: String(r.scope_key), name: String(r.name), value: JSON.parse(String(r.value)) })),
    };
  }

  /** Inserts new variables and updates the values of changed ones. */
  upsertStatements(batch: StatementBatch, variables: readonly VariableRecord[], context: WriteContext): void {
    const { instance } = context;
    upsertRows(
      batch,
      'variables',
      ['variable_key', 'process_instance_key', 'scope_key', 'name', 'value', 'tenant_id'],
      ['value'],
      variables.map((v) => [v.variableKey, instance.processInstanceKey, v.scopeKey, v.name, JSON.stringify(v.value), instance.tenantId]),
    );
  }

  /** The variables of one scope (e.g. a completed instance's root variables), by name. */
  async ofScope(scopeKey: string): Promise<Record<string, unknown>> {
    const rows = (await this.dataSource.query('SELECT name, value FROM variables WHERE scope_key = ?', [scopeKey])) as Array<{ name: string; value: string }>;
    return Object.fromEntries(rows.map((row) => [row.name, JSON.parse(row.value)]));
  }

  /**
   * The variables an element instance sees, read in one query: its own and those of every
   * enclosing scope up to the process instance, an inner name hiding an outer one.
   */
  async visibleIn(elementInstanceKey: string, names?: readonly string[]): Promise<Record<string, unknown>> {
    const rows = (await this.dataSource.query(visibleSql('v.value', names), [elementInstanceKey, ...(names ?? [])])) as Array<{ name: string; value: string }>;
    // Outer scopes come first, so inner definitions overwrite them. Object.fromEntries makes
    // every name an own property, also `__proto__`, which an assignment would lose.
    return Object.fromEntries(rows.map((row) => [row.name, JSON.parse(row.value)]));
  }

  /**
   * How many bytes `visibleIn(...)` would weigh as JSON, measured by the database without reading
   * the values: each value's bytes plus one per quote and backslash that JSON escapes, and its
   * name. Job activation uses it to hand out no more than one answer may carry.
   */
  async visibleSizeIn(elementInstanceKey: string, names: readonly string[] | undefined, runner: SqlRunner = this.dataSource): Promise<number> {
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
