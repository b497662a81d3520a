import { Entity, PrimaryColumn } from 'typeorm';

/** A user's membership in a group. */
@Entity({ name: 'identity_group_members' })
export class GroupMembershipEntity {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  groupId: string;

  @PrimaryColumn({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  username: string;
}
