import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '../infrastructure/infrastructure.module.js';

export interface DependencyStatus {
  mysql: 'up' | 'down';
  redis: 'up' | 'down';
}

/** Pings MySQL and Redis, each with a short timeout. */
@Injectable()
export class DependencyHealth {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

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
