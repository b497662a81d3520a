import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Identity (users, groups, roles, tokens), key nodes, deployments, process definitions and forms. */
export class Foundation1779400000000 implements MigrationInterface {
  name = 'Foundation1779400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE identity_users (
      username VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      name VARCHAR(255) NOT NULL,
      email VARCHAR(255) NULL,
      password_hash VARCHAR(255) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (username)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE identity_groups (
      group_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      name VARCHAR(255) NOT NULL,
      PRIMARY KEY (group_id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE identity_group_members (
      group_id VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      username VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      PRIMARY KEY (group_id, username),
      KEY idx_group_members_username (username),
      CONSTRAINT fk_group_members_group FOREIGN KEY (group_id) REFERENCES identity_groups (group_id) ON DELETE CASCADE ON UPDATE CASCADE,
      CONSTRAINT fk_group_members_user FOREIGN KEY (username) REFERENCES identity_users (username) ON DELETE CASCADE ON UPDATE CASCADE
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE identity_user_roles (
      username VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      role_id VARCHAR(32) NOT NULL,
      PRIMARY KEY (username, role_id),
      CONSTRAINT fk_user_roles_user FOREIGN KEY (username) REFERENCES identity_users (username) ON DELETE CASCADE ON UPDATE CASCADE
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE access_tokens (
      token_key BIGINT NOT NULL,
      kind VARCHAR(16) NOT NULL,
      name VARCHAR(255) NOT NULL,
      username VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      secret_hash CHAR(64) COLLATE ascii_bin NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      created_by VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      expires_at DATETIME(3) NULL,
      last_used_at DATETIME(3) NULL,
      revoked_at DATETIME(3) NULL,
      PRIMARY KEY (token_key),
      UNIQUE KEY uq_access_tokens_secret (secret_hash),
      KEY idx_access_tokens_user (username, kind),
      CONSTRAINT fk_access_tokens_user FOREIGN KEY (username) REFERENCES identity_users (username) ON DELETE CASCADE ON UPDATE CASCADE
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE engine_nodes (
      id BIGINT NOT NULL AUTO_INCREMENT,
      started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE deployments (
      deployment_key BIGINT NOT NULL,
      tenant_id VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
      created_at DATETIME(3) NOT NULL,
      created_by VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      PRIMARY KEY (deployment_key)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE process_definitions (
      process_definition_key BIGINT NOT NULL,
      process_definition_id VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
      version INT NOT NULL,
      version_tag VARCHAR(255) NULL,
      name VARCHAR(255) NULL,
      resource_name VARCHAR(255) NOT NULL,
      resource_hash CHAR(64) COLLATE ascii_bin NOT NULL,
      deployment_key BIGINT NOT NULL,
      tenant_id VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
      has_start_form TINYINT(1) NOT NULL,
      bpmn_xml LONGTEXT NOT NULL,
      executable_model LONGTEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (process_definition_key),
      UNIQUE KEY uq_process_definitions_version (tenant_id, process_definition_id, version),
      KEY idx_process_definitions_deployment (deployment_key)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE forms (
      form_key BIGINT NOT NULL,
      form_id VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
      version INT NOT NULL,
      resource_name VARCHAR(255) NOT NULL,
      resource_hash CHAR(64) COLLATE ascii_bin NOT NULL,
      deployment_key BIGINT NOT NULL,
      tenant_id VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
      \`schema\` LONGTEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (form_key),
      UNIQUE KEY uq_forms_version (tenant_id, form_id, version),
      KEY idx_forms_deployment (deployment_key)
    ) ${TABLE_OPTIONS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'forms',
      'process_definitions',
      'deployments',
      'engine_nodes',
      'access_tokens',
      'identity_user_roles',
      'identity_group_members',
      'identity_groups',
      'identity_users',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
