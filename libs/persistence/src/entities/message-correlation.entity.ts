import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A message that reached a process instance (a catch event, receive task, boundary event or
 * event subprocess took it, or a message start event started the instance with it). A message
 * reaches an instance at most once (the primary key) and, as in Camunda, a process (its BPMN id)
 * at most once: the engine checks the second rule before it correlates. Rows go with their
 * message (`expires_at`: the message's expiry, or the correlation time for an unbuffered one).
 */
@Entity({ name: 'message_correlations' })
@Index('idx_message_correlations_process', ['messageKey', 'processDefinitionId'])
@Index('idx_message_correlations_expiry', ['expiresAt'])
export class MessageCorrelationEntity {
  @PrimaryColumn({ name: 'message_key', type: 'bigint' })
  messageKey: string;

  @PrimaryColumn({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  /** The element that took the message (the message start event for an instance it started). */
  @Column({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  @Column({ name: 'correlated_at', type: 'datetime', precision: 3 })
  correlatedAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;
}
