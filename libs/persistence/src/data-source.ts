import { DataSource, type DataSourceOptions } from 'typeorm';
import type { BatonConfig } from '#runtime';
import { MIGRATIONS } from '#migrations';
import { ENTITIES } from './entities/index.js';

/**
 * TypeORM options for Baton's MySQL/MariaDB database. Keys (BIGINT) come back as strings,
 * dates are UTC, and the schema is only ever changed by migrations (no `synchronize`).
 */
export function dataSourceOptions(db: BatonConfig['db'], overrides: { poolSize?: number } = {}): DataSourceOptions {
  return {
    type: 'mysql',
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.name,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    poolSize: overrides.poolSize ?? 10,
    extra: { connectionLimit: overrides.poolSize ?? 10 },
  };
}

/** A DataSource for Baton's database, not yet initialised. */
export function createDataSource(db: BatonConfig['db'], overrides: { poolSize?: number } = {}): DataSource {
  return new DataSource(dataSourceOptions(db, overrides));
}
