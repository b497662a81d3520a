/**
 * Baton's configuration: environment variables with local defaults.
 *
 * The names of the connection variables are fixed (operators and tooling rely on them);
 * everything Baton-specific is prefixed `BATON_`.
 */
export interface BatonConfig {
  /** HTTP port for API and portal. Env `PORT`. @default 8080 */
  port: number;
  db: {
    /** Env `DB_HOST`. @default "127.0.0.1" */
    host: string;
    /** Env `DB_PORT`. @default 3306 */
    port: number;
    /** Env `DB_USER`. @default "root" */
    user: string;
    /** Env `DB_PASSWORD`. @default "" */
    password: string;
    /** Env `DB_NAME`; created at start when missing. @default "baton" */
    name: string;
  };
  redis: {
    /** Env `REDIS_URL`. @default "redis://127.0.0.1:6379" */
    url: string;
    /** Prefix of every BullMQ key. Env `BULLMQ_PREFIX`. @default "baton" */
    bullPrefix: string;
  };
  auth: {
    /** Env `BATON_AUTH_DISABLED=true`: every request acts as the admin `demo`. For local experiments only. @default false */
    disabled: boolean;
    /** Lifetime of a portal sign-in token in seconds. Env `BATON_SESSION_TTL_SECONDS`. @default 43200 (12 h) */
    sessionTtlSeconds: number;
  };
  /** Seed demo users and groups at start. Env `BATON_SEED_DEMO`. @default true */
  seedDemoData: boolean;
  /** Folder whose .bpmn and .form files are deployed at start. Env `BATON_PROCESSES_DIR`; empty disables. @default "processes" */
  processesDir: string;
  /** Largest accepted deployment resource in bytes. Env `BATON_MAX_RESOURCE_BYTES`. @default 4194304 (4 MiB) */
  maxResourceBytes: number;
  /** Largest accepted JSON request body. Env `BATON_MAX_BODY_BYTES`. @default 4194304 (4 MiB) */
  maxBodyBytes: number;
  /** pino level. Env `LOG_LEVEL`. @default "info" */
  logLevel: string;
  /** Allow admins to pin the engine's clock (`PUT /v2/clock`), for testing processes with timers. Env `BATON_CLOCK_CONTROL`. @default false */
  clockControl: boolean;
  /**
   * Bounds on every FEEL evaluation (docs/security.md, "FEEL evaluation"); an evaluation over one is
   * stopped and becomes an incident. The defaults equal libs/feel's `DEFAULT_FEEL_LIMITS`.
   */
  feel: {
    /** Wall-clock milliseconds one evaluation may take, at most 60000. Env `BATON_FEEL_TIMEOUT_MS`. @default 500 */
    timeoutMs: number;
    /** Elements one range may enumerate (`for x in 1..n`). Env `BATON_FEEL_MAX_RANGE`. @default 100000 */
    maxRange: number;
    /** Range elements one evaluation may enumerate in total (nested iterations, cartesian products). Env `BATON_FEEL_MAX_ITERATIONS`. @default 1000000 */
    maxIterations: number;
    /** Longest string a FEEL function may take or return, and characters in a result. Env `BATON_FEEL_MAX_STRING_LENGTH`. @default 4194304 */
    maxStringLength: number;
    /** Longest list a FEEL function may take or return, and values in a result. Env `BATON_FEEL_MAX_LIST_LENGTH`. @default 1000000 */
    maxListLength: number;
  };
  /** Directory of the built portal served at `/`. Env `BATON_PORTAL_DIR`. @default "dist/portal" */
  portalDir: string;
  worker: {
    /** The engine's REST API, as the worker process reaches it. Env `BATON_ENGINE_URL`. @default http://127.0.0.1:$PORT */
    engineUrl: string;
    /** Credentials of the worker process: env `BATON_WORKER_TOKEN` (an API token), else `BATON_WORKER_USERNAME`/`BATON_WORKER_PASSWORD`. @default worker / worker (seeded) */
    auth: { token: string } | { username: string; password: string };
    /** Where the sample handlers write what they "send" (emails, payments, shipments). Env `BATON_WORKER_OUTBOX_DIR`. @default "var/outbox" */
    outboxDir: string;
    /** File the worker touches every 10 s while healthy, for container healthchecks. Env `BATON_WORKER_HEARTBEAT_FILE`. @default none */
    heartbeatFile: string | undefined;
  };
}

