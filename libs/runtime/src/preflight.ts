import mysql from 'mysql2/promise';
import { Redis } from 'ioredis';
import type { BatonConfig } from './baton-config.js';

/** MySQL or Redis can't be reached at start: says which, where, and how to start it. */
export class DependencyUnreachableError extends Error {
  constructor(
    readonly dependency: 'MySQL' | 'Redis',
    readonly address: string,
    cause: string,
    hint: string,
  ) {
    super(`Cannot reach ${dependency} at ${address}: ${cause}.\n${hint}`);
    this.name = 'DependencyUnreachableError';
  }
}

const MYSQL_HINT = [
  'Start MariaDB/MySQL, e.g. on Debian:',
  '  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld; start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql',
  'or with Docker: docker compose up -d mysql',
  'Point Baton at another server with DB_HOST, DB_PORT, DB_USER and DB_PASSWORD.',
].join('\n');

const REDIS_HINT = [
  'Start Redis, e.g.:',
  '  redis-server --daemonize yes --bind 127.0.0.1 --port 6379',
  'or with Docker: docker compose up -d redis',
  'Point Baton at another server with REDIS_URL.',
].join('\n');

/** Connects to the MySQL server (not the database, which may not exist yet) and disconnects. */
export async function checkMysqlReachable(db: BatonConfig['db'], timeoutMs = 5000): Promise<void> {
  const address = `${db.host}:${db.port} (user '${db.user}')`;
  try {
    const connection = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, connectTimeout: timeoutMs });
    await connection.query('SELECT 1');
    await connection.end();
  } catch (error) {
    const err = error as { code?: string; message?: string };
    const cause = err.code === 'ER_ACCESS_DENIED_ERROR' ? `access denied for user '${db.user}' (check DB_USER/DB_PASSWORD)` : (err.code ?? err.message ?? String(error));
    throw new DependencyUnreachableError('MySQL', address, cause, MYSQL_HINT);
  }
}

/** Connects to Redis, sends PING and disconnects, without retrying for long. */
export async function checkRedisReachable(url: string, timeoutMs = 5000): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => {
    // Reported through the rejected connect below.
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const err = error as { code?: string; message?: string };
    throw new DependencyUnreachableError('Redis', redactUrl(url), err.code ?? err.message ?? String(error), REDIS_HINT);
  } finally {
    redis.disconnect();
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
