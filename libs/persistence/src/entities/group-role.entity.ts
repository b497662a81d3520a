import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GroupEntity } from './group.entity.js';
import { RoleEntity } from './role.entity.js';

/** A role given to a group: every member has it. */
@Entity({ name: 'identity_group_roles' })
export class GroupRoleEntity {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  groupId: string;

  @Index('idx_group_roles_role')
  @PrimaryColumn({ name: 'role_id', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  roleId: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_group_roles_group' })
  group?: GroupEntity;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'role_id', foreignKeyConstraintName: 'fk_group_roles_role' })
  role?: RoleEntity;
}
