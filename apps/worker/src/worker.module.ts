import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createWorker, type BatonWorker } from '#worker-sdk';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { builtInHandlers, type HandlerDefinition } from './handlers/index.js';

export const HANDLERS = Symbol('HANDLERS');

/** Starts one worker (libs/worker-sdk) per handler when the app starts; drains and closes them on shutdown. */
@Injectable()
export class HandlerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private workers: BatonWorker[] = [];

  constructor(
    @Inject(HANDLERS) private readonly handlers: HandlerDefinition[],
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  onApplicationBootstrap(): void {
    const log = {
      info: (message: string, fields?: object) => this.logger.log({ ...fields }, message),
      warn: (message: string, fields?: object) => this.logger.warn({ ...fields }, message),
      error: (message: string, fields?: object) => this.logger.error({ ...fields }, message),
    };
    this.workers = this.handlers.map((definition) =>
      createWorker({
        type: definition.type,
        handler: definition.handler,
        ...definition.options,
        engine: { url: this.config.worker.engineUrl, auth: this.config.worker.auth },
        redis: { url: this.config.redis.url, prefix: this.config.redis.bullPrefix },
        log,
      }),
    );
    this.logger.log({ types: this.handlers.map((h) => h.type), engine: this.config.worker.engineUrl }, 'Job workers started');
  }

  async onApplicationShutdown(): Promise<void> {
    // BullMQ's close waits for running handlers to finish and report (drain).
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
  }
}

/**
 * The worker process: a Nest application context (no HTTP) running the BullMQ workers for
 * Baton's built-in job types and the sample processes' handlers.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: BatonConfig, handlers: HandlerDefinition[] = builtInHandlers(config.worker.outboxDir)): DynamicModule {
    return {
      module: WorkerModule,
      providers: [{ provide: BATON_CONFIG, useValue: config }, { provide: HANDLERS, useValue: handlers }, HandlerRunner],
    };
  }
}
