import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A process instance. Its row is the instance's lock: every command on the instance starts
 * with SELECT ... FOR UPDATE on it (design.md invariant 4). `event_position` numbers the
 * instance's audit log.
 */
@Entity({ name: 'process_instances' })
@Index('idx_process_instances_definition', ['processDefinitionKey', 'state'])
@Index('idx_process_instances_process_id', ['processDefinitionId', 'state'])
@Index('idx_process_instances_state', ['state', 'startDate'])
@Index('idx_process_instances_parent', ['parentProcessInstanceKey'])
export class ProcessInstanceEntity {
  @PrimaryColumn({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;

  @Column({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @Column({ name: 'process_definition_version', type: 'int' })
  processDefinitionVersion: number;

  @Column({ name: 'process_definition_name', type: 'varchar', length: 255, nullable: true })
  processDefinitionName: string | null;

  @Column({ name: 'version_tag', type: 'varchar', length: 255, nullable: true })
  versionTag: string | null;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  /** ACTIVE, COMPLETED or TERMINATED. */
  @Column({ type: 'varchar', length: 16 })
  state: string;

  @Column({ name: 'business_id', type: 'varchar', length: 255, nullable: true, collation: 'utf8mb4_bin' })
  businessId: string | null;

  @Column({ name: 'incident_count', type: 'int' })
  incidentCount: number;

  @Column({ name: 'start_date', type: 'datetime', precision: 3 })
  startDate: Date;

  @Column({ name: 'end_date', type: 'datetime', precision: 3, nullable: true })
  endDate: Date | null;

  @Column({ name: 'started_by', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  startedBy: string;

  @Column({ name: 'event_position', type: 'int' })
  eventPosition: number;

  /** For an instance started by a call activity: the calling instance; null for a root instance. */
  @Column({ name: 'parent_process_instance_key', type: 'bigint', nullable: true })
  parentProcessInstanceKey: string | null;

  /** For an instance started by a call activity: the call activity's element instance in the parent. */
  @Column({ name: 'parent_element_instance_key', type: 'bigint', nullable: true })
  parentElementInstanceKey: string | null;
}
