import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A variable in a scope (process instance or element instance); the value is JSON text. */
@Entity({ name: 'variables' })
@Index('uq_variables_scope_name', ['scopeKey', 'name'], { unique: true })
@Index('idx_variables_instance', ['processInstanceKey'])
export class VariableEntity {
  @PrimaryColumn({ name: 'variable_key', type: 'bigint' })
  variableKey: string;

  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  @Column({ name: 'scope_key', type: 'bigint' })
  scopeKey: string;

  @Column({ type: 'varchar', length: 255, collation: 'utf8mb4_bin' })
  name: string;

  /** JSON text of the value. */
  @Column({ type: 'longtext' })
  value: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;
}
