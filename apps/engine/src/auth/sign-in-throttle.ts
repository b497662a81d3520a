import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { redisUnavailable } from '../common/dependency-failure.js';
import { TooManyRequestsError } from '../common/errors/index.js';
import { REDIS } from '../infrastructure/infrastructure.module.js';

/**
 * Checks whether the user and the address may try a password now, and if so counts the attempt
 * on both, in one step so that concurrent attempts (and other engine replicas) see each other.
 * KEYS: the user's and the address's counter (hashes `count`, `until`).
 * ARGV: the free attempts of each, the first and the longest wait, the window (ms).
 * Returns 0 when the attempt may go ahead, else the milliseconds to wait.
 */
const RESERVE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local wait = 0
for i = 1, 2 do
  local locked = tonumber(redis.call('HGET', KEYS[i], 'until') or '0') - now
  if locked > wait then wait = locked end
end
if wait > 0 then return wait end
for i = 1, 2 do
  local free = tonumber(ARGV[i])
  local count = redis.call('HINCRBY', KEYS[i], 'count', 1)
  if count > free then
    local delay = math.floor(math.min(tonumber(ARGV[3]) * 2 ^ (count - free - 1), tonumber(ARGV[4])))
    redis.call('HSET', KEYS[i], 'until', now + delay)
  end
  redis.call('PEXPIRE', KEYS[i], ARGV[5])
end
return 0
`;

/**
 * Takes back one counted attempt from each key (the attempt was not a wrong password), or with
 * ARGV[i] = 'reset' forgets the key altogether (the user's right password).
 */
const RELEASE_SCRIPT = `
for i, key in ipairs(KEYS) do
  if ARGV[i] == 'reset' then
    redis.call('DEL', key)
  elseif tonumber(redis.call('HGET', key, 'count') or '0') > 0 then
    redis.call('HINCRBY', key, 'count', -1)
  end
end
return 0
`;

/** Longest wait for Redis before the attempt is answered 503 (a hung Redis must not hang sign-in). */
const REDIS_TIMEOUT_MS = 2000;

/**
 * Throttles password checks (portal sign-in and HTTP Basic) per user name and per client
 * address, with counters in Redis so that every engine replica sees the same ones.
 *
 * Every attempt counts when it starts (so a burst of concurrent guesses cannot slip past
 * before the first one fails); a right password takes it back. Within a window that restarts
 * with every attempt, a user name has `userFailures` free attempts and an address
 * `addressFailures`; after that each further attempt must wait for the one before it: first
 * `lockoutSeconds`, doubling up to `maxLockoutSeconds`. Attempts during a wait are refused with
 * 429 and `Retry-After`, without checking the password, and are not counted. A right password
 * resets the user's counter (not the address's: an attacker's own valid account must not
 * clear the address's record of its guesses against others).
 *
 * The wait is bounded, so someone who knows a user name can delay that user's sign-in by at
 * most `maxLockoutSeconds` at a time, never lock the account; systems that must never wait
 * use API tokens, which are not throttled (they cannot be guessed).
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger(SignInThrottle.name);
  private readonly settings: BatonConfig['security']['signIn'];
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(BATON_CONFIG) config: BatonConfig,
  ) {
    this.settings = config.security.signIn;
    this.prefix = `${config.redis.bullPrefix}:signin`;
  }

  /**
   * Counts an attempt to check the password of `username` from `address`, or refuses it with
   * TooManyRequestsError (429) while either has to wait, or ServiceUnavailableError (503) when
   * Redis cannot be reached: without its counters, passwords are not checked at all.
   */
  async reserve(username: string, address: string): Promise<void> {
    const { userFailures, addressFailures, lockoutSeconds, maxLockoutSeconds, windowSeconds } = this.settings;
    const waitMs = Number(
      await this.call(() =>
        this.redis.eval(RESERVE_SCRIPT, 2, this.userKey(username), this.addressKey(address), userFailures, addressFailures, lockoutSeconds * 1000, maxLockoutSeconds * 1000, Math.max(windowSeconds, maxLockoutSeconds) * 1000),
      ),
    );
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new TooManyRequestsError('AUTH.TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts for this user or from this address; try again in ${seconds} s`, seconds);
    }
  }

  /** The password was right: the user's failures are forgotten, and the attempt no longer counts for the address. */
  async succeeded(username: string, address: string): Promise<void> {
    await this.release(username, address, 'reset');
  }

  /** The check could not be made (the database failed): the attempt no longer counts. */
  async abandoned(username: string, address: string): Promise<void> {
    await this.release(username, address, 'take-back');
  }

  private async release(username: string, address: string, user: 'reset' | 'take-back'): Promise<void> {
    try {
      await this.call(() => this.redis.eval(RELEASE_SCRIPT, 2, this.userKey(username), this.addressKey(address), user, 'take-back'));
    } catch (error) {
      // The outcome of the check stands; the counters are only a little too high until they expire.
      this.logger.warn({ err: error }, 'Could not update the sign-in counters');
    }
  }

  /** User names are hashed: the key stays short whatever was sent, and Redis holds no names. */
  private userKey(username: string): string {
    return `${this.prefix}:user:${createHash('sha256').update(username).digest('hex').slice(0, 32)}`;
  }

  private addressKey(address: string): string {
    return `${this.prefix}:address:${address}`;
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        command(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      this.logger.warn({ err: error }, 'Sign-in throttling cannot reach Redis');
      throw redisUnavailable();
    } finally {
      clearTimeout(timer);
    }
  }
}
