import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { getInstanceHistory, type HistoryEvent } from '../../api/monitoring.api';
import { useApi } from '../../session/session.context';
import { formatDateTimeSeconds } from '../../ui/format-time';
import { MessageRegion } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { eventActor, eventDetail, eventLabel, isDetailEvent } from './history-text';

const PAGE = 100;

/**
 * The instance's audit log: every event with time, actor and the command that caused it, in
 * order, 50 at a time. While the instance runs, events that happen are appended (`revision`
 * changes whenever the page refreshed the instance).
 */
export function InstanceHistory({ processInstanceKey, elementNames, revision }: { processInstanceKey: string; elementNames: Map<string, string>; revision: number }) {
  const api = useApi();
  const [events, setEvents] = useState<HistoryEvent[]>([]);
  const [total, setTotal] = useState(0);
  const [nextFrom, setNextFrom] = useState<number | null>(1);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [everything, setEverything] = useState(false);
  const loaded = useRef(0);
  const shown = everything ? events : events.filter((event) => !isDetailEvent(event));

  /** Loads events from `from` on; `quietly` (the live refresh) shows no loading state. */
  const load = useCallback(
    async (from: number, quietly = false) => {
      if (!quietly) setLoading(true);
      try {
        const page = await getInstanceHistory(api, processInstanceKey, from, PAGE);
        setEvents((previous) => [...previous.filter((e) => e.position < from), ...page.items]);
        loaded.current = page.items.at(-1)?.position ?? from - 1;
        setTotal(page.page.totalItems);
        setNextFrom(page.page.nextFrom);
        setProblem(null);
      } catch (error) {
        setProblem(error instanceof ApiProblem ? error.detail : String(error));
      } finally {
        if (!quietly) setLoading(false);
      }
    },
    [api, processInstanceKey],
  );

  useEffect(() => {
    setEvents([]);
    loaded.current = 0;
    void load(1);
  }, [load]);

  // The page refreshed the instance: fetch what happened since, if everything so far is shown.
  useEffect(() => {
    if (revision > 0 && loaded.current > 0 && nextFrom === null) void load(loaded.current + 1, true);
  }, [revision]);

  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading" className="card-title">
        History
      </h2>
      <div className="history-toolbar">
        <p className="card-hint">The audit log: what happened, in order, and who caused it.</p>
        <label className="checkbox">
          <input type="checkbox" checked={everything} onChange={(event) => setEverything(event.target.checked)} />
          Every event (lifecycle steps, flows, variables, subscriptions)
        </label>
      </div>
      <MessageRegion message={problem ? { tone: 'error', text: problem } : null} />
      {shown.length > 0 && (
        <ol className="history-list" tabIndex={0} aria-label="Events">
          {shown.map((event) => (
            <li key={event.position} className="history-item">
              <span className="history-position" aria-hidden="true">
                {event.position}
              </span>
              <div className="history-body">
                <span className="history-event">{eventLabel(event)}</span>
                {event.elementId && <span className="history-element">{elementNames.get(event.elementId) ?? event.elementId}</span>}
                {eventDetail(event) && <span className="history-detail">{eventDetail(event)}</span>}
                <span className="history-meta">
                  <time dateTime={event.time}>{formatDateTimeSeconds(event.time)}</time> · {eventActor(event)} · <span className="mono">{event.command}</span>
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="history-footer">
        <span className="muted" role="status">
          {loading ? 'Loading events…' : `${shown.length} shown · ${events.length} of ${total} events loaded`}
        </span>
        {nextFrom !== null && !loading && events.length > 0 && (
          <button type="button" className="button button-secondary" onClick={() => void load(nextFrom)}>
            Show more
          </button>
        )}
        {loading && <Spinner />}
      </div>
    </section>
  );
}
