import { type DynamicModule, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { BATON_CONFIG, type BatonConfig } from '#runtime';

export const WORKER_REDIS = Symbol('WORKER_REDIS');

/**
 * The worker process: a Nest application context (no HTTP) that will host the BullMQ workers
 * for Baton's built-in job types and the sample processes' handlers.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: BatonConfig, redis: Redis): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: BATON_CONFIG, useValue: config },
        { provide: WORKER_REDIS, useValue: redis },
      ],
      exports: [BATON_CONFIG, WORKER_REDIS],
    };
  }
}
