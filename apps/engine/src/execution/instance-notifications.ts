import { EventEmitter } from 'node:events';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { REDIS } from '../infrastructure/infrastructure.module.js';

/** Published after a commit that changed an instance in a way others wait for. */
export interface InstanceNotice {
  kind: 'instance-ended';
  processInstanceKey: string;
  state: 'COMPLETED' | 'TERMINATED';
}

/** How often a waiter re-reads the database, in case a notice was missed (Redis restart). */
const POLL_MS = 1000;

/**
 * Tells every engine replica what changed, through Redis pub/sub, so that a request waiting
 * for an instance to end (awaitCompletion) is answered at once whichever replica committed
 * the change. MySQL stays the truth: waiters also poll it now and then.
 */
@Injectable()
export class InstanceNotifications implements OnModuleInit, OnModuleDestroy {
  private readonly local = new EventEmitter();
  private subscriber: Redis | undefined;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(BATON_CONFIG) config: BatonConfig,
    private readonly dataSource: DataSource,
  ) {
    this.channel = `${config.redis.bullPrefix}:instance-notices`;
    this.local.setMaxListeners(0);
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        const notice = JSON.parse(message) as InstanceNotice;
        this.local.emit(notice.processInstanceKey, notice);
      } catch {
        // not a notice of ours
      }
    });
    await this.subscriber.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Publishes notices (after commit); a Redis failure only delays waiters until they poll. */
  async publish(notices: InstanceNotice[]): Promise<void> {
    for (const notice of notices) {
      this.local.emit(notice.processInstanceKey, notice);
      await this.redis.publish(this.channel, JSON.stringify(notice)).catch(() => undefined);
    }
  }

  /** Resolves with the end state once the instance has ended, or null after `timeoutMs`. */
  waitForEnd(processInstanceKey: string, timeoutMs: number): Promise<'COMPLETED' | 'TERMINATED' | null> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (state: 'COMPLETED' | 'TERMINATED' | null) => {
        if (settled) return;
        settled = true;
        this.local.off(processInstanceKey, onNotice);
        clearTimeout(timeout);
        clearInterval(poll);
        resolve(state);
      };
      const onNotice = (notice: InstanceNotice) => finish(notice.state);
      this.local.on(processInstanceKey, onNotice);
      const timeout = setTimeout(() => finish(null), timeoutMs);
      const poll = setInterval(() => {
        void this.dataSource
          .query('SELECT state FROM process_instances WHERE process_instance_key = ?', [processInstanceKey])
          .then((rows: Array<{ state: string }>) => {
            const state = rows[0]?.state;
            if (state === 'COMPLETED' || state === 'TERMINATED') finish(state);
          })
          .catch(() => undefined);
      }, POLL_MS);
    });
  }
}
