import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Issue 12, external sign-in and API clients:
 * - `api_clients`: OAuth clients of Baton's token endpoint (`POST /oauth/token`, client credentials),
 *   created by admins; only the SHA-256 of each secret is stored.
 * - `access_tokens.client_key`: the client an issued access token (kind `client`) belongs to, so
 *   that revoking the client revokes its tokens.
 */
export class ApiClients1797600000000 implements MigrationInterface {
  name = 'ApiClients1797600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE api_clients (
      client_key BIGINT NOT NULL,
      client_id VARCHAR(128) COLLATE ascii_bin NOT NULL,
      name VARCHAR(255) NOT NULL,
      username VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      secret_hash CHAR(64) COLLATE ascii_bin NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      created_by VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
      expires_at DATETIME(3) NULL,
      last_used_at DATETIME(3) NULL,
      revoked_at DATETIME(3) NULL,
      PRIMARY KEY (client_key),
      UNIQUE KEY uq_api_clients_client_id (client_id),
      KEY idx_api_clients_user (username),
      CONSTRAINT fk_api_clients_user FOREIGN KEY (username) REFERENCES identity_users (username) ON DELETE CASCADE ON UPDATE CASCADE
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query('ALTER TABLE access_tokens ADD client_key BIGINT NULL, ADD KEY idx_access_tokens_client (client_key)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE access_tokens DROP KEY idx_access_tokens_client, DROP COLUMN client_key');
    await queryRunner.query('DROP TABLE api_clients');
  }
}
