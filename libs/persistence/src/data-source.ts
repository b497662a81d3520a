import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { BatonConfig } from '#runtime';
import { MIGRATIONS } from '#migrations';
import { ENTITIES } from './entities/index.js';

/**
 * TypeORM options for Baton's MySQL/MariaDB database. Keys (BIGINT) come back as strings,
 * dates are UTC, and the schema is only ever changed by migrations (no `synchronize`).
 */
export function dataSourceOptions(db: BatonConfig['db'], overrides: { poolSize?: number; flavor?: ServerFlavor } = {}): DataSourceOptions {
  return {
    // TypeORM reads MariaDB's schema metadata differently; the same mysql2 driver serves both.
    type: overrides.flavor ?? 'mysql',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.name,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    // The instance store sends its reads and its writes as one round trip each (parameterised).
    multipleStatements: true,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    poolSize: overrides.poolSize ?? db.poolSize ?? 10,
    extra: { connectionLimit: overrides.poolSize ?? db.poolSize ?? 10 },
  };
}

/** A DataSource for Baton's database, not yet initialised. */
export function createDataSource(db: BatonConfig['db'], overrides: { poolSize?: number; flavor?: ServerFlavor } = {}): DataSource {
  return new DataSource(dataSourceOptions(db, overrides));
}

export type ServerFlavor = 'mysql' | 'mariadb';

/** Asks the server whether it is MySQL or MariaDB. */
export async function detectServerFlavor(db: BatonConfig['db']): Promise<ServerFlavor> {
  const connection = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return String((rows as Array<{ version: string }>)[0]?.version).toLowerCase().includes('mariadb') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}
