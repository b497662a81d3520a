import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { checkRedisReachable, createLogger, DependencyUnreachableError, loadConfigOrExit, onStopRequest, PinoNestLogger, redactUrl } from '#runtime';
import { WorkerModule } from './worker.module.js';

/** Entry point of the worker process. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.logLevel, name: 'worker' });
  try {
    // The worker needs Redis (its queues) and the engine's REST API, not MySQL.
    await checkRedisReachable(config.redis.url);
  } catch (error) {
    logger.fatal(error instanceof DependencyUnreachableError ? error.message : { err: error });
    setTimeout(() => process.exit(1), 100);
    return;
  }
  // Watched for the heartbeat: the worker is healthy while Redis (its queues) answers.
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: null });
  redis.on('error', (error) => logger.warn({ err: error, redis: redactUrl(config.redis.url) }, 'Redis connection error'));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger(logger) });
  logger.info({ redis: redactUrl(config.redis.url), prefix: config.redis.bullPrefix, engine: config.worker.engineUrl }, 'Baton worker started');

  // For container healthchecks: touch a file every 10 s while Redis is usable.
  const heartbeatFile = config.worker.heartbeatFile;
  const heartbeat = heartbeatFile
    ? setInterval(() => {
        if (redis.status === 'ready') void writeFile(heartbeatFile, String(Date.now())).catch(() => undefined);
      }, 10_000)
    : undefined;

  const shutdown = (reason: string) => {
    logger.info({ reason }, 'Shutting down worker');
    clearInterval(heartbeat);
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    void (async () => {
      await app.close();
      await redis.quit().catch(() => redis.disconnect());
      logger.info('Worker stopped');
      process.exit(0);
    })();
  };
  // Under `npm start` the launcher is the parent (with an IPC channel): if it dies, stop too.
  onStopRequest(shutdown, { watchParent: process.connected });
}

void main();
