import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Listeners (docs/listeners.md). A job says which kind it is (Camunda's BPMN_ELEMENT,
 * EXECUTION_LISTENER or TASK_LISTENER), at which event a listener's job runs, and where it stands
 * among its element's listeners (`listener_progress`: its position, and what the element was
 * activated with). A user task waiting for its listeners keeps the transition under way
 * (`listener_transition`: what was asked, who asked, the corrections so far), so both survive a
 * restart of the engine; `listener_denial` keeps the last denied transition and its reason for the
 * request that waits for it.
 */
export class Listeners1797200000000 implements MigrationInterface {
  name = 'Listeners1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `jobs` ADD `kind` varchar(32) NOT NULL DEFAULT 'BPMN_ELEMENT'");
    await queryRunner.query("ALTER TABLE `jobs` ADD `listener_event_type` varchar(16) NOT NULL DEFAULT 'UNSPECIFIED'");
    await queryRunner.query('ALTER TABLE `jobs` ADD `listener_progress` json NULL');
    await queryRunner.query('ALTER TABLE `user_tasks` ADD `listener_transition` json NULL');
    await queryRunner.query('ALTER TABLE `user_tasks` ADD `listener_denial` json NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `user_tasks` DROP COLUMN `listener_denial`');
    await queryRunner.query('ALTER TABLE `user_tasks` DROP COLUMN `listener_transition`');
    await queryRunner.query('ALTER TABLE `jobs` DROP COLUMN `listener_progress`');
    await queryRunner.query('ALTER TABLE `jobs` DROP COLUMN `listener_event_type`');
    await queryRunner.query('ALTER TABLE `jobs` DROP COLUMN `kind`');
  }
}
