import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity.js';

/**
 * `session`: a portal sign-in; `api`: a long-lived token an admin created for a system;
 * `client`: an access token `POST /oauth/token` issued to an API client.
 */
export type AccessTokenKind = 'session' | 'api' | 'client';

/**
 * A bearer token. Only the SHA-256 of the secret is stored; the secret is shown once, at creation.
 * A token acts as its user, with that user's roles and groups at the time of each request.
 */
@Entity({ name: 'access_tokens' })
@Index('idx_access_tokens_user', ['username', 'kind'])
export class AccessTokenEntity {
  @PrimaryColumn({ name: 'token_key', type: 'bigint' })
  tokenKey: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AccessTokenKind;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  username: string;

  @Index('uq_access_tokens_secret', { unique: true })
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

  /** The API client a `client` token was issued to (revoking the client revokes its tokens). */
  @Index('idx_access_tokens_client')
  @Column({ name: 'client_key', type: 'bigint', nullable: true })
  clientKey: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'username', foreignKeyConstraintName: 'fk_access_tokens_user' })
  user?: UserEntity;
}
