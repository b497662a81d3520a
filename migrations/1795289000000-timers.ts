import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Timers of timer catch events and boundary events. */
export class Timers1795289000000 implements MigrationInterface {
  name = 'Timers1795289000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `timers` (`timer_key` bigint NOT NULL, `process_instance_key` bigint NOT NULL, `element_instance_key` bigint NOT NULL, `element_id` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, `due_date` datetime(3) NOT NULL, `state` varchar(16) NOT NULL, `tenant_id` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, `created_at` datetime(3) NOT NULL, `ended_at` datetime(3) NULL, INDEX `idx_timers_instance` (`process_instance_key`), INDEX `idx_timers_due` (`state`, `due_date`), PRIMARY KEY (`timer_key`)) ENGINE=InnoDB',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `timers`');
  }
}
