export * from './entities/index.js';
export { createDataSource, dataSourceOptions, detectServerFlavor, type ServerFlavor } from './data-source.js';
export { createDatabaseIfMissing, leaseNodeId, runMigrations, withNamedLock } from './database-setup.js';
export { inTransaction, isRetryableTransactionError, retryingDeadlocks } from './transaction.js';
export {
  asTransactionBody,
  guardConnectionPool,
  isPoolStalled,
  outsideTransaction,
  poolActivity,
  PoolAcquireTimeoutError,
  SecondConnectionInTransactionError,
  type PoolActivity,
} from './connection-pool-guard.js';
