import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RoleEntity } from './role.entity.js';
import { UserEntity } from './user.entity.js';

/**
 * The built-in roles (`worker`: a system account that runs service-task jobs). What each may do
 * is in docs/security.md; custom roles (rows of `identity_roles`) list Baton permissions.
 */
export const ROLES = ['admin', 'analyst', 'employee', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** A role given to a user. */
@Entity({ name: 'identity_user_roles' })
export class RoleAssignmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  username: string;

  @Index('idx_user_roles_role')
  @PrimaryColumn({ name: 'role_id', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  roleId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'username', foreignKeyConstraintName: 'fk_user_roles_user' })
  user?: UserEntity;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'fk_user_roles_role' })
  role?: RoleEntity;
}
