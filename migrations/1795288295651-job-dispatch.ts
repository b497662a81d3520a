import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Job dispatch: activatable flag, retry backoff, the dispatch outbox columns and their indexes. */
export class JobDispatch1795288295651 implements MigrationInterface {
    name = 'JobDispatch1795288295651';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`jobs\` ADD \`activatable\` tinyint NOT NULL DEFAULT 0`);
        await queryRunner.query(`ALTER TABLE \`jobs\` ADD \`retry_at\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`jobs\` ADD \`activated_at\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`jobs\` ADD \`dispatch_state\` varchar(16) NOT NULL DEFAULT 'NONE'`);
        await queryRunner.query(`ALTER TABLE \`jobs\` ADD \`dispatch_requested_at\` datetime(3) NULL`);
        await queryRunner.query(`ALTER TABLE \`jobs\` ADD \`dispatch_count\` int NOT NULL DEFAULT 0`);
        await queryRunner.query(`CREATE INDEX \`idx_jobs_deadline\` ON \`jobs\` (\`state\`, \`deadline\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_jobs_dispatch\` ON \`jobs\` (\`dispatch_state\`, \`dispatch_requested_at\`)`);
        await queryRunner.query(`CREATE INDEX \`idx_jobs_activatable\` ON \`jobs\` (\`type\`, \`activatable\`, \`retry_at\`)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`idx_jobs_activatable\` ON \`jobs\``);
        await queryRunner.query(`DROP INDEX \`idx_jobs_dispatch\` ON \`jobs\``);
        await queryRunner.query(`DROP INDEX \`idx_jobs_deadline\` ON \`jobs\``);
        await queryRunner.query(`ALTER TABLE \`jobs\` DROP COLUMN \`dispatch_count\``);
        await queryRunner.query(`ALTER TABLE \`jobs\` DROP COLUMN \`dispatch_requested_at\``);
        await queryRunner.query(`ALTER TABLE \`jobs\` DROP COLUMN \`dispatch_state\``);
        await queryRunner.query(`ALTER TABLE \`jobs\` DROP COLUMN \`activated_at\``);
        await queryRunner.query(`ALTER TABLE \`jobs\` DROP COLUMN \`retry_at\``);
        await queryRunner.query(`ALTER TABLE \`jobs\` DROP COLUMN \`activatable\``);
    }

}
