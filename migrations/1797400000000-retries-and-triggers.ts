import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, slice D:
 * - `jobs.failure_count`: how many times workers failed the job, for the retry backoff a model
 *   declares in its task headers (`retryBackoff` * `retryBackoffMultiplier`^(failures - 1)).
 * - `incidents.trigger_variables`: the variables of the event that activated an element whose
 *   activation failed (a caught error's variables), so resolving the incident activates it
 *   again with them.
 */
export class RetriesAndTriggers1797400000000 implements MigrationInterface {
  name = 'RetriesAndTriggers1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `jobs` ADD `failure_count` int NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE `incidents` ADD `trigger_variables` json NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `incidents` DROP COLUMN `trigger_variables`');
    await queryRunner.query('ALTER TABLE `jobs` DROP COLUMN `failure_count`');
  }
}
