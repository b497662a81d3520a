import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A user task (Camunda user task or job-based); candidates are also in user_task_candidates for search. */
@Entity({ name: 'user_tasks' })
@Index('idx_user_tasks_state', ['state', 'creationDate'])
@Index('idx_user_tasks_assignee', ['assignee', 'state'])
@Index('idx_user_tasks_instance', ['processInstanceKey'])
@Index('uq_user_tasks_element_instance', ['elementInstanceKey'], { unique: true })
export class UserTaskEntity {
  @PrimaryColumn({ name: 'user_task_key', type: 'bigint' })
  userTaskKey: string;

  @Column({ name: 'element_instance_key', type: 'bigint' })
  elementInstanceKey: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;

  @Column({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @Column({ name: 'process_definition_version', type: 'int' })
  processDefinitionVersion: number;

  @Column({ name: 'process_name', type: 'varchar', length: 255, nullable: true })
  processName: string | null;

  @Column({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name: string | null;

  /** CREATED, COMPLETED or CANCELED; CREATING, ASSIGNING, UPDATING, COMPLETING or CANCELING while its listeners run. */
  @Column({ type: 'varchar', length: 16 })
  state: string;

  /** The transition its task listeners hold (UserTaskTransition), null otherwise. */
  @Column({ name: 'listener_transition', type: 'json', nullable: true })
  listenerTransition: Record<string, unknown> | null;

  /** The last transition a task listener denied, with its reason. */
  @Column({ name: 'listener_denial', type: 'json', nullable: true })
  listenerDenial: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 128, nullable: true, collation: 'utf8mb4_bin' })
  assignee: string | null;

  @Column({ name: 'candidate_groups', type: 'json' })
  candidateGroups: string[];

  @Column({ name: 'candidate_users', type: 'json' })
  candidateUsers: string[];

  @Column({ name: 'due_date', type: 'datetime', precision: 3, nullable: true })
  dueDate: Date | null;

  @Column({ name: 'follow_up_date', type: 'datetime', precision: 3, nullable: true })
  followUpDate: Date | null;

  @Column({ type: 'int' })
  priority: number;

  @Column({ name: 'form_key', type: 'bigint', nullable: true })
  formKey: string | null;

  @Column({ name: 'embedded_form_id', type: 'varchar', length: 255, nullable: true })
  embeddedFormId: string | null;

  @Column({ name: 'external_form_reference', type: 'varchar', length: 2048, nullable: true })
  externalFormReference: string | null;

  @Column({ name: 'custom_headers', type: 'json' })
  customHeaders: Record<string, string>;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'creation_date', type: 'datetime', precision: 3 })
  creationDate: Date;

  @Column({ name: 'completion_date', type: 'datetime', precision: 3, nullable: true })
  completionDate: Date | null;
}
