import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Call activities and multi-instance (parent keys, the called child, multi-instance counters,
 * commands between instances) and message start events (their subscriptions).
 */
export class CallsAndMessages1795290000000 implements MigrationInterface {
  name = 'CallsAndMessages1795290000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `process_instances` ADD `parent_process_instance_key` bigint NULL, ADD `parent_element_instance_key` bigint NULL, ADD INDEX `idx_process_instances_parent` (`parent_process_instance_key`)',
    );
    await queryRunner.query('ALTER TABLE `element_instances` ADD `called_process_instance_key` bigint NULL, ADD `multi_instance` json NULL');
    await queryRunner.query(
      'CREATE TABLE `pending_commands` (`command_key` bigint NOT NULL, `process_instance_key` bigint NOT NULL, `payload` json NOT NULL, `origin_command` varchar(64) NOT NULL, `actor` varchar(128) COLLATE "utf8mb4_bin" NOT NULL, `created_at` datetime(3) NOT NULL, `attempts` int NOT NULL DEFAULT 0, `last_error` text NULL, INDEX `idx_pending_commands_created` (`created_at`), PRIMARY KEY (`command_key`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `message_start_subscriptions` (`tenant_id` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, `process_definition_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `element_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `message_name` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `process_definition_key` bigint NOT NULL, INDEX `idx_message_start_subscriptions_name` (`tenant_id`, `message_name`), PRIMARY KEY (`tenant_id`, `process_definition_id`, `element_id`)) ENGINE=InnoDB',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `message_start_subscriptions`');
    await queryRunner.query('DROP TABLE `pending_commands`');
    await queryRunner.query('ALTER TABLE `element_instances` DROP COLUMN `multi_instance`, DROP COLUMN `called_process_instance_key`');
    await queryRunner.query('ALTER TABLE `process_instances` DROP INDEX `idx_process_instances_parent`, DROP COLUMN `parent_element_instance_key`, DROP COLUMN `parent_process_instance_key`');
  }
}
