import type { FeelRange } from 'feelin';
import type { FeelLimits } from './feel-limits.js';
import { rangeSize } from './range-size.js';
import { WatchdogTimeout } from './watchdog.js';

/**
 * Thrown from inside feelin (by the hooks in `budget-hooks.ts`) to abandon an evaluation that went
 * over a limit; the FeelService turns it into a `FEEL_LIMIT_EXCEEDED` failure. Never escapes the
 * FeelService.
 */
export class FeelLimitExceeded extends Error {
  override readonly name = 'FeelLimitExceeded';
}

/**
 * What one evaluation may still spend: its deadline, the range elements it may still enumerate,
 * and the sizes strings and lists may reach. Created by the FeelService for each evaluation and
 * made current by {@link runWithBudget} while feelin runs, so the prototype hooks (which cannot
 * be handed a parameter) find it.
 *
 * The time limit is on the CPU time the evaluation spends, not on the wall clock: on a busy machine
 * the process may wait for a core for longer than the limit while the expression itself is cheap,
 * and that must not fail it. Reading CPU time is a system call, so the budget watches a wall-clock
 * deadline (`performance.now()`, monotonic; not the business clock, which FEEL's `now()` takes from the
 * evaluation options) and only when it passed asks how much CPU time was really spent: if less than
 * the limit, the deadline moves by what is left.
 */
export class EvaluationBudget {
  private deadline: number;
  private readonly cpuAtStart = process.cpuUsage();
  private iterations = 0;
  private calls = 0;
  private firstExceeded: string | undefined;

  constructor(
    readonly limits: FeelLimits,
    /** The expression, for messages. */
    readonly expression: string,
    startedAt: number = performance.now(),
  ) {
    this.deadline = startedAt + limits.timeoutMs;
  }

  /** The message of the first limit this evaluation exceeded, even if something inside feelin swallowed the throw. */
  get exceeded(): string | undefined {
    return this.firstExceeded;
  }

  /** Milliseconds left before the deadline (at least 1, so a watchdog can still be armed). */
  remainingMs(): number {
    return Math.max(1, Math.ceil(this.deadline - performance.now()));
  }

  /** Fails the evaluation when its time is up. Called on every function call and range enumeration. */
  tick(): void {
    if (this.firstExceeded !== undefined) throw new FeelLimitExceeded(this.firstExceeded);
    if (performance.now() > this.deadline && !this.extendForTimeNotSpent()) this.fail(this.timeoutMessage());
  }

  /**
   * After the wall-clock deadline passed (or the watchdog interrupted the evaluation): whether the
   * evaluation has CPU time left because the process was waiting rather than computing; if so the
   * deadline moves to what is left and the caller goes on (or runs the evaluation again).
   */
  extendForTimeNotSpent(): boolean {
    const spent = process.cpuUsage(this.cpuAtStart);
    const left = this.limits.timeoutMs - (spent.user + spent.system) / 1000;
    if (left <= 0) return false;
    this.deadline = performance.now() + left;
    return true;
  }

  /**
   * The message for an error that ended the evaluation, when the error means a limit was
   * exceeded: one of the budget's own, the watchdog's interruption, a stack overflow after
   * function calls (deep recursion) or a string or list beyond what JavaScript can hold. `undefined` for other errors.
   */
  limitExceededBy(error: unknown): string | undefined {
    if (error instanceof FeelLimitExceeded) return error.message;
    if (this.firstExceeded !== undefined) return this.firstExceeded;
    if (error instanceof WatchdogTimeout) return this.timeoutMessage();
    if (!(error instanceof RangeError)) return undefined;
    // without a single function call, the stack overflowed on data (a cyclic or absurdly deep
    // variable), not on recursion: that is an evaluation failure, not a limit
    if (/call stack/i.test(error.message) && this.calls > 0) {
      return `Expected the expression '${this.expression}' to nest its function calls less deeply, but it exhausted the call stack (${error.message})`;
    }
    if (/invalid (string|array) length/i.test(error.message)) {
      return `Expected the expression '${this.expression}' to build strings of at most ${this.limits.maxStringLength} characters and lists of at most ${this.limits.maxListLength} elements, but it built one too large for memory (${error.message})`;
    }
    return undefined;
  }

  private timeoutMessage(): string {
    return `Expected the expression '${this.expression}' to finish within ${this.limits.timeoutMs} ms (the FEEL time limit), but it ran longer`;
  }

