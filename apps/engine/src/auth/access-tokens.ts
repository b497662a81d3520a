import { createHash, randomBytes } from 'node:crypto';
import type { AccessTokenKind } from '#persistence';

/** Secrets start with a prefix saying what they are, so a leaked one is recognisable in logs and scanners. */
const PREFIX: Record<AccessTokenKind, string> = { session: 'bts_', api: 'bat_', client: 'bct_' };

/** Prefix of an API client's secret (`POST /v2/api-clients`). */
export const CLIENT_SECRET_PREFIX = 'bcs_';

/** A new random client secret (256 bits). */
export function newClientSecret(): string {
  return CLIENT_SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** A new random secret (256 bits) for a token of this kind. */
export function newTokenSecret(kind: AccessTokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** What is stored instead of the secret. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
