import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity.js';

/**
 * An OAuth client of Baton's own token endpoint (`POST /oauth/token`, client-credentials grant):
 * a client id and secret an admin created for a system. Tokens it obtains act as its user, with
 * that user's roles and groups at each request. Only the SHA-256 of the secret is stored.
 */
@Entity({ name: 'api_clients' })
@Index('idx_api_clients_user', ['username'])
export class ApiClientEntity {
  @PrimaryColumn({ name: 'client_key', type: 'bigint' })
  clientKey: string;

  @Index('uq_api_clients_client_id', { unique: true })
  @Column({ name: 'client_id', type: 'varchar', length: 128, collation: 'ascii_bin' })
  clientId: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  username: string;

  @Column({ name: 'secret_hash', type: 'char', length: 64, collation: 'ascii_bin' })
  secretHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  createdBy: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'username', foreignKeyConstraintName: 'fk_api_clients_user' })
  user?: UserEntity;
}
