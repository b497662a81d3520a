import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A message start event of the latest version of a process: a published message with this name
 * starts an instance there. Deploying a new version replaces its process id's subscriptions
 * (instances are started on the latest version only, as in Camunda).
 */
@Entity({ name: 'message_start_subscriptions' })
@Index('idx_message_start_subscriptions_name', ['tenantId', 'messageName'])
export class MessageStartSubscriptionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @PrimaryColumn({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @PrimaryColumn({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  @Column({ name: 'message_name', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  messageName: string;

  @Column({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;
}
