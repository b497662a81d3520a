import type { CurrentUser } from '../api/authentication.api';

/**
 * The roles that grant `message:publish` on the engine (apps/engine/src/auth/permissions.ts, the
 * table docs/security.md documents): publishing and correlating messages, broadcasting signals.
 * The portal only uses it to offer or hide the actions; the engine refuses others with 403.
 */
const MESSAGE_PUBLISHERS: readonly string[] = ['admin', 'worker'];

/** True when the user may publish and correlate messages and broadcast signals. */
export function canSendEvents(user: Pick<CurrentUser, 'roles'>): boolean {
  return user.roles.some((role) => MESSAGE_PUBLISHERS.includes(role));
}
