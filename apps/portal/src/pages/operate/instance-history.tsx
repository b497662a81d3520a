import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { getInstanceHistory, type HistoryEvent } from '../../api/monitoring.api';
import { useApi } from '../../session/session.context';
import { formatDateTime } from '../../ui/format-time';
import { MessageRegion } from '../../ui/message-region';
import { describeCompensationEvent } from './compensation-marks';
import { Spinner } from '../../ui/spinner';

const PAGE = 100;

/** Steps inside a step (lifecycle transitions), flows and variable writes: shown only with "every event". */
const DETAIL_EVENTS = new Set([
  'ELEMENT_ACTIVATING',
  'ELEMENT_COMPLETING',
  'ELEMENT_TERMINATING',
  'SEQUENCE_FLOW_TAKEN',
  'VARIABLE_CREATED',
  'VARIABLE_UPDATED',
  'JOIN_TOKENS_DISCARDED',
  'MULTI_INSTANCE_UPDATED',
]);

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
  const shown = everything ? events : events.filter((event) => !DETAIL_EVENTS.has(event.eventType));

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
          Every event (lifecycle steps, flows, variables)
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
                  <time dateTime={event.time}>{formatDateTime(event.time)}</time> · {event.actor} · <span className="mono">{event.command}</span>
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

/** The one fact worth showing inline: a variable's name, an error, an assignee. */
function eventDetail(event: HistoryEvent): string | null {
  const d = event.details;
  const compensation = describeCompensationEvent(event);
  if (compensation) return compensation;
  if (typeof d.errorMessage === 'string' && d.errorMessage) return d.errorMessage;
  if (typeof d.name === 'string' && event.eventType.startsWith('VARIABLE')) return d.name;
  if (typeof d.assignee === 'string') return `to ${d.assignee}`;
  if (event.eventType === 'JOB_RETRIES_UPDATED' && typeof d.retries === 'number') return `${d.retries} ${d.retries === 1 ? 'retry' : 'retries'}`;
  if (event.eventType === 'USER_TASK_ASSIGNED' && d.assignee === null) return 'unassigned';
  return null;
}

/** "Element completed" from ELEMENT_COMPLETED. */
function eventLabel(event: HistoryEvent): string {
  const text = event.eventType.toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
