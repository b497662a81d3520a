import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity.js';

/** The roles Baton knows (`worker`: a system account that runs service-task jobs). What each may do is in docs/security.md. */
export const ROLES = ['admin', 'analyst', 'employee', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** A role given to a user. */
@Entity({ name: 'identity_user_roles' })
export class RoleAssignmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  username: string;

  @PrimaryColumn({ name: 'role_id', type: 'varchar', length: 32 })
  roleId: Role;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'username', foreignKeyConstraintName: 'fk_user_roles_user' })
  user?: UserEntity;
}
