import type { DataSource, EntityManager } from 'typeorm';
import { asTransactionBody } from './connection-pool-guard.js';

/** MySQL errors after which the whole transaction can simply be run again. */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'ER_DUP_ENTRY']);

/** True for a deadlock, lock wait timeout or duplicate key (a concurrent writer won a race). */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * Runs a single statement (autocommit) again when MySQL reports a deadlock or a lock wait
 * timeout: a conditional UPDATE on a hot row, for instance, that lost a race for its locks.
 */
export async function retryingDeadlocks<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * attempt)));
    }
  }
}

/**
 * Runs `work` in a READ COMMITTED transaction and runs it again (up to `attempts` times, with a
 * short random pause) when MySQL reports a deadlock, a lock wait timeout or a duplicate key.
 * `work` must therefore be safe to repeat: it reads everything it needs inside the transaction,
 * through the EntityManager it is given (asking the pool for another connection fails: see
 * {@link guardConnectionPool}).
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(dataSource, work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * attempt)));
    }
  }
}

/**
 * One READ COMMITTED transaction on one pooled connection. The isolation level and the start
 * go to the server in one round trip (TypeORM's own transaction() sends them separately).
 */
async function once<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION');
    let result: T;
    try {
      // Everything `work` does must go through runner.manager: a second pooled connection is refused.
      result = await asTransactionBody(() => work(runner.manager));
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await runner.query('COMMIT');
    return result;
  } finally {
    await runner.release();
  }
}
