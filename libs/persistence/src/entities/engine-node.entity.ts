import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per started engine or worker process. Its auto-increment id (mod 1024) is the
 * node part of the keys that process generates, so replicas never hand out the same key.
 */
@Entity({ name: 'engine_nodes' })
export class EngineNodeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'started_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  startedAt: Date;
}
