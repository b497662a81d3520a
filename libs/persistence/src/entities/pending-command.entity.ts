import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A command one process instance sends another (a call activity starting or cancelling its child,
 * a child reporting its completion or an uncaught error to its parent, a message correlated to
 * a waiting instance, a signal broadcast and its deliveries): written in the sender's
 * transaction, run in a transaction of its own on the receiver right after the commit, and
 * deleted in that same transaction — the outbox between instances. A sweeper runs any that a
 * crash left behind.
 */
@Entity({ name: 'pending_commands' })
@Index('idx_pending_commands_created', ['createdAt'])
export class PendingCommandEntity {
  @PrimaryColumn({ name: 'command_key', type: 'bigint' })
  commandKey: string;

  /** The instance the command is for (for a child to create: its key to be). */
  @Column({ name: 'process_instance_key', type: 'bigint' })
  processInstanceKey: string;

  /** The command, as the executor's `InstanceMessage` JSON. */
  @Column({ type: 'json' })
  payload: Record<string, unknown>;

  /** The command that caused it and who sent that, for the receiver's audit log. */
  @Column({ name: 'origin_command', type: 'varchar', length: 64 })
  originCommand: string;

  @Column({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  actor: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** How often running it failed unexpectedly (the sweeper backs off and eventually logs it loudly). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /**
   * How far a signal broadcast has got (it wakes its subscribers in batches, one transaction
   * each): `{ startsDone, after }` — signal start events started, and the last process instance
   * key given a TRIGGER_SIGNAL. Null for every other command.
   */
  @Column({ type: 'json', nullable: true })
  progress: Record<string, unknown> | null;
}
