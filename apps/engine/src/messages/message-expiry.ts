import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '../infrastructure/clock.js';
import { MessageCorrelationStore } from '../stores/message-correlation.store.js';
import { MessageStore } from '../stores/message.store.js';

/** Rows removed per round, so one round never holds many locks. */
const BATCH = 500;

/**
 * Removes buffered messages whose time to live has ended, and the record of which instances they
 * reached, every second on every replica (a DELETE by expiry: replicas need no coordination). An
 * expired message is never correlated even before it is removed: lookups compare its expiry with
 * the engine clock, the clock it was written with.
 */
@Injectable()
export class MessageExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MessageExpiry');
  private interval: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly messages: MessageStore,
    private readonly correlations: MessageCorrelationStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.interval = setInterval(() => {
      if (this.running) return;
      this.running = true;
      this.sweep()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Removing expired messages failed'))
        .finally(() => (this.running = false));
    }, 1_000);
    this.interval.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.interval);
  }

  /** Removes what expired by now (engine clock); how many messages. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let removed = 0;
    let batch: number;
    do {
      batch = await this.messages.deleteExpired(now, BATCH);
      removed += batch;
    } while (batch === BATCH);
    do batch = await this.correlations.deleteExpired(now, BATCH);
    while (batch === BATCH);
    return removed;
  }
}
