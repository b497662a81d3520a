import { ConflictError, InvalidArgumentError, NotFoundError } from '../common/errors/index.js';

/** True for mysql2's duplicate-key error, however TypeORM wrapped it. */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return e?.code === 'ER_DUP_ENTRY' || e?.driverError?.code === 'ER_DUP_ENTRY';
}

export const userNotFound = (username: string) => new NotFoundError('USER.NOT_FOUND', `No user with username '${username}'`);
export const groupNotFound = (groupId: string) => new NotFoundError('GROUP.NOT_FOUND', `No group with id '${groupId}'`);
export const roleNotFound = (roleId: string) => new NotFoundError('ROLE.NOT_FOUND', `No role with id '${roleId}'`);

/** The refusal of a change that would leave nobody able to administer Baton. */
export function lastAdmin(change: string): ConflictError {
  return new ConflictError(
    'IDENTITY.LAST_ADMIN',
    `Expected at least one enabled user to keep the admin role, but ${change} would leave none; give another user the admin role first`,
  );
}

/** The refusal of a password for a user who signs in with the external OpenID Connect provider. */
export function externalUserPassword(username: string): ConflictError {
  return new ConflictError(
    'PASSWORD.EXTERNAL_USER',
    `Expected a local user, but '${username}' signs in with the OpenID Connect provider and has no password in Baton; change it at the provider`,
  );
}

/** The password policy: at least `minLength` characters (code points, as people count them). */
export function checkPasswordPolicy(password: string, minLength: number, what = 'password'): void {
  const length = [...password].length;
  if (length < minLength) {
    throw new InvalidArgumentError('PASSWORD.TOO_SHORT', `Expected the ${what} to have at least ${minLength} characters (BATON_PASSWORD_MIN_LENGTH) but it has ${length}`, { minLength });
  }
}
