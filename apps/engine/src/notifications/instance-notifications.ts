import { EventEmitter } from 'node:events';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { BATON_CONFIG, type BatonConfig } from '#runtime';
import { REDIS } from '../infrastructure/infrastructure.module.js';
import { ProcessInstanceStore } from '../stores/process-instance.store.js';

/** Published after a commit that changed something others wait for. */
export type InstanceNotice =
  | { kind: 'instance-ended'; processInstanceKey: string; state: 'COMPLETED' | 'TERMINATED' }
  /** Jobs of these types became activatable (REST workers long-polling for them wake up). */
  | { kind: 'jobs-available'; types: string[] };

/** How often a waiter re-reads the database, in case a notice was missed (Redis restart). */
const POLL_MS = 1000;

/**
 * Tells every engine replica what changed, through Redis pub/sub, so that a request waiting
 * for an instance to end (awaitCompletion) or for jobs (long-polling job activation) is
 * answered at once whichever replica committed the change. MySQL stays the truth: waiters
 * also check it now and then.
 */
@Injectable()
export class InstanceNotifications implements OnModuleInit, OnModuleDestroy {
  private readonly local = new EventEmitter();
  private subscriber: Redis | undefined;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(BATON_CONFIG) config: BatonConfig,
    private readonly instances: ProcessInstanceStore,
  ) {
    this.channel = `${config.redis.bullPrefix}:instance-notices`;
    this.local.setMaxListeners(0);
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.deliver(JSON.parse(message) as InstanceNotice);
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
      // Published only through Redis; this replica hears its own notices back from its subscription.
      const sent = await this.redis.publish(this.channel, JSON.stringify(notice)).catch(() => null);
      if (sent === null) this.deliver(notice);
    }
  }

  private deliver(notice: InstanceNotice): void {
    if (notice.kind === 'instance-ended') this.local.emit(`instance:${notice.processInstanceKey}`, notice);
    else for (const type of notice.types) this.local.emit(`jobs:${type}`);
  }

  /**
   * Resolves true as soon as jobs of one of the types are announced, false after `timeoutMs`
   * or when `signal` aborts (the client went away).
   */
  waitForJobs(types: string[], timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (found: boolean) => {
        if (settled) return;
        settled = true;
        for (const type of types) this.local.off(`jobs:${type}`, onJobs);
        clearTimeout(timeout);
        signal?.removeEventListener('abort', onAbort);
        resolve(found);
      };
      const onJobs = () => finish(true);
      const onAbort = () => finish(false);
      for (const type of types) this.local.on(`jobs:${type}`, onJobs);
      signal?.addEventListener('abort', onAbort);
      const timeout = setTimeout(() => finish(false), timeoutMs);
    });
  }

  /** Resolves with the end state once the instance has ended, or null after `timeoutMs`. */
  waitForEnd(processInstanceKey: string, timeoutMs: number): Promise<'COMPLETED' | 'TERMINATED' | null> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (state: 'COMPLETED' | 'TERMINATED' | null) => {
        if (settled) return;
        settled = true;
        this.local.off(`instance:${processInstanceKey}`, onNotice);
        clearTimeout(timeout);
        clearInterval(poll);
        resolve(state);
      };
      const onNotice = (notice: Extract<InstanceNotice, { kind: 'instance-ended' }>) => finish(notice.state);
      this.local.on(`instance:${processInstanceKey}`, onNotice);
      const timeout = setTimeout(() => finish(null), timeoutMs);
      const poll = setInterval(() => {
        void this.instances
          .stateOf(processInstanceKey)
          .then((state) => {
            if (state === 'COMPLETED' || state === 'TERMINATED') finish(state);
          })
          .catch(() => undefined);
      }, POLL_MS);
    });
  }
}
