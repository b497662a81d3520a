import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Process instances, element instances, join tokens, variables, user tasks, jobs, incidents and the audit log. */
export class ProcessInstances1795287117916 implements MigrationInterface {
    name = 'ProcessInstances1795287117916';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`active_business_ids\` (\`tenant_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`process_definition_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`business_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`process_instance_key\` bigint NOT NULL, PRIMARY KEY (\`tenant_id\`, \`process_definition_id\`, \`business_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`element_instances\` (\`element_instance_key\` bigint NOT NULL, \`process_instance_key\` bigint NOT NULL, \`process_definition_key\` bigint NOT NULL, \`process_definition_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`element_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`element_name\` varchar(255) NULL, \`element_type\` varchar(64) NOT NULL, \`flow_scope_key\` bigint NULL, \`state\` varchar(16) NOT NULL, \`lifecycle\` varchar(16) NOT NULL, \`incident_key\` bigint NULL, \`tenant_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`start_date\` datetime(3) NOT NULL, \`end_date\` datetime(3) NULL, INDEX \`idx_element_instances_definition\` (\`process_definition_key\`, \`element_id\`, \`state\`), INDEX \`idx_element_instances_scope\` (\`flow_scope_key\`), INDEX \`idx_element_instances_instance\` (\`process_instance_key\`, \`state\`), PRIMARY KEY (\`element_instance_key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`incidents\` (\`incident_key\` bigint NOT NULL, \`process_instance_key\` bigint NOT NULL, \`process_definition_key\` bigint NOT NULL, \`process_definition_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`element_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`element_instance_key\` bigint NOT NULL, \`job_key\` bigint NULL, \`error_type\` varchar(64) NOT NULL, \`error_message\` text NOT NULL, \`state\` varchar(16) NOT NULL, \`retry\` varchar(16) NOT NULL, \`tenant_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`creation_time\` datetime(3) NOT NULL, \`resolved_at\` datetime(3) NULL, INDEX \`idx_incidents_instance\` (\`process_instance_key\`), INDEX \`idx_incidents_state\` (\`state\`, \`creation_time\`), PRIMARY KEY (\`incident_key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`jobs\` (\`job_key\` bigint NOT NULL, \`type\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`state\` varchar(16) NOT NULL, \`process_instance_key\` bigint NOT NULL, \`element_instance_key\` bigint NOT NULL, \`element_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`process_definition_key\` bigint NOT NULL, \`process_definition_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`process_definition_version\` int NOT NULL, \`retries\` int NOT NULL, \`custom_headers\` json NOT NULL, \`worker\` varchar(255) NULL, \`deadline\` datetime(3) NULL, \`error_message\` text NULL, \`tenant_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`created_at\` datetime(3) NOT NULL, \`ended_at\` datetime(3) NULL, INDEX \`idx_jobs_instance\` (\`process_instance_key\`), INDEX \`idx_jobs_type_state\` (\`type\`, \`state\`), PRIMARY KEY (\`job_key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`join_tokens\` (\`flow_scope_key\` bigint NOT NULL, \`flow_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`process_instance_key\` bigint NOT NULL, \`count\` int NOT NULL, INDEX \`idx_join_tokens_instance\` (\`process_instance_key\`), PRIMARY KEY (\`flow_scope_key\`, \`flow_id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`process_instances\` (\`process_instance_key\` bigint NOT NULL, \`process_definition_key\` bigint NOT NULL, \`process_definition_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`process_definition_version\` int NOT NULL, \`process_definition_name\` varchar(255) NULL, \`version_tag\` varchar(255) NULL, \`tenant_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`state\` varchar(16) NOT NULL, \`business_id\` varchar(255) COLLATE "utf8mb4_bin" NULL, \`incident_count\` int NOT NULL, \`start_date\` datetime(3) NOT NULL, \`end_date\` datetime(3) NULL, \`started_by\` varchar(128) COLLATE "utf8mb4_bin" NOT NULL, \`event_position\` int NOT NULL, INDEX \`idx_process_instances_state\` (\`state\`, \`start_date\`), INDEX \`idx_process_instances_process_id\` (\`process_definition_id\`, \`state\`), INDEX \`idx_process_instances_definition\` (\`process_definition_key\`, \`state\`), PRIMARY KEY (\`process_instance_key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`process_instance_events\` (\`process_instance_key\` bigint NOT NULL, \`position\` int NOT NULL, \`event_type\` varchar(64) NOT NULL, \`element_id\` varchar(255) COLLATE "utf8mb4_bin" NULL, \`element_instance_key\` bigint NULL, \`payload\` json NOT NULL, \`command\` varchar(64) NOT NULL, \`actor\` varchar(255) NOT NULL, \`time\` datetime(3) NOT NULL, PRIMARY KEY (\`process_instance_key\`, \`position\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`user_task_candidates\` (\`user_task_key\` bigint NOT NULL, \`kind\` varchar(8) NOT NULL, \`candidate\` varchar(128) COLLATE "utf8mb4_bin" NOT NULL, INDEX \`idx_user_task_candidates_lookup\` (\`kind\`, \`candidate\`), PRIMARY KEY (\`user_task_key\`, \`kind\`, \`candidate\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`user_tasks\` (\`user_task_key\` bigint NOT NULL, \`element_instance_key\` bigint NOT NULL, \`process_instance_key\` bigint NOT NULL, \`process_definition_key\` bigint NOT NULL, \`process_definition_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`process_definition_version\` int NOT NULL, \`process_name\` varchar(255) NULL, \`element_id\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`name\` varchar(255) NULL, \`state\` varchar(16) NOT NULL, \`assignee\` varchar(128) COLLATE "utf8mb4_bin" NULL, \`candidate_groups\` json NOT NULL, \`candidate_users\` json NOT NULL, \`due_date\` datetime(3) NULL, \`follow_up_date\` datetime(3) NULL, \`priority\` int NOT NULL, \`form_key\` bigint NULL, \`embedded_form_id\` varchar(255) NULL, \`external_form_reference\` varchar(2048) NULL, \`custom_headers\` json NOT NULL, \`tenant_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`creation_date\` datetime(3) NOT NULL, \`completion_date\` datetime(3) NULL, UNIQUE INDEX \`uq_user_tasks_element_instance\` (\`element_instance_key\`), INDEX \`idx_user_tasks_instance\` (\`process_instance_key\`), INDEX \`idx_user_tasks_assignee\` (\`assignee\`, \`state\`), INDEX \`idx_user_tasks_state\` (\`state\`, \`creation_date\`), PRIMARY KEY (\`user_task_key\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`variables\` (\`variable_key\` bigint NOT NULL, \`process_instance_key\` bigint NOT NULL, \`scope_key\` bigint NOT NULL, \`name\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`value\` longtext NOT NULL, \`tenant_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, INDEX \`idx_variables_instance\` (\`process_instance_key\`), UNIQUE INDEX \`uq_variables_scope_name\` (\`scope_key\`, \`name\`), PRIMARY KEY (\`variable_key\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`uq_variables_scope_name\` ON \`variables\``);
        await queryRunner.query(`DROP INDEX \`idx_variables_instance\` ON \`variables\``);
        await queryRunner.query(`DROP TABLE \`variables\``);
        await queryRunner.query(`DROP INDEX \`idx_user_tasks_state\` ON \`user_tasks\``);
        await queryRunner.query(`DROP INDEX \`idx_user_tasks_assignee\` ON \`user_tasks\``);
        await queryRunner.query(`DROP INDEX \`idx_user_tasks_instance\` ON \`user_tasks\``);
        await queryRunner.query(`DROP INDEX \`uq_user_tasks_element_instance\` ON \`user_tasks\``);
        await queryRunner.query(`DROP TABLE \`user_tasks\``);
        await queryRunner.query(`DROP INDEX \`idx_user_task_candidates_lookup\` ON \`user_task_candidates\``);
        await queryRunner.query(`DROP TABLE \`user_task_candidates\``);
        await queryRunner.query(`DROP TABLE \`process_instance_events\``);
        await queryRunner.query(`DROP INDEX \`idx_process_instances_definition\` ON \`process_instances\``);
        await queryRunner.query(`DROP INDEX \`idx_process_instances_process_id\` ON \`process_instances\``);
        await queryRunner.query(`DROP INDEX \`idx_process_instances_state\` ON \`process_instances\``);
        await queryRunner.query(`DROP TABLE \`process_instances\``);
        await queryRunner.query(`DROP INDEX \`idx_join_tokens_instance\` ON \`join_tokens\``);
        await queryRunner.query(`DROP TABLE \`join_tokens\``);
        await queryRunner.query(`DROP INDEX \`idx_jobs_type_state\` ON \`jobs\``);
        await queryRunner.query(`DROP INDEX \`idx_jobs_instance\` ON \`jobs\``);
        await queryRunner.query(`DROP TABLE \`jobs\``);
        await queryRunner.query(`DROP INDEX \`idx_incidents_state\` ON \`incidents\``);
        await queryRunner.query(`DROP INDEX \`idx_incidents_instance\` ON \`incidents\``);
        await queryRunner.query(`DROP TABLE \`incidents\``);
        await queryRunner.query(`DROP INDEX \`idx_element_instances_instance\` ON \`element_instances\``);
        await queryRunner.query(`DROP INDEX \`idx_element_instances_scope\` ON \`element_instances\``);
        await queryRunner.query(`DROP INDEX \`idx_element_instances_definition\` ON \`element_instances\``);
        await queryRunner.query(`DROP TABLE \`element_instances\``);
        await queryRunner.query(`DROP TABLE \`active_business_ids\``);
    }

}
