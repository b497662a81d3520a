import type { CurrentUser } from '../api/authentication.api';

/**
 * What the portal offers by the permissions the engine reports in `/v2/authentication/me`
 * (`permissions`: what the user's built-in and custom roles grant, docs/security.md). The portal
 * only uses them to offer or hide actions; the engine refuses others with 403.
 */

/** True when the user may publish and correlate messages and broadcast signals (`message:publish`). */
export function canSendEvents(user: Pick<CurrentUser, 'permissions'>): boolean {
  return user.permissions.includes('message:publish');
}

/** True when the user may cancel instances and resolve incidents (`instance:manage`). */
export function canManageInstances(user: Pick<CurrentUser, 'permissions'>): boolean {
  return user.permissions.includes('instance:manage');
}
