import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A group of users; user tasks can be offered to a group (candidateGroups). */
@Entity({ name: 'identity_groups' })
export class GroupEntity {
  @PrimaryColumn({ name: 'group_id', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  groupId: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  description: string | null;
}
