import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GroupEntity } from './group.entity.js';
import { UserEntity } from './user.entity.js';

/** A user's membership in a group. */
@Entity({ name: 'identity_group_members' })
export class GroupMembershipEntity {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  groupId: string;

  @Index('idx_group_members_username')
  @PrimaryColumn({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  username: string;

  @ManyToOne(() => GroupEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'fk_group_members_group' })
  group?: GroupEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'username', foreignKeyConstraintName: 'fk_group_members_user' })
  user?: UserEntity;
}
