import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ExecutableProcess } from '#bpmn';

/**
 * One version of one process. `version` counts per (tenant, process id); a deployment whose
 * resource hash equals the latest version's creates no new row.
 */
@Entity({ name: 'process_definitions' })
@Index('uq_process_definitions_version', ['tenantId', 'processDefinitionId', 'version'], { unique: true })
export class ProcessDefinitionEntity {
  @PrimaryColumn({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;

  @Column({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'version_tag', type: 'varchar', length: 255, nullable: true })
  versionTag: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name: string | null;

  @Column({ name: 'resource_name', type: 'varchar', length: 255 })
  resourceName: string;

  @Column({ name: 'resource_hash', type: 'char', length: 64, collation: 'ascii_bin' })
  resourceHash: string;

  @Index('idx_process_definitions_deployment')
  @Column({ name: 'deployment_key', type: 'bigint' })
  deploymentKey: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'has_start_form', type: 'boolean' })
  hasStartForm: boolean;

  @Column({ name: 'bpmn_xml', type: 'longtext' })
  bpmnXml: string;

  /** The compiled model (libs/bpmn), so instances never re-parse XML. */
  @Column({ name: 'executable_model', type: 'json' })
  executableModel: ExecutableProcess;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
