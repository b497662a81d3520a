/** The engine's notion of time, injected so tests can move it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

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
