import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Compensation (issue 11): the completed activity instances that can be compensated, and what became of them. */
export class Compensation1797100000000 implements MigrationInterface {
  name = 'Compensation1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `compensation_subscriptions` (`compensation_key` bigint NOT NULL, `process_instance_key` bigint NOT NULL, `element_instance_key` bigint NOT NULL, `element_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `flow_scope_key` bigint NOT NULL, `kind` varchar(16) NOT NULL, `handler_element_id` varchar(255) COLLATE "utf8mb4_bin" NULL, `variables` longtext NOT NULL, `state` varchar(16) NOT NULL, `throw_element_instance_key` bigint NULL, `handler_element_instance_key` bigint NULL, `ordinal` int NULL, `tenant_id` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, INDEX `idx_compensation_subscriptions_instance` (`process_instance_key`, `state`), PRIMARY KEY (`compensation_key`)) ENGINE=InnoDB',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `compensation_subscriptions`');
  }
}
