/**
 * `npm run create-admin`: the one-time command that creates the first admin (README, "Running in
 * production") from BATON_ADMIN_USERNAME and BATON_ADMIN_PASSWORD, in the database the engine
 * uses (DB_* variables), creating and migrating it when needed. It creates the admin only while no
 * enabled user holds the admin role, and exits 1 when it did not.
 */
import { pino } from 'pino';
import { createDatabaseIfMissing, createDataSource, detectServerFlavor, runMigrations, withNamedLock } from '#persistence';
import { checkMysqlReachable, loadConfig } from '#runtime';
import { IdentityRepository } from '../apps/engine/src/auth/identity.repository.js';
import { PasswordHasher } from '../apps/engine/src/auth/password-hasher.js';
import { createInitialAdmin } from '../apps/engine/src/bootstrap/create-initial-admin.js';

const logger = pino({ level: 'info' });
const config = loadConfig();
if (!config.auth.initialAdmin) {
  logger.error('Set BATON_ADMIN_USERNAME and BATON_ADMIN_PASSWORD (at least BATON_PASSWORD_MIN_LENGTH characters) to create the first admin');
  process.exit(1);
}
await checkMysqlReachable(config.db);
await createDatabaseIfMissing(config.db);
const dataSource = createDataSource(config.db, { flavor: await detectServerFlavor(config.db) });
await dataSource.initialize();
try {
  await runMigrations(dataSource);
  const admin = config.auth.initialAdmin;
  // The engine's start-up lock: an engine starting at the same time does not create an admin too.
  const outcome = await withNamedLock(dataSource, 'baton:startup', () => createInitialAdmin(new IdentityRepository(dataSource), new PasswordHasher(), admin, logger));
  process.exitCode = outcome === 'created' ? 0 : 1;
} finally {
  await dataSource.destroy();
}
