import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of an instance's audit log: every event, in order, with time and actor. */
@Entity({ name: 'process_instance_events' })
export class ProcessInstanceEventEntity {
  @PrimaryColumn({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType: string;

  @Column({ name: 'element_id', type: 'varchar', length: 255, nullable: true, collation: 'utf8mb4_bin' })
  elementId: string | null;

  @Column({ name: 'element_instance_key', type: 'bigint', nullable: true })
  elementInstanceKey: string | null;

  /** The event's own fields, as JSON. */
  @Column({ type: 'json' })
  payload: Record<string, unknown>;

  /** The command that caused the event, e.g. COMPLETE_USER_TASK. */
  @Column({ type: 'varchar', length: 64 })
  command: string;

  /** Who caused it: a user name, `system`, or `worker:<name>`. */
  @Column({ type: 'varchar', length: 255 })
  actor: string;

  @Column({ type: 'datetime', precision: 3 })
  time: Date;
}