  /** Counts a function call and checks the deadline. */
  beforeCall(): void {
    this.calls++;
    this.tick();
  }

  /** Charges a range enumeration against the range and iteration limits, before it happens. */
  beforeEnumerating(range: FeelRange): void {
    this.tick();
    const size = rangeSize(range, this.limits.maxRange);
    if (size === undefined) return;
    if (size > this.limits.maxRange) {
      const has = size === Infinity ? 'never ends (its bounds are not a whole number of steps apart)' : `has ${size}`;
      this.fail(`Expected a range of at most ${this.limits.maxRange} elements, but the range ${String(range)} in the expression '${this.expression}' ${has}`);
    }
    this.charge(size);
  }

  /** Charges enumerated elements whose number was only known afterwards (character ranges). */
  charge(elements: number): void {
    this.iterations += elements;
    if (this.iterations > this.limits.maxIterations) {
      this.fail(
        `Expected the expression '${this.expression}' to enumerate at most ${this.limits.maxIterations} range elements in total, but nested or combined iterations enumerated ${this.iterations}`,
      );
    }
  }

  /** Fails when a value passed to or returned by a function is a string or list over its limit. */
  checkValue(value: unknown, role: 'argument' | 'result'): void {
    if (typeof value === 'string') {
      if (value.length > this.limits.maxStringLength) {
        this.fail(`Expected strings of at most ${this.limits.maxStringLength} characters, but a function in the expression '${this.expression}' ${role === 'argument' ? 'was given' : 'returned'} one of ${value.length}`);
      }
    } else if (Array.isArray(value) && value.length > this.limits.maxListLength) {
      this.fail(`Expected lists of at most ${this.limits.maxListLength} elements, but a function in the expression '${this.expression}' ${role === 'argument' ? 'was given' : 'returned'} one of ${value.length}`);
    }
  }

  /** Fails when a function is about to build a string longer than the limit (checked before building it). */
  checkStringToBuild(length: number): void {
    if (length > this.limits.maxStringLength) {
      this.fail(`Expected strings of at most ${this.limits.maxStringLength} characters, but a function in the expression '${this.expression}' would build one of ${length}`);
    }
  }

  /**
   * Fails when the result holds more characters of strings (context keys included) or more values
   * (list elements and context entries, at any depth) than the limits allow — the size the value
   * would have as a process variable, where shared parts count every time they occur. Stops
   * counting at the limit, so a huge result costs no more than a small one over the limit.
   */
  checkResult(value: unknown): void {
    const { maxStringLength, maxListLength } = this.limits;
    let characters = 0;
    let values = 0;
    const onPath = new Set<object>();
    const visit = (current: unknown): void => {
      if (typeof current === 'string') {
        characters += current.length;
        if (characters > maxStringLength) {
          this.fail(`Expected the result of the expression '${this.expression}' to hold at most ${maxStringLength} characters of text, but it holds more`);
        }
        return;
      }
      if (current === null || typeof current !== 'object' || onPath.has(current)) return; // a cycle is the JSON conversion's to report
      const isList = Array.isArray(current);
      const proto = Object.getPrototypeOf(current);
      if (!isList && proto !== Object.prototype && proto !== null) return; // temporal values, ranges, functions
      onPath.add(current);
      const entries = isList ? (current as unknown[]) : Object.entries(current);
      values += entries.length;
      if (values > maxListLength) {
        this.fail(`Expected the result of the expression '${this.expression}' to hold at most ${maxListLength} values (list elements and context entries), but it holds more`);
      }
      for (const entry of entries) {
        if (isList) visit(entry);
        else {
          const [key, item] = entry as [string, unknown];
          visit(key);
          visit(item);
        }
      }
      onPath.delete(current);
    };
    visit(value);
  }

  private fail(message: string): never {
    this.firstExceeded ??= message;
    throw new FeelLimitExceeded(this.firstExceeded);
  }
}

let current: EvaluationBudget | undefined;

/**
 * The budget of the evaluation feelin is running now, if any. feelin evaluates synchronously, so
 * at most one evaluation runs at a time on a thread; evaluations outside the FeelService (none
 * in Baton) run unbounded.
 */
export function currentBudget(): EvaluationBudget | undefined {
  return current;
}

/** Runs `evaluation` with `budget` as the current budget, restoring the previous one afterwards. */
export function runWithBudget<T>(budget: EvaluationBudget, evaluation: () => T): T {
  const previous = current;
  current = budget;
  try {
    return evaluation();
  } finally {
    current = previous;
  }
}
