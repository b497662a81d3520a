import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A role: one of the four built-in ones (their permissions are the table in
 * apps/engine/src/auth/permissions.ts) or a custom one, whose `permissions` list Baton
 * permissions (a Baton extension of Camunda's roles).
 */
@Entity({ name: 'identity_roles' })
export class RoleEntity {
  @PrimaryColumn({ name: 'role_id', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  roleId: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  description: string | null;

  @Column({ name: 'built_in', type: 'boolean', default: false })
  builtIn: boolean;

  @Column({ type: 'json' })
  permissions: string[];
}
