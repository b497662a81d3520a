import type { Logger } from 'pino';
import { ADMIN_ROLE, IdentityRepository } from '../auth/identity.repository.js';
import { PasswordHasher } from '../auth/password-hasher.js';

/** What {@link createInitialAdmin} did. */
export type InitialAdminOutcome = 'created' | 'admin-exists' | 'name-taken';

/**
 * Creates the first admin (README, "Running in production"): a user with the admin role, but only
 * while no enabled user holds that role, so the credentials in the environment cannot take over or
 * reset an installation that has admins. A name that is taken by a user who is no admin is left
 * alone (reported as `name-taken`): choose another name, or sign in as an admin to fix that user.
 * Runs at start (BATON_ADMIN_USERNAME / BATON_ADMIN_PASSWORD) under the start-up lock, and from
 * `npm run create-admin`.
 */
export async function createInitialAdmin(
  identities: IdentityRepository,
  hasher: PasswordHasher,
  admin: { username: string; password: string },
  logger: Logger,
): Promise<InitialAdminOutcome> {
  if ((await identities.countEnabledAdmins()) > 0) {
    logger.info({ username: admin.username }, 'An admin exists: BATON_ADMIN_USERNAME/BATON_ADMIN_PASSWORD are not used (remove them from the environment)');
    return 'admin-exists';
  }
  if (await identities.userExists(admin.username)) {
    logger.error({ username: admin.username }, `No enabled admin exists, but the user '${admin.username}' exists already and is no admin: it is left alone; choose another BATON_ADMIN_USERNAME`);
    return 'name-taken';
  }
  await identities.createUser({ username: admin.username, name: admin.username, email: null, passwordHash: await hasher.hash(admin.password), roles: [ADMIN_ROLE], groups: [] });
  logger.info({ username: admin.username }, 'Created the first admin');
  return 'created';
}
