import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One call to POST /v2/deployments: who deployed which resources when. */
@Entity({ name: 'deployments' })
export class DeploymentEntity {
  @PrimaryColumn({ name: 'deployment_key', type: 'bigint' })
  deploymentKey: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  createdBy: string;
}
