import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Duration metrics read the element instances of a definition that ended in a period. */
export class ElementDurationsIndex1795291000000 implements MigrationInterface {
  name = 'ElementDurationsIndex1795291000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `idx_element_instances_ended` ON `element_instances` (`process_definition_key`, `end_date`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_element_instances_ended` ON `element_instances`');
  }
}
