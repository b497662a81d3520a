import 'reflect-metadata';
import { createLogger, DependencyUnreachableError, loadConfigOrExit, onStopRequest } from '#runtime';
import { startEngine } from './engine-app.js';

/** Entry point of the engine process (API, portal, schedulers). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.logLevel, name: 'engine' });
  let engine;
  try {
    engine = await startEngine(config, logger);
  } catch (error) {
    if (error instanceof DependencyUnreachableError) {
      logger.fatal(error.message);
    } else {
      logger.fatal({ err: error }, 'Engine failed to start');
    }
    logger.flush?.();
    setTimeout(() => process.exit(1), 100);
    return;
  }
  const shutdown = (reason: string) => {
    logger.info({ reason }, 'Shutting down engine');
    const force = setTimeout(() => {
      logger.error('Shutdown took longer than 15s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    void engine.close().then(() => {
      logger.info('Engine stopped');
      logger.flush?.();
      process.exit(0);
    });
  };
  // Under `npm start` the launcher is the parent (with an IPC channel): if it dies, stop too.
  onStopRequest(shutdown, { watchParent: process.connected });
}

void main();
