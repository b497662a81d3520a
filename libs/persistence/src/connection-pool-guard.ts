import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/**
 * Thrown when a pooled connection could not be had within the acquire timeout: every
 * connection stayed busy. Fails the request loudly instead of queueing it for ever.
 */
export class PoolAcquireTimeoutError extends Error {
  readonly code = 'POOL_ACQUIRE_TIMEOUT';

  constructor(readonly timeoutMs: number, readonly poolSize: number) {
    super(`Expected a database connection within ${timeoutMs} ms but all ${poolSize} connections of the pool stayed busy`);
    this.name = 'PoolAcquireTimeoutError';
  }
}

/**
 * Thrown when code running inside a transaction asks the pool for a second connection. That is
 * a bug: with N concurrent transactions each waiting for a second connection, a pool of N
 * deadlocks on itself. Reads a transaction needs go through its own EntityManager.
 */
export class SecondConnectionInTransactionError extends Error {
  readonly code = 'SECOND_CONNECTION_IN_TRANSACTION';

  constructor() {
    super('Expected the transaction\'s own connection to be used, but code inside a transaction asked the pool for a second connection (pass the EntityManager down instead)');
    this.name = 'SecondConnectionInTransactionError';
  }
}

/** What the pool has done lately, for liveness: is anyone waiting, and do waiters get served? */
export interface PoolActivity {
  /** Connection requests waiting for the pool right now. */
  waiting: number;
  /** Requests that gave up after the acquire timeout, since start. */
  timeouts: number;
  /** When a request was last served a connection (epoch ms). */
  lastServedAt: number;
  /**
   * Since when requests have been timing out on a full pool with none served (epoch ms), or null.
   * Cleared by the next request that is served.
   */
  starvedSince: number | null;
  /** Connections the pool may open. */
  poolSize: number;
}

interface GuardOptions {
  /** Longest wait for a pooled connection. */
  acquireTimeoutMs: number;
  /** Pool size, for messages. */
  poolSize: number;
}

/** Marks the async context of an open transaction; `open` turns false at its end (timers created inside it outlive it). */
interface TransactionMark {
  open: boolean;
}

const transactionContext = new AsyncLocalStorage<TransactionMark>();

/**
 * Runs `work` marked as the body of a transaction: while the mark is open, the guarded pool
 * refuses to hand out another connection in this async context.
 */
export async function asTransactionBody<T>(work: () => Promise<T>): Promise<T> {
  const mark: TransactionMark = { open: true };
  try {
    return await transactionContext.run(mark, work);
  } finally {
    mark.open = false;
  }
}

/** Runs `work` outside any transaction mark (for after-commit work started from inside one). */
export function outsideTransaction<T>(work: () => T): T {
  return transactionContext.exit(work);
}

const activities = new WeakMap<DataSource, PoolActivity>();

/** The pool activity of a guarded DataSource (see {@link guardConnectionPool}). */
export function poolActivity(dataSource: DataSource): PoolActivity | undefined {
  return activities.get(dataSource);
}

type MysqlDriverLike = { obtainMasterConnection(): Promise<unknown>; obtainSlaveConnection(): Promise<unknown>; prepareDbConnection?: unknown };
type PooledConnection = { release(): void };
/** The part of mysql2's Pool the guard looks at (its connections, to tell starvation from a slow connect). */
type MysqlPoolLike = { _allConnections?: { length: number } };

/**
 * Wraps the DataSource's connection acquisition (TypeORM's MySQL driver) so that
 * - a request waits at most `acquireTimeoutMs` for a free connection, then fails with
 *   {@link PoolAcquireTimeoutError} (mysql2's pool would queue it for ever);
 * - a request made inside an open transaction fails at once with
 *   {@link SecondConnectionInTransactionError} (see design.md, invariant 3);
 * - waiting and progress are recorded for the liveness probe ({@link poolActivity}).
 * Call once, after `initialize()`.
 */
export function guardConnectionPool(dataSource: DataSource, options: GuardOptions, now: () => number = Date.now): PoolActivity {
  const driver = dataSource.driver as unknown as MysqlDriverLike;
  const obtain = driver.obtainMasterConnection.bind(driver);
  const pool = (dataSource.driver as unknown as { pool?: MysqlPoolLike }).pool;
  const activity: PoolActivity = { waiting: 0, timeouts: 0, lastServedAt: now(), starvedSince: null, poolSize: options.poolSize };
  const poolIsFull = (): boolean => !pool?._allConnections || pool._allConnections.length >= options.poolSize;
  activities.set(dataSource, activity);

  const guarded = (): Promise<unknown> => {
    const mark = transactionContext.getStore();
    if (mark?.open) return Promise.reject(new SecondConnectionInTransactionError());
    activity.waiting += 1;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (): void => {
        settled = true;
        activity.waiting -= 1;
        clearTimeout(timer);
      };
      const timer = setTimeout(() => {
        if (settled) return;
        finish();
        activity.timeouts += 1;
        if (poolIsFull()) activity.starvedSince ??= now();
        reject(new PoolAcquireTimeoutError(options.acquireTimeoutMs, options.poolSize));
      }, options.acquireTimeoutMs);
      timer.unref?.();
      obtain().then(
        (connection) => {
          // A connection that arrives after its requester gave up goes straight back to the pool.
          if (settled) return (connection as PooledConnection).release();
          finish();
          activity.lastServedAt = now();
          activity.starvedSince = null;
          resolve(connection);
        },
        (error: unknown) => {
          if (settled) return;
          finish();
          reject(error);
        },
      );
    });
  };
  driver.obtainMasterConnection = guarded;
  driver.obtainSlaveConnection = guarded;
  return activity;
}

/**
 * True when requests have been timing out on a full pool, none served, for at least `stallMs`:
 * connections are leaked or wedged and the process cannot make progress — restart it.
 * (A database that is down makes requests fail, not starve: that is readiness, not liveness.)
 */
export function isPoolStalled(activity: PoolActivity, stallMs: number, now: number = Date.now()): boolean {
  return activity.starvedSince !== null && now - activity.starvedSince >= stallMs;
}
