import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A published message buffered for its time to live (`POST /v2/messages/publication` with
 * `timeToLive` > 0): a message subscription that opens before `expires_at` (engine clock) gets
 * it, once per process. `dedupe_hash` makes a `messageId` unique among the live buffered
 * messages with the same tenant, name and correlation key (a hash, so the unique index stays
 * small whatever the lengths). Expired rows are removed by a sweeper.
 */
@Entity({ name: 'messages' })
@Index('idx_messages_lookup', ['tenantId', 'name', 'correlationKey', 'expiresAt'])
@Index('idx_messages_expiry', ['expiresAt'])
@Index('uq_messages_dedupe', ['dedupeHash'], { unique: true })
export class MessageEntity {
  @PrimaryColumn({ name: 'message_key', type: 'bigint' })
  messageKey: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  tenantId: string;

  @Column({ type: 'varchar', length: 256, collation: 'utf8mb4_bin' })
  name: string;

  /** '' when the message has none. */
  @Column({ name: 'correlation_key', type: 'varchar', length: 256, collation: 'utf8mb4_bin' })
  correlationKey: string;

  @Column({ name: 'message_id', type: 'varchar', length: 256, collation: 'utf8mb4_bin', nullable: true })
  messageId: string | null;

  /** SHA-256 (hex) of tenant, name, correlation key and message id; null without a message id. */
  @Column({ name: 'dedupe_hash', type: 'char', length: 64, nullable: true })
  dedupeHash: string | null;

  @Column({ type: 'json' })
  variables: Record<string, unknown>;

  /** Who published it: the actor of the correlations it causes later. */
  @Column({ name: 'published_by', type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  publishedBy: string;

  @Column({ name: 'published_at', type: 'datetime', precision: 3 })
  publishedAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;
}
