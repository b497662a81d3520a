/**
 * Compensation as the Operate pages show it, read from the instance's audit log: which
 * compensation handlers ran, in what order (across all compensation throw events of the
 * instance), and which one still runs (its throw event waits for it).
 */
import type { ApiClient } from '../../api/api-client';
import { getInstanceHistory, type HistoryEvent } from '../../api/monitoring.api';

/** One run of a compensation handler. */
export interface CompensationMark {
  /** The handler activity (what the diagram marks). */
  handlerElementId: string;
  /** The activity it undoes. */
  compensatedElementId: string;
  /** 1 for the first handler the instance started, 2 for the next, ... */
  order: number;
  /** False while it runs: its compensation throw event waits for it. */
  done: boolean;
}

const COMPENSATION_EVENTS = new Set(['COMPENSATION_TRIGGERED', 'COMPENSATION_HANDLER_ACTIVATED', 'COMPENSATION_HANDLER_COMPLETED', 'TRANSACTION_CANCELED']);

/** The handler runs recorded in these events, in the order they started. */
export function compensationMarks(events: readonly HistoryEvent[]): CompensationMark[] {
  const marks = new Map<string, CompensationMark>();
  for (const event of events) {
    const key = String(event.details.compensationKey ?? '');
    if (event.eventType === 'COMPENSATION_HANDLER_ACTIVATED') {
      marks.set(key, { handlerElementId: String(event.details.handlerElementId), compensatedElementId: String(event.elementId ?? ''), order: marks.size + 1, done: false });
    } else if (event.eventType === 'COMPENSATION_HANDLER_COMPLETED') {
      const mark = marks.get(key);
      if (mark) mark.done = true;
    }
  }
  return [...marks.values()];
}

/** A readable line for a compensation event of the history, or null for other events. */
export function describeCompensationEvent(event: HistoryEvent): string | null {
  const d = event.details;
  switch (event.eventType) {
    case 'COMPENSATION_SUBSCRIBED':
      return 'completed: can be compensated';
    case 'COMPENSATION_TRIGGERED':
      return d.handlerElementId ? `to be undone by ${String(d.handlerElementId)} (#${String(d.ordinal)} of its throw event)` : 'to be undone: what completed inside it';
    case 'COMPENSATION_HANDLER_ACTIVATED':
      return `${String(d.handlerElementId)} started (#${String(d.ordinal)})`;
    case 'COMPENSATION_HANDLER_COMPLETED':
      return `${String(d.handlerElementId)} completed: undone (#${String(d.ordinal)})`;
    case 'TRANSACTION_CANCELED':
      return `cancelled by ${String(d.cancelElementInstanceKey)}, continues at ${String(d.boundaryElementId)}`;
    default:
      return null;
  }
}

/** Reads the compensation events of an instance's whole audit log (page by page). */
export async function loadCompensationMarks(api: ApiClient, processInstanceKey: string, signal?: AbortSignal): Promise<CompensationMark[]> {
  const events: HistoryEvent[] = [];
  for (let from: number | null = 1; from !== null; ) {
    const page = await getInstanceHistory(api, processInstanceKey, from, 1000, signal);
    events.push(...page.items.filter((event) => COMPENSATION_EVENTS.has(event.eventType)));
    from = page.page.nextFrom;
  }
  return compensationMarks(events);
}
