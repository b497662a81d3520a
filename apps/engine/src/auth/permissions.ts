import type { Role } from '#persistence';

/**
 * What each role may do, in one table. Controllers name the permission they need with
 * `@RequirePermission(...)`; a route without one is open to every authenticated user.
 * The same table is documented in docs/security.md.
 */
export const PERMISSIONS = {
  /** Deploy BPMN and forms. */
  'deployment:create': ['admin', 'analyst'],
  /** Create, list and revoke API tokens; manage users. */
  'identity:manage': ['admin'],
  /** Start process instances. */
  'instance:start': ['admin', 'analyst', 'employee', 'worker'],
  /**
   * Publish and correlate messages, broadcast signals: they reach running instances (a payment
   * confirmed, an order cancelled) and start processes by their start events, so they are for the
   * systems that own those facts (workers, API tokens) and admins, not for every employee.
   */
  'message:publish': ['admin', 'worker'],
  /** Read process instances, element instances, variables, incidents and audit logs (operations). */
  'instance:read': ['admin', 'analyst'],
  /** Cancel instances, resolve incidents, set variables (operations). */
  'instance:manage': ['admin'],
  /** Activate, complete and fail jobs: service-task workers. */
  'job:work': ['admin', 'worker'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when one of the roles grants the permission. */
export function allows(roles: readonly Role[], permission: Permission): boolean {
  const granted: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => granted.includes(role));
}
