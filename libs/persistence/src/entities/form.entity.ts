import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One version of a Camunda form (.form JSON), versioned by form id like processes. */
@Entity({ name: 'forms' })
@Index('uq_forms_version', ['tenantId', 'formId', 'version'], { unique: true })
export class FormEntity {
  @PrimaryColumn({ name: 'form_key', type: 'bigint' })
  formKey: string;

  @Column({ name: 'form_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  formId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'resource_name', type: 'varchar', length: 255 })
  resourceName: string;

  @Column({ name: 'resource_hash', type: 'char', length: 64, collation: 'ascii_bin' })
  resourceHash: string;

  @Index('idx_forms_deployment')
  @Column({ name: 'deployment_key', type: 'bigint' })
  deploymentKey: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ type: 'json' })
  schema: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
