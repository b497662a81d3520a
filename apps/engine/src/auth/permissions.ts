import { ROLES, type Role } from '#persistence';

/**
 * What each role may do, in one table. Controllers name the permission they need with
 * `@RequirePermission(...)`; a route without one is open to every authenticated user.
 * The same table is documented in docs/security.md.
 */
export const PERMISSIONS = {
  /** Deploy BPMN and forms. */
  'deployment:create': ['admin', 'analyst'],
  /** Manage users, groups, roles and API tokens; set the engine clock. */
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

/** Every permission, in the table's order: what a custom role may list. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** True for the name of a permission of the table. */
export function isPermission(name: string): name is Permission {
  return Object.hasOwn(PERMISSIONS, name);
}

/** True for the id of a built-in role (admin, analyst, employee, worker). */
export function isBuiltInRole(roleId: string): roleId is Role {
  return (ROLES as readonly string[]).includes(roleId);
}

/** What a built-in role may do: the permissions whose row names it. */
export function permissionsOfBuiltInRole(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((permission) => (PERMISSIONS[permission] as readonly Role[]).includes(role));
}

/**
 * The permissions a set of roles grants: a built-in role's from the table above, a custom role's
 * from the permissions it lists (names no longer in the table are ignored).
 */
export function grantedPermissions(roles: ReadonlyArray<{ roleId: string; permissions: readonly string[] }>): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) {
    const permissions = isBuiltInRole(role.roleId) ? permissionsOfBuiltInRole(role.roleId) : role.permissions.filter(isPermission);
    for (const permission of permissions) granted.add(permission);
  }
  return PERMISSION_NAMES.filter((permission) => granted.has(permission));
}

/** True when the caller's roles grant the permission. */
export function allows(principal: { permissions: readonly Permission[] }, permission: Permission): boolean {
  return principal.permissions.includes(permission);
}
