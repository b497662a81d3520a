/**
 * A source of the current time. The engine has two (docs/architecture.md, "Time"): the engine
 * clock ({@link CLOCK}) for business time, and the wall clock ({@link WALL_CLOCK}) for keys,
 * delivery bookkeeping and how long a request waits. This file is the only one in apps/engine
 * that reads the system time (eslint.config.js refuses `new Date()` and `Date.now` elsewhere).
 */
export interface Clock {
  now(): Date;
}

/**
 * The engine clock: business time — timers and their due dates, job deadlines and retry
 * backoffs, task and instance dates, the command time the core gets. `PUT /v2/clock` may pin it.
 */
export const CLOCK = Symbol('CLOCK');

/**
 * The wall clock: real time, never pinned — key generation, the outbox between instances'
 * bookkeeping, long-poll and await deadlines. A pinned engine clock must not stall any of them.
 */
export const WALL_CLOCK = Symbol('WALL_CLOCK');

/** The system clock, as it runs. */
export const systemClock: Clock = { now: () => new Date() };

/** The wall clock in epoch milliseconds, for the key generator's hot path (no Date per key). */
export const wallClockMillis: () => number = Date.now;

/**
 * The system clock, which can be pinned to an instant (Camunda's `PUT /v2/clock`, for tests of
 * processes with timers) and reset. Pinning affects this engine process only.
 */
export class ControllableClock implements Clock {
  private pinned: number | null = null;

  now(): Date {
    return new Date(this.pinned ?? Date.now());
  }

  pin(epochMillis: number): void {
    this.pinned = epochMillis;
  }

  reset(): void {
    this.pinned = null;
  }

  isPinned(): boolean {
    return this.pinned !== null;
  }
}
