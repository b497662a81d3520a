import { createContext, Script } from 'node:vm';

/** Thrown by {@link runWithWatchdog} when the work ran past its time and was interrupted. */
export class WatchdogTimeout extends Error {
  override readonly name = 'WatchdogTimeout';
}

interface Slot {
  work: (() => unknown) | undefined;
}

const slot: Slot = createContext({ work: undefined }) as Slot;
const callWork = new Script('work()', { filename: 'baton-feel-watchdog.js' });

/**
 * Runs synchronous work and interrupts it after `timeoutMs`, wherever it is — in a tight loop of
 * feelin's, in a regular expression that backtracks catastrophically, or in a quadratic built-in —
 * none of which pass through a place where the evaluation budget could check its deadline.
 *
 * This is Node's own mechanism (`vm` `timeout`): a watchdog thread terminates JavaScript execution
 * of the isolate when the time is up, and Node turns that into an exception at the boundary of the
 * `vm` call; the work's own `finally` blocks do not run, so callers keep their state outside it.
 * The work runs in this realm (only the one-line trampoline runs in a separate context), so values
 * and errors are ordinary. Arming the watchdog starts a thread: about 0.1 ms alone, 0.2–0.6 ms added to an evaluation on a
 * busy 2-core machine (`bench/feel-evaluation.ts`), which is why the
 * FeelService only uses it for expressions that can run long (`expression-risk.ts`).
 */
export function runWithWatchdog<T>(timeoutMs: number, work: () => T): T {
  const previous = slot.work;
  slot.work = work;
  try {
    return callWork.runInContext(slot, { timeout: Math.max(1, Math.ceil(timeoutMs)) }) as T;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new WatchdogTimeout(`interrupted after ${timeoutMs} ms`);
    throw error;
  } finally {
    slot.work = previous;
  }
}
