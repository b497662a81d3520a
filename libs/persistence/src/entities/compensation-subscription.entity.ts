import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A completed activity instance that can be compensated (the core's `CompensationRecord`, Zeebe's
 * compensation subscription), written in the command transaction that completed it and changed in
 * the ones that compensate it. `READY`, `TRIGGERED` and `COMPENSATING` rows are loaded with the
 * instance under its lock; `COMPENSATED` rows stay for the read side (which handlers ran, in what order).
 */
@Entity({ name: 'compensation_subscriptions' })
@Index('idx_compensation_subscriptions_instance', ['processInstanceKey', 'state'])
export class CompensationSubscriptionEntity {
  /** Generated when the activity completed: the order of completion. */
  @PrimaryColumn({ name: 'compensation_key', type: 'bigint' })
  compensationKey: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  /** The completed activity instance. */
  @Column({ name: 'element_instance_key', type: 'bigint' })
  elementInstanceKey: string;

  @Column({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  /** The scope it completed in (process, subprocess or multi-instance body instance). */
  @Column({ name: 'flow_scope_key', type: 'bigint' })
  flowScopeKey: string;

  /** handler or container. */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ name: 'handler_element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin', nullable: true })
  handlerElementId: string | null;

  /** JSON text: the completed instance's local variables, which its handler sees. */
  @Column({ type: 'longtext' })
  variables: string;

  /** READY, TRIGGERED, COMPENSATING or COMPENSATED. */
  @Column({ type: 'varchar', length: 16 })
  state: string;

  @Column({ name: 'throw_element_instance_key', type: 'bigint', nullable: true })
  throwElementInstanceKey: string | null;

  @Column({ name: 'handler_element_instance_key', type: 'bigint', nullable: true })
  handlerElementInstanceKey: string | null;

  /** Its place among the handlers its throw event started (1 = first). */
  @Column({ type: 'int', nullable: true })
  ordinal: number | null;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
