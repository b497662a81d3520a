import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/api-problem';

/** What {@link usePolledQuery} returns. */
export interface PolledQuery<T> {
  /** The latest answer; kept while a refresh runs or after a refresh failed. */
  data: T | undefined;
  /** The last refresh's problem, cleared by the next success. */
  problem: ApiProblem | null;
  /** True until the first answer (or problem) for the current key. */
  loading: boolean;
  /** Fetches now (after an action), without waiting for the next tick. */
  refresh: () => void;
}

/** Options of {@link usePolledQuery}. */
export interface PolledQueryOptions {
  /** Time between refreshes while the page is visible; 0 or less: fetch once. @default 5000 */
  intervalMs?: number;
  /** Fetch at all (e.g. only once a parameter is known). @default true */
  enabled?: boolean;
}

/**
 * Fetches `load` now and again every `intervalMs` while the browser tab is visible: the portal's
 * live refresh (docs/portal.md explains why polling rather than server-sent events). A hidden tab
 * does not poll; it fetches at once when it becomes visible again. A new `key` (the query's
 * parameters, as a string) starts over with an immediate fetch and aborts the previous one;
 * answers to an old key are dropped. Failures keep the last data and are reported as `problem`.
 */
export function usePolledQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>, options: PolledQueryOptions = {}): PolledQuery<T> {
  const { intervalMs = 5000, enabled = true } = options;
  const [state, setState] = useState<{ key: string; data: T | undefined; problem: ApiProblem | null; loading: boolean }>({
    key,
    data: undefined,
    problem: null,
    loading: enabled,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  const fetchNow = useRef<() => void>(() => undefined);

  // A new key shows "loading" again rather than the previous key's data.
  if (state.key !== key) setState({ key, data: undefined, problem: null, loading: enabled });

  useEffect(() => {
    if (!enabled) return;
    let controller: AbortController | null = null;
    let timer: number | undefined;
    let disposed = false;

    const schedule = () => {
      window.clearTimeout(timer);
      if (intervalMs > 0 && document.visibilityState === 'visible') timer = window.setTimeout(run, intervalMs);
    };
    const run = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      loadRef.current(current.signal).then(
        (data) => {
          if (disposed || current.signal.aborted) return;
          setState({ key, data, problem: null, loading: false });
          schedule();
        },
        (error: unknown) => {
          if (disposed || current.signal.aborted) return;
          const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'Unexpected error', String(error), 'CLIENT.UNEXPECTED');
          setState((previous) => ({ ...previous, key, problem, loading: false }));
          schedule();
        },
      );
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') run();
      else window.clearTimeout(timer);
    };

    fetchNow.current = run;
    run();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      disposed = true;
      controller?.abort();
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [key, intervalMs, enabled]);

  const refresh = useCallback(() => fetchNow.current(), []);
  const current = state.key === key ? state : { data: undefined, problem: null, loading: enabled };
  return { data: current.data, problem: current.problem, loading: current.loading, refresh };
}
