import type { InstanceWait } from '../../api/events.api';

/**
 * Short texts for what an element waits for, as the instance page's "Waiting for" list and the
 * diagram's badges say them: "message payment-received · key order-42", "signal order-cancelled",
 * "timer due 14:05", "condition amount > 1000".
 */
export function waitText(wait: InstanceWait, now: Date = new Date()): string {
  switch (wait.kind) {
    case 'message':
      return `message ${wait.messageName ?? ''}${wait.correlationKey ? ` · key ${wait.correlationKey}` : ''}`;
    case 'signal':
      return `signal ${wait.signalName ?? ''}`;
    case 'timer':
      return `timer due ${wait.dueDate ? dueText(wait.dueDate, now) : 'unknown'}${wait.cycle ? ` · cycle ${wait.cycle}` : ''}`;
    case 'conditional':
      return `condition ${wait.condition ?? ''}`;
  }
}

/** "14:05" today, "Mar 2, 14:05" on another day (the browser's locale and time zone). */
export function dueText(iso: string, now: Date): string {
  const due = new Date(iso);
  const sameDay = due.getFullYear() === now.getFullYear() && due.getMonth() === now.getMonth() && due.getDate() === now.getDate();
  const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(undefined, sameDay ? time : { ...time, month: 'short', day: 'numeric' }).format(due);
}

/** "Interrupting" or "Non-interrupting": what triggering it does to the element (or scope). */
export function interruptingText(wait: InstanceWait): string {
  return wait.interrupting ? 'interrupting' : 'non-interrupting';
}

/** The waits grouped by catching element (one diagram badge each), in their order. */
export function waitsByCatchElement(waits: readonly InstanceWait[]): Map<string, InstanceWait[]> {
  const byElement = new Map<string, InstanceWait[]>();
  for (const wait of waits) byElement.set(wait.catchElementId, [...(byElement.get(wait.catchElementId) ?? []), wait]);
  return byElement;
}
