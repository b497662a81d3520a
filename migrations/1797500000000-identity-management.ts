import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Users, groups and roles managed over `/v2/users`, `/v2/groups`, `/v2/roles` (issue 12): users
 * can be disabled, groups have a description, roles are rows (the four built-in ones and custom
 * ones with Baton permissions), and roles can be given to groups.
 */
export class IdentityManagement1797500000000 implements MigrationInterface {
  name = 'IdentityManagement1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE identity_users ADD disabled_at DATETIME(3) NULL`);
    await queryRunner.query(`ALTER TABLE identity_groups ADD description VARCHAR(1024) NULL`);
    await queryRunner.query(`CREATE TABLE identity_roles (
      role_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      name VARCHAR(255) NOT NULL,
      description VARCHAR(1024) NULL,
      built_in TINYINT(1) NOT NULL DEFAULT 0,
      permissions JSON NOT NULL,
      PRIMARY KEY (role_id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(
      `INSERT INTO identity_roles (role_id, name, description, built_in, permissions) VALUES
        ('admin', 'Admin', 'Everything: users, groups, roles, API tokens, operations, deployments, jobs.', 1, '[]'),
        ('analyst', 'Analyst', 'Models and deploys processes and forms; watches instances.', 1, '[]'),
        ('employee', 'Employee', 'Works on user tasks and starts processes.', 1, '[]'),
        ('worker', 'Worker', 'A system account that runs service-task jobs and publishes messages.', 1, '[]')`,
    );
    // Role assignments of users now name any role (built-in or custom), by its case-sensitive id.
    await queryRunner.query(`DELETE FROM identity_user_roles WHERE role_id NOT IN ('admin', 'analyst', 'employee', 'worker')`);
    await queryRunner.query(`ALTER TABLE identity_user_roles MODIFY role_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL`);
    await queryRunner.query(`ALTER TABLE identity_user_roles ADD KEY idx_user_roles_role (role_id)`);
    await queryRunner.query(
      `ALTER TABLE identity_user_roles ADD CONSTRAINT fk_user_roles_role FOREIGN KEY (role_id) REFERENCES identity_roles (role_id) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(`CREATE TABLE identity_group_roles (
      group_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      role_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      PRIMARY KEY (group_id, role_id),
      KEY idx_group_roles_role (role_id),
      CONSTRAINT fk_group_roles_group FOREIGN KEY (group_id) REFERENCES identity_groups (group_id) ON DELETE CASCADE ON UPDATE CASCADE,
      CONSTRAINT fk_group_roles_role FOREIGN KEY (role_id) REFERENCES identity_roles (role_id) ON DELETE CASCADE ON UPDATE CASCADE
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity_group_roles`);
    await queryRunner.query(`ALTER TABLE identity_user_roles DROP FOREIGN KEY fk_user_roles_role`);
    await queryRunner.query(`ALTER TABLE identity_user_roles DROP KEY idx_user_roles_role`);
    await queryRunner.query(`DELETE FROM identity_user_roles WHERE role_id NOT IN ('admin', 'analyst', 'employee', 'worker')`);
    await queryRunner.query(`ALTER TABLE identity_user_roles MODIFY role_id VARCHAR(32) NOT NULL`);
    await queryRunner.query(`DROP TABLE identity_roles`);
    await queryRunner.query(`ALTER TABLE identity_groups DROP COLUMN description`);
    await queryRunner.query(`ALTER TABLE identity_users DROP COLUMN disabled_at`);
  }
}
