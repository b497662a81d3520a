import { InvalidArgumentError, NotFoundError } from '../common/errors/index.js';
import type { IdentityRepository } from './identity.repository.js';

/**
 * Who a new API token or API client acts as — the user it names, else the caller; the user must
 * exist — and until when: an expiry it asks for must lie in the future.
 */
export async function credentialOwnerAndExpiry(
  identities: IdentityRepository,
  request: { username?: string; expiresAt?: string },
  caller: { username: string },
  now: Date,
  credential: { noun: 'token' | 'client'; expiryInPastCode: 'API_TOKEN.EXPIRY_IN_PAST' | 'API_CLIENT.EXPIRY_IN_PAST' },
): Promise<{ username: string; expiresAt: Date | null }> {
  const username = request.username ?? caller.username;
  if (!(await identities.userExists(username))) {
    throw new NotFoundError('USER.NOT_FOUND', `Expected an existing user for the ${credential.noun} to act as, but there is no user '${username}'`);
  }
  const expiresAt = request.expiresAt ? new Date(request.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw new InvalidArgumentError(credential.expiryInPastCode, `Expected expiresAt in the future but it is ${request.expiresAt}`);
  }
  return { username, expiresAt };
}
