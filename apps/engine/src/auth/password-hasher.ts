import { randomBytes } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended parameters (19 MiB, 2 iterations, 1 lane). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes and verifies passwords; hashes are PHC strings that carry their own parameters. */
export class PasswordHasher {
  /**
   * A hash of a random password, made with the same parameters as users' hashes, that a
   * password for an unknown user is checked against: then "no such user" costs exactly what
   * "wrong password" costs, and the answer time does not tell which user names exist.
   */
  private readonly unknownUserHash = hash(randomBytes(24).toString('base64'), OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends what {@link verify} spends, for a user that does not exist; always false. */
  async verifyUnknownUser(password: string): Promise<false> {
    await this.verify(await this.unknownUserHash, password);
    return false;
  }
}
