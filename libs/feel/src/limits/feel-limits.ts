/**
 * Bounds on one FEEL evaluation. Expressions come from models (analysts) and their inputs from
 * variables (employees, other systems); without bounds `count(for x in 1..n return x)` with
 * `n = 1e9` blocks the engine for a minute and then exhausts its heap. An evaluation that
 * exceeds a bound is a `FEEL_LIMIT_EXCEEDED` failure, which the engine turns into an incident.
 * See README.md ("Limits") for what each bound covers and what it does not.
 */
export interface FeelLimits {
  /**
   * Wall-clock milliseconds one evaluation may take, parsing included. Checked on every function
   * call and range enumeration; expressions that can loop without calling a function (iteration,
   * filters, regular expressions, quadratic list functions) additionally run under a watchdog
   * that interrupts them (see `watchdog.ts`).
   *
   * Wall-clock, so time the process waits for a CPU counts too: on a busy machine 10 ms of work
   * was seen to take over 100 ms, and a cold first evaluation with a time zone 80–250 ms. 500 ms
   * keeps legitimate expressions clear of that while still stopping a runaway one within half a
   * second (a range of 100000 elements, the default `maxRange`, takes about 300 ms in feelin).
   * @default 500
   */
  timeoutMs: number;
  /** Elements one range may enumerate (`for x in 1..n`, `some x in 1..n satisfies ...`). @default 100000 */
  maxRange: number;
  /**
   * Range elements one evaluation may enumerate in total: nested iterations and cartesian
   * products (`for x in 1..1000, y in 1..1000`) enumerate ranges many times.
   * @default 1000000
   */
  maxIterations: number;
  /**
   * Characters of the longest string a function may take or return, and of all strings (and
   * context keys) in the result together.
   * @default 4194304 (4 Mi, the default largest request body)
   */
  maxStringLength: number;
  /**
   * Elements of the longest list a function may take or return, and the values (list elements and
   * context entries, at any depth) in the result together.
   * @default 1000000
   */
  maxListLength: number;
}

/** The bounds used when neither the service nor the call sets them. */
export const DEFAULT_FEEL_LIMITS: Readonly<FeelLimits> = Object.freeze({
  timeoutMs: 500,
  maxRange: 100_000,
  maxIterations: 1_000_000,
  maxStringLength: 4 * 1024 * 1024,
  maxListLength: 1_000_000,
});

/** The longest time limit: an evaluation that needs a minute is a mistake, and the watchdog takes 32-bit milliseconds. */
export const MAX_TIMEOUT_MS = 60_000;

const LIMIT_NAMES = Object.keys(DEFAULT_FEEL_LIMITS) as (keyof FeelLimits)[];

/**
 * The effective limits: each given value overrides the one before it. Every limit must be a
 * positive integer (`timeoutMs` at most {@link MAX_TIMEOUT_MS}); anything else throws an Error naming the option (a programming or
 * configuration mistake, never input from a model).
 */
export function resolveFeelLimits(...layers: (Partial<FeelLimits> | undefined)[]): FeelLimits {
  const resolved: FeelLimits = { ...DEFAULT_FEEL_LIMITS };
  for (const layer of layers) {
    if (layer === undefined) continue;
    for (const name of LIMIT_NAMES) {
      const value = layer[name];
      if (value === undefined) continue;
      if (!Number.isSafeInteger(value) || value < 1) {
        throw new Error(`Expected the FEEL limit '${name}' to be a positive integer, but was '${String(value)}'`);
      }
      if (name === 'timeoutMs' && value > MAX_TIMEOUT_MS) {
        throw new Error(`Expected the FEEL limit 'timeoutMs' to be at most ${MAX_TIMEOUT_MS} (${MAX_TIMEOUT_MS / 1000} s), but was '${value}'`);
      }
      resolved[name] = value;
    }
  }
  return resolved;
}
