import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loading an instance locks its open jobs (`... WHERE process_instance_key = ? AND state IN (...)
 * FOR UPDATE`). With an index on the instance key alone, MariaDB preferred `idx_jobs_deadline`
 * (state, deadline) for that query and scanned, and locked, other instances' job rows. The
 * instance index now covers the state too, and the query names it.
 */
export class JobsInstanceStateIndex1796660000000 implements MigrationInterface {
  name = 'JobsInstanceStateIndex1796660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_jobs_instance` ON `jobs`');
    await queryRunner.query('CREATE INDEX `idx_jobs_instance` ON `jobs` (`process_instance_key`, `state`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_jobs_instance` ON `jobs`');
    await queryRunner.query('CREATE INDEX `idx_jobs_instance` ON `jobs` (`process_instance_key`)');
  }
}
