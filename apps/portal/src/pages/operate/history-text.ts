import type { HistoryEvent } from '../../api/monitoring.api';

/**
 * How the instance history says an audit event: a label ("Message correlated"), the one fact
 * worth showing inline ("payment-received · key order-42"), who or what caused it, and whether it
 * is a detail shown only with "every event".
 */

/** Steps inside a step (lifecycle transitions), flows, variable writes and subscriptions: shown only with "every event". */
const DETAIL_EVENTS = new Set([
  'ELEMENT_ACTIVATING',
  'ELEMENT_COMPLETING',
  'ELEMENT_TERMINATING',
  'SEQUENCE_FLOW_TAKEN',
  'VARIABLE_CREATED',
  'VARIABLE_UPDATED',
  'JOIN_TOKENS_DISCARDED',
  'MULTI_INSTANCE_UPDATED',
  'SUBSCRIPTION_OPENED',
  'SUBSCRIPTION_CLOSED',
  'CONDITION_EVALUATED',
  'TIMER_CREATED',
  'TIMER_CANCELED',
]);

/** Labels that say more than the event type read aloud. */
const LABELS: Record<string, string> = {
  MESSAGE_CORRELATED: 'Message correlated',
  SIGNAL_CAUGHT: 'Signal broadcast received',
  SIGNAL_THROWN: 'Signal thrown',
  ESCALATION_CAUGHT: 'Escalation caught',
  ESCALATION_NOT_CAUGHT: 'Escalation thrown, nothing caught it',
  ESCALATION_ESCALATED_TO_PARENT: 'Escalation passed to the calling instance',
  ERROR_CAUGHT: 'Error caught',
  TIMER_CREATED: 'Timer scheduled',
  TIMER_TRIGGERED: 'Timer fired',
  TIMER_CANCELED: 'Timer canceled',
  CONDITION_TRIGGERED: 'Condition triggered',
  CONDITION_EVALUATED: 'Condition evaluated',
  SUBSCRIPTION_OPENED: 'Subscription opened',
  SUBSCRIPTION_CLOSED: 'Subscription closed',
};

/** An event subprocess's scope: its activation is the moment the event subprocess started. */
const EVENT_SUB_PROCESS = 'bpmn:EventSubProcess';

function isEventSubprocessStart(event: HistoryEvent): boolean {
  return event.eventType === 'ELEMENT_ACTIVATING' && event.details.elementType === EVENT_SUB_PROCESS;
}

/** True for the events shown only with "every event". */
export function isDetailEvent(event: HistoryEvent): boolean {
  return DETAIL_EVENTS.has(event.eventType) && !isEventSubprocessStart(event);
}

/** "Message correlated" for MESSAGE_CORRELATED, "Element completed" for ELEMENT_COMPLETED. */
export function eventLabel(event: HistoryEvent): string {
  if (isEventSubprocessStart(event)) return 'Event subprocess started';
  const label = LABELS[event.eventType];
  if (label) return label;
  const text = event.eventType.toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The one fact worth showing inline: a message's name and key, a signal, a code, a variable's name, an error, an assignee. */
export function eventDetail(event: HistoryEvent): string | null {
  const d = event.details;
  const text = (key: string): string | null => (typeof d[key] === 'string' && d[key] !== '' ? (d[key] as string) : null);
  switch (event.eventType) {
    case 'MESSAGE_CORRELATED':
      return withVariables(`${text('messageName') ?? ''}${text('correlationKey') ? ` · key ${text('correlationKey')}` : ''}`, d.variableNames);
    case 'SIGNAL_CAUGHT':
      return withVariables(text('signalName') ?? '', d.variableNames);
    case 'SIGNAL_THROWN':
      return text('signalName');
    case 'ESCALATION_CAUGHT':
      return `code ${text('escalationCode') ?? ''}${d.interrupting === false ? ' · non-interrupting' : ''}`;
    case 'ESCALATION_NOT_CAUGHT':
    case 'ESCALATION_ESCALATED_TO_PARENT':
      return `code ${text('escalationCode') ?? ''}`;
    case 'ERROR_CAUGHT':
      return `code ${text('errorCode') ?? ''}${text('errorMessage') ? ` · ${text('errorMessage')}` : ''}`;
    case 'CONDITION_EVALUATED':
      return d.conditionMet === true ? 'holds' : 'does not hold';
    case 'TIMER_CREATED':
      return timerDetail(d.timer);
    case 'SUBSCRIPTION_OPENED':
      return subscriptionDetail(d.subscription);
  }
  if (text('errorMessage')) return text('errorMessage');
  if (typeof d.name === 'string' && event.eventType.startsWith('VARIABLE')) return d.name;
  if (typeof d.assignee === 'string') return `to ${d.assignee}`;
  if (event.eventType === 'JOB_RETRIES_UPDATED' && typeof d.retries === 'number') return `${d.retries} ${d.retries === 1 ? 'retry' : 'retries'}`;
  if (event.eventType === 'USER_TASK_ASSIGNED' && d.assignee === null) return 'unassigned';
  return null;
}

/** Who or what caused it: "by demo", "by the engine" (timers, conditions and other things the engine does by itself). */
export function eventActor(event: HistoryEvent): string {
  return event.actor === 'system' ? 'by the engine' : `by ${event.actor}`;
}

function withVariables(text: string, names: unknown): string {
  if (!Array.isArray(names) || names.length === 0) return text;
  return `${text} · with ${names.join(', ')}`;
}

function timerDetail(timer: unknown): string | null {
  if (typeof timer !== 'object' || timer === null) return null;
  const { dueDate, cycle } = timer as { dueDate?: unknown; cycle?: { expression?: unknown } };
  if (typeof dueDate !== 'string') return null;
  return `due ${dueDate}${cycle && typeof cycle.expression === 'string' ? ` · cycle ${cycle.expression}` : ''}`;
}

function subscriptionDetail(subscription: unknown): string | null {
  if (typeof subscription !== 'object' || subscription === null) return null;
  const { kind, name, correlationKey } = subscription as { kind?: unknown; name?: unknown; correlationKey?: unknown };
  if (kind === 'message') return `message ${String(name)}${typeof correlationKey === 'string' && correlationKey ? ` · key ${correlationKey}` : ''}`;
  if (kind === 'signal') return `signal ${String(name)}`;
  if (kind === 'conditional') return 'condition';
  return null;
}
