import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createDatabaseIfMissing, createDataSource, detectServerFlavor, guardConnectionPool, leaseNodeId, runMigrations } from '#persistence';
import { checkMysqlReachable, checkRedisReachable, redactUrl, type BatonConfig } from '#runtime';
import { ControllableClock, type Clock } from '../infrastructure/clock.js';
import type { InfrastructureOptions } from '../infrastructure/infrastructure.module.js';

/**
 * Everything the engine needs before it can serve: MySQL and Redis reachable (or a clear
 * error saying which and how to start it), the database created, migrations applied, a node
 * id for key generation, and the shared connections.
 */
export async function prepareInfrastructure(config: BatonConfig, logger: Logger, clock: Clock = new ControllableClock()): Promise<InfrastructureOptions> {
  await Promise.all([checkMysqlReachable(config.db), checkRedisReachable(config.redis.url)]);

  if (await createDatabaseIfMissing(config.db)) {
    logger.info({ database: config.db.name }, 'Created database');
  }
  const dataSource = createDataSource(config.db, { flavor: await detectServerFlavor(config.db) });
  await dataSource.initialize();
  guardConnectionPool(dataSource, { acquireTimeoutMs: config.db.acquireTimeoutMs, poolSize: config.db.poolSize });
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ migrations: applied }, 'Applied migrations');
    const nodeId = await leaseNodeId(dataSource);

    const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 3, lazyConnect: true });
    redis.on('error', (error) => logger.warn({ err: error, redis: redactUrl(config.redis.url) }, 'Redis connection error'));
    await redis.connect();
    return { config, dataSource, nodeId, clock, redis };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** Closes what prepareInfrastructure opened. */
export async function closeInfrastructure(infrastructure: InfrastructureOptions): Promise<void> {
  await Promise.allSettled([infrastructure.dataSource.destroy(), infrastructure.redis.quit()]);
}
