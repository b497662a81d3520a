import { LISTENER_STATES, type ListenerState, type UserTask } from '../../api/user-tasks.api';
import { formatDate, formatDateTime, formatRelative } from '../../ui/format-time';
import { priorityBand } from './task-query';

/** "High · 70" as a coloured badge. */
export function PriorityBadge({ priority }: { priority: number }) {
  const band = priorityBand(priority);
  return (
    <span className={`badge priority-badge priority-${band.value}`} title={`Priority ${priority} of 100`}>
      {band.label}
      <span className="visually-hidden"> priority</span> · {priority}
    </span>
  );
}

/** Who holds the task, from the viewer's side: "Assigned to you", "Claimed by frank", "Unassigned". */
export function assigneeText(task: Pick<UserTask, 'assignee' | 'state'>, username: string): string {
  if (!task.assignee) return 'Unassigned';
  if (task.assignee === username) return 'Assigned to you';
  return `Claimed by ${task.assignee}`;
}

/** The assignee as a small status pill; a colleague's claim stands out. */
export function AssigneePill({ task, username }: { task: Pick<UserTask, 'assignee' | 'state'>; username: string }) {
  const tone = !task.assignee ? 'open' : task.assignee === username ? 'mine' : 'other';
  return <span className={`assignee-pill assignee-${tone}`}>{assigneeText(task, username)}</span>;
}

/** Who the task is offered to: "managers, sales · mia". */
export function candidatesText(task: Pick<UserTask, 'candidateGroups' | 'candidateUsers'>): string {
  const parts = [task.candidateGroups.join(', '), task.candidateUsers.join(', ')].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'everyone';
}

/** "Due in 2 days" / "Overdue by 3 hours" with the exact date as a tooltip; red when overdue. */
export function DueDate({ iso, now }: { iso: string; now: number }) {
  const overdue = Date.parse(iso) < now;
  const relative = formatRelative(iso, now);
  return (
    <time dateTime={iso} className={overdue ? 'due-date due-overdue' : 'due-date'} title={formatDateTime(iso)}>
      {overdue ? `Overdue, was due ${relative}` : `Due ${relative}`}
    </time>
  );
}

/** "Nov 21, 2026" for a date, or an em dash for none. */
export function dateOrDash(iso: string | undefined): string {
  return iso ? formatDate(iso) : '—';
}

const LISTENER_WORDS: Record<ListenerState, string> = {
  CREATING: 'creation',
  ASSIGNING: 'assignment',
  UPDATING: 'update',
  COMPLETING: 'completion',
  CANCELING: 'cancellation',
};

/** "Checking completion…": the task waits for its task listeners (docs/listeners.md); nothing while it does not. */
export function ListenerBadge({ state }: { state: UserTask['state'] }) {
  if (!(LISTENER_STATES as readonly string[]).includes(state)) return null;
  const word = LISTENER_WORDS[state as ListenerState];
  return (
    <span className="badge badge-listener" data-state={state} title={`Task listeners are checking the ${word} of this task; it can be worked on again once they are done`}>
      Checking {word}…
    </span>
  );
}
