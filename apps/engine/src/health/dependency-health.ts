import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { isPoolStalled, poolActivity } from '#persistence';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { REDIS } from '../infrastructure/infrastructure.module.js';

export interface DependencyStatus {
  mysql: 'up' | 'down';
  redis: 'up' | 'down';
}

/** Pings MySQL and Redis, each with a short timeout; tells whether the engine can still make progress. */
@Injectable()
export class DependencyHealth {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  /**
   * Liveness: false when the connection pool has been starved (requests timing out on a full
   * pool, none served) for `BATON_DB_STALL_SECONDS` — leaked or wedged connections that only a
   * restart frees. While starved, each probe also asks for a connection itself, so a pool that
   * recovered once traffic stopped is seen as live again.
   */
  async canMakeProgress(): Promise<boolean> {
    const activity = poolActivity(this.dataSource);
    if (!activity || activity.starvedSince === null) return true;
    await this.dataSource.query('SELECT 1').catch(() => undefined);
    return !isPoolStalled(activity, this.config.db.stallSeconds * 1000);
  }

  async check(timeoutMs = 2000): Promise<DependencyStatus> {
    const [mysql, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), timeoutMs),
      withTimeout(this.redis.ping(), timeoutMs),
    ]);
    return { mysql: mysql ? 'up' : 'down', redis: redis ? 'up' : 'down' };
  }
}

async function withTimeout(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
