import { Entity, PrimaryColumn } from 'typeorm';

/** The roles Baton knows. What each may do is in docs/security.md. */
export const ROLES = ['admin', 'analyst', 'employee'] as const;
export type Role = (typeof ROLES)[number];

/** A role given to a user. */
@Entity({ name: 'identity_user_roles' })
export class RoleAssignmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  username: string;

  @PrimaryColumn({ name: 'role_id', type: 'varchar', length: 32 })
  roleId: Role;
}
