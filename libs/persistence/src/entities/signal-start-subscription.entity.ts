import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signal start event of the latest version of a process: a broadcast of this signal starts an
 * instance there. Deploying a new version replaces its process id's rows (as for message start
 * events: only the latest version is started by signals, as in Camunda).
 */
@Entity({ name: 'signal_start_subscriptions' })
@Index('idx_signal_start_subscriptions_name', ['tenantId', 'signalName'])
export class SignalStartSubscriptionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @PrimaryColumn({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @PrimaryColumn({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  @Column({ name: 'signal_name', type: 'varchar', length: 256, collation: 'utf8mb4_bin' })
  signalName: string;

  @Column({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;
}
