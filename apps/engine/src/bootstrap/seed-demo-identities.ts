import type { Logger } from 'pino';
import { IdentityRepository } from '../auth/identity.repository.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { DEMO_GROUPS, DEMO_USERS } from './demo-identities.js';

/** Creates the demo groups and users that are missing; never changes existing ones. */
export async function seedDemoIdentities(identities: IdentityRepository, hasher: PasswordHasher, logger: Logger): Promise<void> {
  for (const group of DEMO_GROUPS) {
    await identities.ensureGroup(group.groupId, group.name);
  }
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (await identities.userExists(user.username)) continue;
    await identities.createUser({ ...user, passwordHash: await hasher.hash(user.password) });
    created.push(user.username);
  }
  if (created.length > 0) logger.info({ users: created }, 'Seeded demo users');
}
