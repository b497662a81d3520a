import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An element instance (the process itself included, with key = process instance key). */
@Entity({ name: 'element_instances' })
@Index('idx_element_instances_instance', ['processInstanceKey', 'state'])
@Index('idx_element_instances_scope', ['flowScopeKey'])
@Index('idx_element_instances_definition', ['processDefinitionKey', 'elementId', 'state'])
/** Duration metrics over a period (statistics/element-durations). */
@Index('idx_element_instances_ended', ['processDefinitionKey', 'endDate'])
export class ElementInstanceEntity {
  @PrimaryColumn({ name: 'element_instance_key', type: 'bigint' })
  elementInstanceKey: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;

  @Column({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @Column({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  @Column({ name: 'element_name', type: 'varchar', length: 255, nullable: true })
  elementName: string | null;

  /** Verbatim BPMN type, e.g. bpmn:UserTask; bpmn:Process for the process itself. */
  @Column({ name: 'element_type', type: 'varchar', length: 64 })
  elementType: string;

  @Column({ name: 'flow_scope_key', type: 'bigint', nullable: true })
  flowScopeKey: string | null;

  /** ACTIVE, COMPLETED or TERMINATED (Camunda's states). */
  @Column({ type: 'varchar', length: 16 })
  state: string;

  /** ACTIVATING, ACTIVATED, COMPLETING, COMPLETED, TERMINATING or TERMINATED. */
  @Column({ type: 'varchar', length: 16 })
  lifecycle: string;

  @Column({ name: 'incident_key', type: 'bigint', nullable: true })
  incidentKey: string | null;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'start_date', type: 'datetime', precision: 3 })
  startDate: Date;

  @Column({ name: 'end_date', type: 'datetime', precision: 3, nullable: true })
  endDate: Date | null;

  /** A call activity: the child process instance it started. */
  @Column({ name: 'called_process_instance_key', type: 'bigint', nullable: true })
  calledProcessInstanceKey: string | null;

  /** A multi-instance body: `{numberOfInstances, numberOfCompletedInstances, numberOfTerminatedInstances}`. */
  @Column({ name: 'multi_instance', type: 'json', nullable: true })
  multiInstance: Record<string, number> | null;
}
