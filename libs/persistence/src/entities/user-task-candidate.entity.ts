import { Entity, Index, PrimaryColumn } from 'typeorm';

/** One candidate group or user of a user task, so "offered to my groups" is an indexed lookup. */
@Entity({ name: 'user_task_candidates' })
@Index('idx_user_task_candidates_lookup', ['kind', 'candidate'])
export class UserTaskCandidateEntity {
  @PrimaryColumn({ name: 'user_task_key', type: 'bigint' })
  userTaskKey: string;

  /** 'group' or 'user'. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  candidate: string;
}
