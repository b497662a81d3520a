import { isIP } from 'node:net';
import { loadOidcConfig, type OidcConfig } from './oidc-config.js';

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
    /** Connections in the engine's pool. Env `BATON_DB_POOL_SIZE`. @default 10 */
    poolSize: number;
    /** Longest wait for a free pooled connection before the request fails (503). Env `BATON_DB_ACQUIRE_TIMEOUT_MS`. @default 10000 */
    acquireTimeoutMs: number;
    /**
     * `/health/live` fails once requests have been timing out on a full pool, none served, for
     * this long: connections are wedged and only a restart helps. Env `BATON_DB_STALL_SECONDS`. @default 30
     */
    stallSeconds: number;
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
    /** Fewest characters a password set over the API or the portal may have. Env `BATON_PASSWORD_MIN_LENGTH` (1-1024). @default 12 */
    passwordMinLength: number;
    /**
     * The first admin: created at start with the admin role when no enabled user holds it (README,
     * "Running in production"). Env `BATON_ADMIN_USERNAME` and `BATON_ADMIN_PASSWORD`; both or neither.
     */
    initialAdmin: { username: string; password: string } | null;
    /** Lifetime of an access token that `POST /oauth/token` issues to an API client. Env `BATON_CLIENT_TOKEN_TTL_SECONDS`. @default 3600 */
    clientTokenTtlSeconds: number;
    /** External sign-in (OpenID Connect); null when `BATON_OIDC_ISSUER_URL` is unset. */
    oidc: OidcConfig | null;
  };
  /** The HTTP edge: which browser origins may change state, whom to trust for the client address, sign-in throttling. */
  security: {
    /**
     * Origins (`scheme://host[:port]`) besides the engine's own whose web pages may send
     * state-changing requests (POST, PUT, PATCH, DELETE); CORS is enabled for exactly these.
     * Env `BATON_ALLOWED_ORIGINS`, comma-separated. @default [] (only the engine's own origin)
     */
    allowedOrigins: string[];
    /**
     * Express's `trust proxy`: whether and from whom `X-Forwarded-For` (the client address that
     * sign-in throttling counts), `X-Forwarded-Proto` and `X-Forwarded-Host` are believed. Env
     * `BATON_TRUST_PROXY`: `true` (any), a number of proxy hops, or a comma-separated list of
     * proxy addresses or subnets (`loopback`, `uniquelocal`, `10.0.0.0/8`). @default false
     */
    trustProxy: boolean | number | string[];
    /** Throttling of failed password checks (sign-in and HTTP Basic), counted in Redis. */
    signIn: {
      /** Failed attempts per user name before each further one must wait. Env `BATON_SIGNIN_USER_FAILURES`. @default 5 */
      userFailures: number;
      /** Failed attempts per client address before each further one must wait. Env `BATON_SIGNIN_ADDRESS_FAILURES`. @default 20 */
      addressFailures: number;
      /** The first wait; it doubles with each further failure. Env `BATON_SIGNIN_LOCKOUT_SECONDS`. @default 1 */
      lockoutSeconds: number;
      /** The longest wait: how long a user can be locked out at a time. Env `BATON_SIGNIN_MAX_LOCKOUT_SECONDS`. @default 300 */
      maxLockoutSeconds: number;
      /** Failures are forgotten this long after the last one. Env `BATON_SIGNIN_WINDOW_SECONDS`. @default 900 */
      windowSeconds: number;
    };
  };
  /** Seed demo users and groups at start. Env `BATON_SEED_DEMO`. @default true */
  seedDemoData: boolean;
  /** Folder whose .bpmn and .form files are deployed at start. Env `BATON_PROCESSES_DIR`; empty disables. @default "processes" */
  processesDir: string;
  /** Largest accepted deployment resource in bytes. Env `BATON_MAX_RESOURCE_BYTES`. @default 4194304 (4 MiB) */
  maxResourceBytes: number;
  /** Largest accepted JSON request body. Env `BATON_MAX_BODY_BYTES`. @default 4194304 (4 MiB) */
  maxBodyBytes: number;
  /** What comes in and goes out of the API (docs/security.md, "Limits"). */
  limits: {
    /**
     * How deeply a variable's value may be nested (objects and arrays); deeper input is refused
     * with 400 `VARIABLE.TOO_DEEP`, deeper computed values are incidents. At most 28: MariaDB's
     * JSON columns hold 31 levels and wrap a variable up to 3 levels deep. Env
     * `BATON_MAX_VARIABLE_DEPTH` (1-28). @default 28
     */
    maxVariableDepth: number;
    /**
     * Largest response body; a larger answer is refused with 400 `RESPONSE.TOO_LARGE`, saying how
     * to page or truncate. At least `maxBodyBytes`, so every variable that was accepted can be
     * read back. Env `BATON_MAX_RESPONSE_BYTES`. @default 16777216 (16 MiB)
     */
    maxResponseBytes: number;
    /**
     * Largest total size of the files of one deployment (Camunda's default request size for
     * deploying is 4 MB); above it 413 `DEPLOYMENT.TOO_LARGE`. Env `BATON_MAX_DEPLOYMENT_BYTES`.
     * @default 4194304 (4 MiB)
     */
    maxDeploymentBytes: number;
  };
  /** pino level. Env `LOG_LEVEL`. @default "info" */
  logLevel: string;
  /** Allow admins to pin the engine's clock (`PUT /v2/clock`), for testing processes with timers. Env `BATON_CLOCK_CONTROL`. @default false */
  clockControl: boolean;
  /** Message and signal delivery (docs/engine.md, "Messages", "Signals"). */
  events: {
    /**
     * Instances a signal broadcast wakes per transaction: it writes their TRIGGER_SIGNAL commands
     * in batches of this many rows, never holding one lock over all of them.
     * Env `BATON_SIGNAL_BATCH_SIZE` (1-10000). @default 500
     */
    signalBatchSize: number;
  };
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

