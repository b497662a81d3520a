import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { pino } from 'pino';
import { loadConfig, type BatonConfig } from '#runtime';
import { startEngine, type RunningEngine } from '../../apps/engine/src/engine-app.js';

/** An engine on a free port with its own fresh database and BullMQ prefix, for one test file. */
export interface TestEngine extends RunningEngine {
  config: BatonConfig;
  /** fetch against the engine, as `user` (Basic auth with password = username, as seeded), or anonymous. */
  request(path: string, init?: RequestInit & { user?: string | null; json?: unknown }): Promise<Response>;
  /** Stops the engine and drops its database. */
  stop(): Promise<void>;
}

/**
 * Starts an engine for tests. The database is `baton_test_<random>`, dropped by stop().
 * `env` is read like the process environment (e.g. `{ BATON_SIGNIN_USER_FAILURES: '3' }`),
 * `overrides` replace parts of the configuration read from it.
 */
export async function startTestEngine(overrides: Omit<Partial<BatonConfig>, 'auth'> & { auth?: Partial<BatonConfig['auth']> } = {}, env: Record<string, string> = {}): Promise<TestEngine> {
  const suffix = randomBytes(4).toString('hex');
  const base = loadConfig({ ...process.env, ...env, PORT: '0' });
  const config: BatonConfig = {
    ...base,
    processesDir: '',
    ...overrides,
    db: { ...base.db, name: `baton_test_${suffix}`, ...overrides.db },
    redis: { ...base.redis, bullPrefix: `baton_test_${suffix}`, ...overrides.redis },
    auth: { ...base.auth, ...overrides.auth },
    limits: { ...base.limits, ...overrides.limits },
  };
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const engine = await startEngine(config, logger);
  return {
    ...engine,
    config,
    request: (path, init = {}) => {
      const { user = 'demo', json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (user) headers.set('Authorization', basicAuth(user));
      if (json !== undefined) {
        headers.set('Content-Type', 'application/json');
        rest.body = JSON.stringify(json);
        rest.method ??= 'POST';
      }
      return fetch(engine.url + path, { ...rest, headers });
    },
    stop: async () => {
      await engine.close();
      await dropDatabase(config);
    },
  };
}

/** `Basic` header for a seeded demo user (password = username). */
export function basicAuth(user: string, password = user): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function dropDatabase(config: BatonConfig): Promise<void> {
  const connection = await mysql.createConnection({ host: config.db.host, port: config.db.port, user: config.db.user, password: config.db.password });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${config.db.name}\``);
  } finally {
    await connection.end();
  }
}

/** A direct connection to the engine's database, for tests that look at rows (only mysql2's own options: the pool settings are the engine's). */
export function connectToEngineDatabase(db: BatonConfig['db'], options: Omit<mysql.ConnectionOptions, 'host' | 'port' | 'user' | 'password' | 'database'> = {}): Promise<mysql.Connection> {
  return mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, database: db.name, ...options });
}
