import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events (issue 10): the instances' message, signal and condition subscriptions, the message
 * buffer and which instances each message reached, signal start events, timer start events,
 * timer cycles, and the progress of a signal broadcast in the outbox between instances.
 */
export class Events1797000000000 implements MigrationInterface {
  name = 'Events1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `event_subscriptions` (`subscription_key` bigint NOT NULL, `kind` varchar(16) NOT NULL, `process_instance_key` bigint NOT NULL, `process_definition_key` bigint NOT NULL, `process_definition_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `element_instance_key` bigint NOT NULL, `element_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `name` varchar(256) COLLATE "utf8mb4_bin" NOT NULL, `correlation_key` varchar(256) COLLATE "utf8mb4_bin" NULL, `interrupting` tinyint NOT NULL, `condition_met` tinyint NULL, `state` varchar(16) NOT NULL, `tenant_id` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, INDEX `idx_event_subscriptions_instance` (`process_instance_key`, `state`), INDEX `idx_event_subscriptions_lookup` (`tenant_id`, `kind`, `name`, `correlation_key`, `state`, `process_instance_key`), PRIMARY KEY (`subscription_key`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `messages` (`message_key` bigint NOT NULL, `tenant_id` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, `name` varchar(256) COLLATE "utf8mb4_bin" NOT NULL, `correlation_key` varchar(256) COLLATE "utf8mb4_bin" NOT NULL, `message_id` varchar(256) COLLATE "utf8mb4_bin" NULL, `dedupe_hash` char(64) NULL, `variables` json NOT NULL, `published_by` varchar(128) COLLATE "utf8mb4_bin" NOT NULL, `published_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_messages_dedupe` (`dedupe_hash`), INDEX `idx_messages_expiry` (`expires_at`), INDEX `idx_messages_lookup` (`tenant_id`, `name`, `correlation_key`, `expires_at`), PRIMARY KEY (`message_key`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `message_correlations` (`message_key` bigint NOT NULL, `process_instance_key` bigint NOT NULL, `process_definition_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `element_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `correlated_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, INDEX `idx_message_correlations_expiry` (`expires_at`), INDEX `idx_message_correlations_process` (`message_key`, `process_definition_id`), PRIMARY KEY (`message_key`, `process_instance_key`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `signal_start_subscriptions` (`tenant_id` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, `process_definition_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `element_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `signal_name` varchar(256) COLLATE "utf8mb4_bin" NOT NULL, `process_definition_key` bigint NOT NULL, INDEX `idx_signal_start_subscriptions_name` (`tenant_id`, `signal_name`), PRIMARY KEY (`tenant_id`, `process_definition_id`, `element_id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `start_timers` (`timer_key` bigint NOT NULL, `tenant_id` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, `process_definition_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `process_definition_key` bigint NOT NULL, `element_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `due_date` datetime(3) NOT NULL, `cycle_expression` varchar(1024) NULL, `cycle_remaining` int NULL, `created_at` datetime(3) NOT NULL, INDEX `idx_start_timers_process` (`tenant_id`, `process_definition_id`), INDEX `idx_start_timers_due` (`due_date`), PRIMARY KEY (`timer_key`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `timers` ADD `cycle_expression` varchar(1024) NULL, ADD `cycle_remaining` int NULL');
    await queryRunner.query('ALTER TABLE `pending_commands` ADD `progress` json NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `pending_commands` DROP COLUMN `progress`');
    await queryRunner.query('ALTER TABLE `timers` DROP COLUMN `cycle_remaining`, DROP COLUMN `cycle_expression`');
    await queryRunner.query('DROP TABLE `start_timers`');
    await queryRunner.query('DROP TABLE `signal_start_subscriptions`');
    await queryRunner.query('DROP TABLE `message_correlations`');
    await queryRunner.query('DROP TABLE `messages`');
    await queryRunner.query('DROP TABLE `event_subscriptions`');
  }
}
