import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person or system account that signs in. Passwords are argon2id hashes. */
@Entity({ name: 'identity_users' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 128, collation: 'utf8mb4_bin' })
  username: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  /** When an admin disabled the user (null: enabled). A disabled user cannot sign in; their tokens stop working. */
  @Column({ name: 'disabled_at', type: 'datetime', precision: 3, nullable: true })
  disabledAt: Date | null;
}
