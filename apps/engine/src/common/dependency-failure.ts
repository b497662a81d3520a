import { ServiceUnavailableError } from './errors/index.js';

/** How long a client is asked to wait (`Retry-After`) when MySQL or Redis cannot be reached. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/**
 * mysql2 error codes that mean "no usable connection to the server" (network, server shutting
 * down or full), as opposed to an error in a statement. `POOL_ACQUIRE_TIMEOUT` is the code of the
 * persistence library's acquire timeout: every pooled connection stayed busy.
 */
const MYSQL_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'POOL_ACQUIRE_TIMEOUT',
]);

/** mysql2's pool and connection say these without a code. */
const MYSQL_CONNECTION_MESSAGES = ['Pool is closed.', 'No connections available.', 'Queue limit reached.', "Can't add new command when connection is in closed state"];

/** ioredis gives up on a command with these when the server cannot be reached. */
const REDIS_ERROR_NAMES = new Set(['MaxRetriesPerRequestError']);
const REDIS_CONNECTION_MESSAGES = ['Connection is closed.', "Stream isn't writeable and enableOfflineQueue options is false"];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  fatal?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/**
 * The 503 to answer when `error` says that MySQL or Redis cannot be reached (the server is down,
 * the connection was lost, the pool is closed or stayed busy), or undefined for any other error.
 * TypeORM wraps driver errors (`driverError`), others chain them (`cause`): both are followed.
 */
export function asDependencyFailure(error: unknown): ServiceUnavailableError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const candidate = current as ErrorLike;
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if ((typeof candidate.name === 'string' && REDIS_ERROR_NAMES.has(candidate.name)) || REDIS_CONNECTION_MESSAGES.includes(message)) {
      return redisUnavailable();
    }
    if ((typeof candidate.code === 'string' && MYSQL_CONNECTION_CODES.has(candidate.code)) || MYSQL_CONNECTION_MESSAGES.includes(message)) {
      return databaseUnavailable();
    }
    current = candidate.driverError ?? candidate.cause;
  }
  return undefined;
}

/** MySQL/MariaDB cannot be reached (503). */
export function databaseUnavailable(): ServiceUnavailableError {
  return new ServiceUnavailableError(
    'DATABASE.UNAVAILABLE',
    `Expected the database to answer but it cannot be reached at the moment; try again in ${DEPENDENCY_RETRY_AFTER_SECONDS} s`,
    DEPENDENCY_RETRY_AFTER_SECONDS,
  );
}

/** Redis cannot be reached (503). */
export function redisUnavailable(): ServiceUnavailableError {
  return new ServiceUnavailableError(
    'REDIS.UNAVAILABLE',
    `Expected Redis to answer but it cannot be reached at the moment; try again in ${DEPENDENCY_RETRY_AFTER_SECONDS} s`,
    DEPENDENCY_RETRY_AFTER_SECONDS,
  );
}
