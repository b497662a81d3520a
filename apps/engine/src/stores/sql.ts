import type { EntityManager } from 'typeorm';
import type { ProcessInstanceRecord } from '#engine-core';

/** A row as mysql2 returns it. */
export type Row = Record<string, unknown>;

/** Who runs a statement: the DataSource, or a transaction's EntityManager (its own connection). */
export type SqlRunner = Pick<EntityManager, 'query'>;

/** What a store needs to know about the command whose changes it writes. */
export interface WriteContext {
  instance: ProcessInstanceRecord;
  processDefinitionKey: string;
  /** The command's time (engine clock): ended_at, created_at and dispatch times of what it wrote. */
  time: Date;
}

/**
 * A read that runs together with others in one round trip ({@link readTogether}): its SQL, its
 * parameters, and how its rows become records. The owner of the table builds it.
 */
export interface Read<T> {
  sql: string;
  parameters: unknown[];
  read(rows: Row[]): T;
}

type Results<T extends readonly Read<unknown>[]> = { [K in keyof T]: T[K] extends Read<infer R> ? R : never };

/**
 * Runs reads in one round trip (multipleStatements), in order: a locking read first makes every
 * later read happen under its lock.
 */
export async function readTogether<const T extends readonly Read<unknown>[]>(runner: SqlRunner, reads: T): Promise<Results<T>> {
  const raw = (await runner.query(
    reads.map((r) => r.sql).join(';\n'),
    reads.flatMap((r) => r.parameters),
  )) as Row[][] | Row[];
  const results = reads.length === 1 ? [raw as Row[]] : (raw as Row[][]);
  return reads.map((r, i) => r.read(results[i]!)) as Results<T>;
}

/**
 * Statements collected for one round trip: they are sent together (multipleStatements) and run
 * in order inside the caller's transaction. Each table's owner contributes its statements.
 */
export class StatementBatch {
  private readonly statements: string[] = [];
  private readonly parameters: unknown[] = [];

  query(sql: string, parameters: unknown[] = []): void {
    this.statements.push(sql);
    this.parameters.push(...parameters);
  }

  async run(manager: SqlRunner): Promise<void> {
    // Keep each round trip well under max_allowed_packet and the placeholder limit.
    let sql: string[] = [];
    let parameters: unknown[] = [];
    let cursor = 0;
    for (const statement of this.statements) {
      const count = (statement.match(/\?/g) ?? []).length;
      if (sql.length > 0 && parameters.length + count > 20_000) {
        await manager.query(sql.join(';\n'), parameters);
        sql = [];
        parameters = [];
      }
      sql.push(statement);
      parameters.push(...this.parameters.slice(cursor, cursor + count));
      cursor += count;
    }
    if (sql.length > 0) await manager.query(sql.join(';\n'), parameters);
  }
}

/** Multi-row INSERT, in chunks. */
export function insertRows(batch: StatementBatch, table: string, columns: string[], rows: unknown[][]): void {
  upsertRows(batch, table, columns, [], rows);
}

/**
 * Multi-row INSERT ... ON DUPLICATE KEY UPDATE of the given columns (set from the new row, or by
 * an expression in `expressions`), in chunks.
 */
export function upsertRows(batch: StatementBatch, table: string, columns: string[], updateColumns: string[], rows: unknown[][], expressions: Record<string, string> = {}): void {
  const CHUNK = 200;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const placeholders = chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
    const update = updateColumns.length > 0 ? ` ON DUPLICATE KEY UPDATE ${updateColumns.map((c) => `${c} = ${expressions[c] ?? `VALUES(${c})`}`).join(', ')}` : '';
    batch.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${placeholders}${update}`, chunk.flat());
  }
}

/** `?,?,?` for `count` values (an IN list). */
export function placeholders(count: number): string {
  return Array(count).fill('?').join(',');
}

/** An ISO instant as a DATETIME parameter. */
export function date(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}

/** A DATETIME column as an ISO instant. */
export function iso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** A JSON column (mysql2 parses JSON columns on MySQL, returns text on MariaDB). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function keyOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** The affected rows of an UPDATE or DELETE. */
export function affectedRows(result: unknown): number {
  return (result as { affectedRows?: number }).affectedRows ?? 0;
}
