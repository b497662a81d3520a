import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Tokens waiting at a joining gateway: per flow scope and incoming sequence flow. */
@Entity({ name: 'join_tokens' })
@Index('idx_join_tokens_instance', ['processInstanceKey'])
export class JoinTokenEntity {
  @PrimaryColumn({ name: 'flow_scope_key', type: 'bigint' })
  flowScopeKey: string;

  @PrimaryColumn({ name: 'flow_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  flowId: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ type: 'int' })
  count: number;
}
