import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A timer of a timer catch event or boundary event. MySQL holds it; a BullMQ delayed job fires
 * it on time, and the timer sweeper fires any that are due by the engine clock (after a Redis
 * loss, or with a pinned clock).
 */
@Entity({ name: 'timers' })
@Index('idx_timers_due', ['state', 'dueDate'])
@Index('idx_timers_instance', ['processInstanceKey'])
export class TimerEntity {
  @PrimaryColumn({ name: 'timer_key', type: 'bigint' })
  timerKey: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ name: 'element_instance_key', type: 'bigint' })
  elementInstanceKey: string;

  @Column({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  @Column({ name: 'due_date', type: 'datetime', precision: 3 })
  dueDate: Date;

  /** ACTIVE, TRIGGERED or CANCELED. */
  @Column({ type: 'varchar', length: 16 })
  state: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;
}
