import { readFileSync } from 'node:fs';

/** The signals that ask a Baton process to stop: Ctrl-C, a process manager, a closed terminal. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Options of {@link onStopRequest}. */
export interface StopRequestOptions {
  /**
   * Also stop when the process that started this one is gone: the IPC channel of a child started
   * by `npm start`'s launcher closes, or (for the launcher itself) its parent `npm` died without
   * forwarding a signal (npm forwards SIGINT and SIGTERM only, and not when it is SIGKILLed).
   * @default false
   */
  watchParent?: boolean;
  /** How often the parent is looked for, in ms. @default 1000 */
  parentPollMs?: number;
}

/**
 * Calls `stop` once, with the reason, on the first of SIGINT, SIGTERM or SIGHUP (later signals
 * are ignored, so a signal sent both to the process group and by the launcher does not kill a
 * process in the middle of its clean shutdown) and, with `watchParent`, when the parent is gone.
 */
export function onStopRequest(stop: (reason: string) => void, options: StopRequestOptions = {}): void {
  let requested = false;
  const request = (reason: string) => {
    if (requested) return;
    requested = true;
    stop(reason);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => request(signal));
  if (!options.watchParent) return;
  if (process.connected) process.once('disconnect', () => request('parent process exited'));
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (!parentAlive(parent)) {
      clearInterval(timer);
      request('parent process exited');
    }
  }, options.parentPollMs ?? 1000);
  timer.unref();
}

/** Whether `pid` is still this process's parent (Linux: /proc; elsewhere: whether it exists). */
function parentAlive(pid: number): boolean {
  try {
    // Field 4 of /proc/self/stat is the current parent; an orphan is adopted by init or a subreaper.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}