type Env = Record<string, string | undefined>;

/** Reads the configuration from the environment, failing with one message that lists every bad variable. */
export function loadConfig(env: Env = process.env): BatonConfig {
  const errors: string[] = [];
  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      errors.push(`${name} must be an integer ${max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`}, but is '${raw}'`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    errors.push(`${name} must be true or false, but is '${env[name]}'`);
    return fallback;
  };
  const str = (name: string, fallback: string): string => env[name] ?? fallback;

  const config: BatonConfig = {
    port: int('PORT', 8080, 0),
    db: {
      host: str('DB_HOST', '127.0.0.1'),
      port: int('DB_PORT', 3306, 1),
      user: str('DB_USER', 'root'),
      password: str('DB_PASSWORD', ''),
      name: str('DB_NAME', 'baton'),
    },
    redis: {
      url: str('REDIS_URL', 'redis://127.0.0.1:6379'),
      bullPrefix: str('BULLMQ_PREFIX', 'baton'),
    },
    auth: {
      disabled: bool('BATON_AUTH_DISABLED', false),
      sessionTtlSeconds: int('BATON_SESSION_TTL_SECONDS', 12 * 3600, 60),
    },
    seedDemoData: bool('BATON_SEED_DEMO', true),
    processesDir: str('BATON_PROCESSES_DIR', 'processes'),
    maxResourceBytes: int('BATON_MAX_RESOURCE_BYTES', 4 * 1024 * 1024, 1024),
    maxBodyBytes: int('BATON_MAX_BODY_BYTES', 4 * 1024 * 1024, 1024),
    logLevel: str('LOG_LEVEL', 'info'),
    portalDir: str('BATON_PORTAL_DIR', 'dist/portal'),
    clockControl: bool('BATON_CLOCK_CONTROL', false),
    feel: {
      timeoutMs: int('BATON_FEEL_TIMEOUT_MS', 500, 1, 60_000),
      maxRange: int('BATON_FEEL_MAX_RANGE', 100_000, 1),
      maxIterations: int('BATON_FEEL_MAX_ITERATIONS', 1_000_000, 1),
      maxStringLength: int('BATON_FEEL_MAX_STRING_LENGTH', 4 * 1024 * 1024, 1),
      maxListLength: int('BATON_FEEL_MAX_LIST_LENGTH', 1_000_000, 1),
    },
    worker: {
      engineUrl: '',
      auth: env.BATON_WORKER_TOKEN ? { token: env.BATON_WORKER_TOKEN } : { username: str('BATON_WORKER_USERNAME', 'worker'), password: str('BATON_WORKER_PASSWORD', 'worker') },
      outboxDir: str('BATON_WORKER_OUTBOX_DIR', 'var/outbox'),
      heartbeatFile: env.BATON_WORKER_HEARTBEAT_FILE || undefined,
    },
  };
  config.worker.engineUrl = str('BATON_ENGINE_URL', `http://127.0.0.1:${config.port}`);
  if (!/^[A-Za-z0-9_]{1,64}$/.test(config.db.name)) {
    errors.push(`DB_NAME must be 1-64 letters, digits or underscores, but is '${config.db.name}'`);
  }
  if (!/^rediss?:\/\//.test(config.redis.url)) {
    errors.push(`REDIS_URL must start with redis:// or rediss://, but is '${config.redis.url}'`);
  }
  if (errors.length > 0) {
    throw new ConfigError(errors);
  }
  return config;
}

/** Thrown by loadConfig; lists every invalid variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Nest injection token for the BatonConfig. */
export const BATON_CONFIG = Symbol('BATON_CONFIG');

/** For entry points: the configuration, or a message listing every bad variable and exit code 2. */
export function loadConfigOrExit(env: Env = process.env): BatonConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
