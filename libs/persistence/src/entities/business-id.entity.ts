import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The business id of an active instance, unique per process id: a second start with the same
 * pair is refused while the first instance is active. The row goes when the instance ends.
 */
@Entity({ name: 'active_business_ids' })
export class BusinessIdEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @PrimaryColumn({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @PrimaryColumn({ name: 'business_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  businessId: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;
}
