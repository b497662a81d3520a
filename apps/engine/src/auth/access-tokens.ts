import { createHash, randomBytes } from 'node:crypto';
import type { AccessTokenKind } from '#persistence';

/** Secrets start with a prefix saying what they are, so a leaked one is recognisable in logs and scanners. */
const PREFIX: Record<AccessTokenKind, string> = { session: 'bts_', api: 'bat_' };

/** A new random secret (256 bits) for a token of this kind. */
export function newTokenSecret(kind: AccessTokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** What is stored instead of the secret. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