/**
 * The deepest variables may be nested (and the default): MariaDB's JSON columns refuse documents
 * deeper than 31 levels and wrap a variable up to 3 levels deep (libs/engine-core variable-depth.ts,
 * DEFAULT_MAX_VARIABLE_DEPTH, says where).
 */
export const MAX_VARIABLE_DEPTH = 28;

/** Reads the configuration from the environment, failing with one message that lists every bad variable. */
export function loadConfig(env: Env = process.env): BatonConfig {
  const errors: string[] = [];
  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      errors.push(max === Number.MAX_SAFE_INTEGER ? `${name} must be an integer >= ${min}, but is '${raw}'` : `${name} must be an integer from ${min} to ${max}, but is '${raw}'`);
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
  const initialAdmin = (): { username: string; password: string } | null => {
    const username = env.BATON_ADMIN_USERNAME?.trim() ?? '';
    const password = env.BATON_ADMIN_PASSWORD ?? '';
    if (username === '' && password === '') return null;
    if (username === '' || password === '') {
      errors.push(`BATON_ADMIN_USERNAME and BATON_ADMIN_PASSWORD must be set together (the first admin), but only ${username === '' ? 'BATON_ADMIN_PASSWORD' : 'BATON_ADMIN_USERNAME'} is set`);
      return null;
    }
    if (!/^[A-Za-z0-9_@.+-]{1,128}$/.test(username)) {
      errors.push(`BATON_ADMIN_USERNAME must be 1-128 letters, digits or _ @ . + -, but is '${username}'`);
    }
    return { username, password };
  };
  const list = (name: string): string[] =>
    (env[name] ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const origins = (name: string): string[] =>
    list(name).map((raw) => {
      const origin = originOf(raw);
      if (origin === undefined) errors.push(`${name} must list origins like https://portal.example.com (scheme, host, optional port; no path), but has '${raw}'`);
      return origin ?? raw;
    });
  const trustProxy = (name: string): boolean | number | string[] => {
    const raw = env[name]?.trim() ?? '';
    if (raw === '' || ['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    if (['true', 'yes'].includes(raw.toLowerCase())) return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    const entries = list(name);
    const bad = entries.filter((entry) => !isProxyAddress(entry));
    if (bad.length > 0) errors.push(`${name} must be true, false, a number of proxy hops, or a comma-separated list of addresses or subnets, but has '${bad.join("', '")}'`);
    return entries;
  };

  const config: BatonConfig = {
    port: int('PORT', 8080, 0),
    db: {
      host: str('DB_HOST', '127.0.0.1'),
      port: int('DB_PORT', 3306, 1),
      user: str('DB_USER', 'root'),
      password: str('DB_PASSWORD', ''),
      name: str('DB_NAME', 'baton'),
      poolSize: int('BATON_DB_POOL_SIZE', 10, 2),
      acquireTimeoutMs: int('BATON_DB_ACQUIRE_TIMEOUT_MS', 10_000, 100),
      stallSeconds: int('BATON_DB_STALL_SECONDS', 30, 1),
    },
    redis: {
      url: str('REDIS_URL', 'redis://127.0.0.1:6379'),
      bullPrefix: str('BULLMQ_PREFIX', 'baton'),
    },
    auth: {
      disabled: bool('BATON_AUTH_DISABLED', false),
      sessionTtlSeconds: int('BATON_SESSION_TTL_SECONDS', 12 * 3600, 60),
      passwordMinLength: int('BATON_PASSWORD_MIN_LENGTH', 12, 1, 1024),
      initialAdmin: initialAdmin(),
      clientTokenTtlSeconds: int('BATON_CLIENT_TOKEN_TTL_SECONDS', 3600, 60, 24 * 3600),
      oidc: loadOidcConfig(env, errors),
    },
    security: {
      allowedOrigins: origins('BATON_ALLOWED_ORIGINS'),
      trustProxy: trustProxy('BATON_TRUST_PROXY'),
      signIn: {
        userFailures: int('BATON_SIGNIN_USER_FAILURES', 5, 1),
        addressFailures: int('BATON_SIGNIN_ADDRESS_FAILURES', 20, 1),
        lockoutSeconds: int('BATON_SIGNIN_LOCKOUT_SECONDS', 1, 1),
        maxLockoutSeconds: int('BATON_SIGNIN_MAX_LOCKOUT_SECONDS', 300, 1),
        windowSeconds: int('BATON_SIGNIN_WINDOW_SECONDS', 900, 1),
      },
    },
    seedDemoData: bool('BATON_SEED_DEMO', true),
    processesDir: str('BATON_PROCESSES_DIR', 'processes'),
    maxResourceBytes: int('BATON_MAX_RESOURCE_BYTES', 4 * 1024 * 1024, 1024),
    maxBodyBytes: int('BATON_MAX_BODY_BYTES', 4 * 1024 * 1024, 1024),
    limits: {
      maxVariableDepth: int('BATON_MAX_VARIABLE_DEPTH', MAX_VARIABLE_DEPTH, 1, MAX_VARIABLE_DEPTH),
      maxResponseBytes: int('BATON_MAX_RESPONSE_BYTES', 16 * 1024 * 1024, 1024),
      maxDeploymentBytes: int('BATON_MAX_DEPLOYMENT_BYTES', 4 * 1024 * 1024, 1024),
    },
    logLevel: str('LOG_LEVEL', 'info'),
    portalDir: str('BATON_PORTAL_DIR', 'dist/portal'),
    clockControl: bool('BATON_CLOCK_CONTROL', false),
    events: {
      signalBatchSize: int('BATON_SIGNAL_BATCH_SIZE', 500, 1, 10_000),
    },
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
  if (config.limits.maxResponseBytes < config.maxBodyBytes) {
    errors.push(`BATON_MAX_RESPONSE_BYTES must be at least BATON_MAX_BODY_BYTES (${config.maxBodyBytes}) so that every accepted variable can be read back, but is ${config.limits.maxResponseBytes}`);
  }
  if (config.security.signIn.maxLockoutSeconds < config.security.signIn.lockoutSeconds) {
    errors.push(
      `BATON_SIGNIN_MAX_LOCKOUT_SECONDS (${config.security.signIn.maxLockoutSeconds}) must not be less than BATON_SIGNIN_LOCKOUT_SECONDS (${config.security.signIn.lockoutSeconds})`,
    );
  }
  const admin = config.auth.initialAdmin;
  if (admin && admin.password.length < config.auth.passwordMinLength) {
    errors.push(`BATON_ADMIN_PASSWORD must have at least ${config.auth.passwordMinLength} characters (BATON_PASSWORD_MIN_LENGTH), but has ${admin.password.length}`);
  }
  if (!/^rediss?:\/\//.test(config.redis.url)) {
    errors.push(`REDIS_URL must start with redis:// or rediss://, but is '${config.redis.url}'`);
  }
  if (errors.length > 0) {
    throw new ConfigError(errors);
  }
  return config;
}

/** `scheme://host[:port]` of an http(s) URL without path, query or fragment; undefined for anything else. */
function originOf(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
    return bare && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** An entry Express's `trust proxy` understands: a named range, or an IP address with an optional prefix length. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
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
