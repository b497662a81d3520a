import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A timer of a timer catch event, boundary event or event subprocess start event (owned by the
 * element instance that waits for it). MySQL holds it; a BullMQ delayed job fires
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

  /** A time cycle (non-interrupting boundary, event subprocess start): its text; null for a duration or date. */
  @Column({ name: 'cycle_expression', type: 'varchar', length: 1024, nullable: true })
  cycleExpression: string | null;

  /** How often the cycle fires from this timer on; null without end (or without a cycle). */
  @Column({ name: 'cycle_remaining', type: 'int', nullable: true })
  cycleRemaining: number | null;
}
