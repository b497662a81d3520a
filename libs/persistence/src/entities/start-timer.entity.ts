import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The next occurrence of a timer start event of the latest version of a process. When it is due
 * (engine clock), an instance is created at the start event and, for a cycle with repetitions
 * left, the row is replaced by the next occurrence in the same transaction (a new key, so its
 * BullMQ delayed job has a new id). Deploying a new version replaces its process id's rows.
 */
@Entity({ name: 'start_timers' })
@Index('idx_start_timers_due', ['dueDate'])
@Index('idx_start_timers_process', ['tenantId', 'processDefinitionId'])
export class StartTimerEntity {
  @PrimaryColumn({ name: 'timer_key', type: 'bigint' })
  timerKey: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @Column({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;

  @Column({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  @Column({ name: 'due_date', type: 'datetime', precision: 3 })
  dueDate: Date;

  /** A time cycle's text (ISO 8601 repeating interval or cron); null for a time date. */
  @Column({ name: 'cycle_expression', type: 'varchar', length: 1024, nullable: true })
  cycleExpression: string | null;

  /** How often the cycle fires from this occurrence on; null without end (or for a time date). */
  @Column({ name: 'cycle_remaining', type: 'int', nullable: true })
  cycleRemaining: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
