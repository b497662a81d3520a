import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { BatonConfig } from '#runtime';

/** Creates the database when it does not exist yet (utf8mb4, case-insensitive collation for text). */
export async function createDatabaseIfMissing(db: BatonConfig['db']): Promise<boolean> {
  const connection = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  try {
    const [rows] = await connection.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [db.name]);
    if ((rows as unknown[]).length > 0) return false;
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${db.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    return true;
  } finally {
    await connection.end();
  }
}

/**
 * Runs pending migrations under a MySQL named lock, so replicas starting together migrate once.
 * Returns the names of the migrations that ran.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return withNamedLock(dataSource, 'baton:migrations', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** Runs `work` while holding MySQL's named lock `name` (GET_LOCK), on one pooled connection. */
export async function withNamedLock<T>(dataSource: DataSource, name: string, work: () => Promise<T>, timeoutSeconds = 120): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query('SELECT GET_LOCK(?, ?) AS locked', [name, timeoutSeconds])) as Array<{ locked: number | string | null }>;
    if (Number(locked) !== 1) {
      throw new Error(`Could not take the database lock '${name}' within ${timeoutSeconds}s: another Baton process holds it`);
    }
    try {
      return await work();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await runner.release();
  }
}

/** Leases a node id (0..1023) for key generation: one row per started process. */
export async function leaseNodeId(dataSource: DataSource): Promise<number> {
  const result = (await dataSource.query('INSERT INTO engine_nodes () VALUES ()')) as { insertId: number | string };
  return Number(BigInt(result.insertId) % 1024n);
}
