import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A wait of a process instance for a message, a signal or a condition (the core's
 * `SubscriptionRecord`), opened and closed in the instance's command transactions. Open
 * subscriptions are `CREATED`; a closed one is `CORRELATED` when it closed because its message,
 * signal or condition triggered it, `DELETED` when it closed otherwise (its element ended, its
 * scope was interrupted) — the states of Camunda's message subscription search. Closed rows stay
 * for the read side.
 */
@Entity({ name: 'event_subscriptions' })
@Index('idx_event_subscriptions_lookup', ['tenantId', 'kind', 'name', 'correlationKey', 'state', 'processInstanceKey'])
@Index('idx_event_subscriptions_instance', ['processInstanceKey', 'state'])
export class EventSubscriptionEntity {
  @PrimaryColumn({ name: 'subscription_key', type: 'bigint' })
  subscriptionKey: string;

  /** message, signal or conditional. */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;

  @Column({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  /** The element instance that waits: the catch event or receive task, a boundary event's activity, the event-based gateway, an event subprocess's scope. */
  @Column({ name: 'element_instance_key', type: 'bigint' })
  elementInstanceKey: string;

  /** The catching element: catch event, receive task, boundary event, or event subprocess start event. */
  @Column({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  /** The message or signal name ('' for a condition). */
  @Column({ type: 'varchar', length: 256, collation: 'utf8mb4_bin' })
  name: string;

  /** A message subscription's correlation key; null for signals and conditions. */
  @Column({ name: 'correlation_key', type: 'varchar', length: 256, collation: 'utf8mb4_bin', nullable: true })
  correlationKey: string | null;

  @Column({ type: 'boolean' })
  interrupting: boolean;

  /** A condition: whether it held at its last evaluation; null for messages and signals. */
  @Column({ name: 'condition_met', type: 'boolean', nullable: true })
  conditionMet: boolean | null;

  /** CREATED (open), CORRELATED or DELETED (closed). */
  @Column({ type: 'varchar', length: 16 })
  state: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** The last change (opened, a condition evaluated, closed): Camunda's `lastUpdatedDate`. */
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
