import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDatabaseIfMissing, createDataSource, detectServerFlavor, runMigrations } from '#persistence';
import { loadConfig } from '#runtime';

describe('database schema', () => {
  it('is described identically by the migrations and by the entities (no drift)', async () => {
    const db = { ...loadConfig().db, name: `baton_test_schema_${randomBytes(3).toString('hex')}` };
    await createDatabaseIfMissing(db);
    const dataSource = createDataSource(db, { flavor: await detectServerFlavor(db) });
    await dataSource.initialize();
    try {
      expect(await runMigrations(dataSource)).not.toHaveLength(0);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await runMigrations(dataSource)).toEqual([]);
    } finally {
      await dataSource.query(`DROP DATABASE \`${db.name}\``);
      await dataSource.destroy();
    }
  });
});
