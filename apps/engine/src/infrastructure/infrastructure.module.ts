import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { KeyGenerator } from '#engine-core';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { CLOCK, systemClock, WALL_CLOCK, wallClockMillis, type Clock } from './clock.js';

/** What the engine process was started with: an initialised DataSource and its leased node id. */
export interface InfrastructureOptions {
  config: BatonConfig;
  dataSource: DataSource;
  nodeId: number;
  clock: Clock;
  /** Shared Redis connection for health checks and queue producers. */
  redis: Redis;
}

export const REDIS = Symbol('REDIS');

/**
 * Provides the configuration, the DataSource, Redis, the two clocks and the key generator to every module.
 * The DataSource is created and migrated before Nest starts (see bootstrap), so the app never
 * serves on a schema that is not up to date.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(options: InfrastructureOptions): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: BATON_CONFIG, useValue: options.config },
        { provide: DataSource, useValue: options.dataSource },
        { provide: CLOCK, useValue: options.clock },
        { provide: WALL_CLOCK, useValue: systemClock },
        { provide: REDIS, useValue: options.redis },
        // Keys follow the wall clock, not the engine clock: pinning the clock (PUT /v2/clock) moves
        // business time, and must not move keys ahead of what a restarted engine would generate.
        { provide: KeyGenerator, useValue: new KeyGenerator(options.nodeId, wallClockMillis) },
      ],
      exports: [BATON_CONFIG, DataSource, CLOCK, WALL_CLOCK, KeyGenerator, REDIS],
    };
  }
}
