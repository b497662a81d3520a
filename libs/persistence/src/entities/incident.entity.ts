import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An incident: an expected failure holding an element until someone resolves it. */
@Entity({ name: 'incidents' })
@Index('idx_incidents_state', ['state', 'creationTime'])
@Index('idx_incidents_instance', ['processInstanceKey'])
export class IncidentEntity {
  @PrimaryColumn({ name: 'incident_key', type: 'bigint' })
  incidentKey: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;

  @Column({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @Column({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  @Column({ name: 'element_instance_key', type: 'bigint' })
  elementInstanceKey: string;

  @Column({ name: 'job_key', type: 'bigint', nullable: true })
  jobKey: string | null;

  @Column({ name: 'error_type', type: 'varchar', length: 64 })
  errorType: string;

  @Column({ name: 'error_message', type: 'text' })
  errorMessage: string;

  /** ACTIVE or RESOLVED. */
  @Column({ type: 'varchar', length: 16 })
  state: string;

  /** What resolving retries: ACTIVATE, COMPLETE or JOB. */
  @Column({ type: 'varchar', length: 16 })
  retry: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'creation_time', type: 'datetime', precision: 3 })
  creationTime: Date;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  /** The variables of the event that activated the element, when its activation failed: resolving activates it again with them. */
  @Column({ name: 'trigger_variables', type: 'json', nullable: true })
  triggerVariables: Record<string, unknown> | null;
}
