import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A job for a worker: created by a service-like element, completed through its key. */
@Entity({ name: 'jobs' })
@Index('idx_jobs_type_state', ['type', 'state'])
@Index('idx_jobs_instance', ['processInstanceKey', 'state'])
@Index('idx_jobs_activatable', ['type', 'activatable', 'retryAt'])
@Index('idx_jobs_dispatch', ['dispatchState', 'dispatchRequestedAt'])
@Index('idx_jobs_deadline', ['state', 'deadline'])
export class JobEntity {
  @PrimaryColumn({ name: 'job_key', type: 'bigint' })
  jobKey: string;

  @Column({ type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  type: string;

  /** CREATED, ACTIVATED, FAILED, COMPLETED, CANCELED or ERROR_THROWN. */
  @Column({ type: 'varchar', length: 16 })
  state: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ name: 'element_instance_key', type: 'bigint' })
  elementInstanceKey: string;

  @Column({ name: 'element_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  elementId: string;

  @Column({ name: 'process_definition_key', type: 'bigint' })
  processDefinitionKey: string;

  @Column({ name: 'process_definition_id', type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  processDefinitionId: string;

  @Column({ name: 'process_definition_version', type: 'int' })
  processDefinitionVersion: number;

  @Column({ type: 'int' })
  retries: number;

  @Column({ name: 'custom_headers', type: 'json' })
  customHeaders: Record<string, string>;

  @Column({ type: 'varchar', length: 255, nullable: true })
  worker: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  deadline: Date | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  /** A worker may activate it now (or from retry_at on). */
  @Column({ type: 'boolean', default: false })
  activatable: boolean;

  /** How many times workers failed it (the exponent of a backoff declared in the model). */
  @Column({ name: 'failure_count', type: 'int', default: 0 })
  failureCount: number;

  /** After a failure with retries left: activatable from this instant (its backoff). */
  @Column({ name: 'retry_at', type: 'datetime', precision: 3, nullable: true })
  retryAt: Date | null;

  @Column({ name: 'activated_at', type: 'datetime', precision: 3, nullable: true })
  activatedAt: Date | null;

  /** The outbox: PENDING until published to BullMQ, then PUBLISHED; NONE when nothing is to be dispatched. */
  @Column({ name: 'dispatch_state', type: 'varchar', length: 16, default: 'NONE' })
  dispatchState: string;

  @Column({ name: 'dispatch_requested_at', type: 'datetime', precision: 3, nullable: true })
  dispatchRequestedAt: Date | null;

  /** How many times the job was made activatable; the n-th dispatch's BullMQ job id is `<jobKey>` (n = 1) or `<jobKey>-<n>`. */
  @Column({ name: 'dispatch_count', type: 'int', default: 0 })
  dispatchCount: number;

  /** Camunda's job kind: BPMN_ELEMENT (the element's own job), EXECUTION_LISTENER or TASK_LISTENER. */
  @Column({ type: 'varchar', length: 32, default: 'BPMN_ELEMENT' })
  kind: string;

  /** A listener's event (START, END, CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING); UNSPECIFIED for the element's own job. */
  @Column({ name: 'listener_event_type', type: 'varchar', length: 16, default: 'UNSPECIFIED' })
  listenerEventType: string;

  /** A listener's position among its element's listeners and what the element goes on with (ListenerProgress). */
  @Column({ name: 'listener_progress', type: 'json', nullable: true })
  listenerProgress: Record<string, unknown> | null;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;
}
