import type { ApiProblem } from '../../api/api-problem';
import type { UserTask } from '../../api/user-tasks.api';
import { Link } from '../../router/router';
import { formatDateTime, formatRelative } from '../../ui/format-time';
import { Spinner } from '../../ui/spinner';
import { AssigneePill, candidatesText, DueDate, ListenerBadge, PriorityBadge } from './task-badges';
import { formatTaskQuery, hasFilters, TASK_VIEWS, type TaskQuery, type TaskView } from './task-query';
import type { TaskListData } from './use-task-list';

export interface TaskListProps {
  query: TaskQuery;
  data: TaskListData | undefined;
  loading: boolean;
  problem: ApiProblem | null;
  username: string;
  /** The task shown next to (or instead of) the list, if any. */
  selectedKey: string | undefined;
  now: number;
  onShowMore: () => void;
}

/** The view switcher ("Assigned to me" (2), ...) as links, so each view has its own URL. */
export function TaskViewTabs({ query, counts }: { query: TaskQuery; counts: Record<TaskView, number> | undefined }) {
  return (
    <nav className="task-views" aria-label="Task views">
      <ul>
        {TASK_VIEWS.map(({ view, label, hint }) => {
          const current = query.view === view;
          return (
            <li key={view}>
              <Link
                to={`/tasks${formatTaskQuery({ ...query, view })}`}
                replace
                markCurrent={false}
                className="task-view-tab"
                aria-current={current ? 'page' : undefined}
                title={hint}
              >
                <span>{label}</span>
                <span className="task-view-count">
                  <span className="visually-hidden">, </span>
                  {counts ? counts[view] : '…'}
                  {counts && <span className="visually-hidden"> {counts[view] === 1 ? 'task' : 'tasks'}</span>}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The tasks of the current view: each a link to its detail, newest arrivals marked "New". */
export function TaskList({ query, data, loading, problem, username, selectedKey, now, onShowMore }: TaskListProps) {
  const hint = TASK_VIEWS.find((v) => v.view === query.view)!.hint;
  const search = formatTaskQuery(query);

  if (loading && !data) {
    return (
      <p className="page-loading" role="status">
        <Spinner /> Loading tasks…
      </p>
    );
  }
  if (!data) return null; // the page shows the problem

  if (data.tasks.length === 0) {
    return (
      <div className="task-list-empty">
        <p className="task-list-empty-title">{hasFilters(query) ? 'No tasks match these filters.' : emptyText(query.view)}</p>
        <p className="muted">{hint}</p>
      </div>
    );
  }

  return (
    <>
      <ul className="task-list" aria-label="Tasks" aria-busy={loading}>
        {data.tasks.map((task) => (
          <li key={task.userTaskKey}>
            <TaskListItem task={task} username={username} now={now} to={`/tasks/${task.userTaskKey}${search}`} selected={task.userTaskKey === selectedKey} arrived={data.arrived.has(task.userTaskKey)} />
          </li>
        ))}
      </ul>
      <p className="task-list-footer muted">
        {data.tasks.length < data.total ? (
          <>
            Showing {data.tasks.length} of {data.total}.{' '}
            <button type="button" className="link-button" onClick={onShowMore}>
              Show more
            </button>
          </>
        ) : (
          `${data.total} ${data.total === 1 ? 'task' : 'tasks'}`
        )}
        {problem && <span> · not refreshed: {problem.detail}</span>}
      </p>
    </>
  );
}

function emptyText(view: TaskView): string {
  if (view === 'assigned') return 'Nothing is assigned to you.';
  if (view === 'offered') return 'Nothing is offered to your groups right now.';
  if (view === 'done') return 'You have not completed any tasks yet.';
  return 'No open tasks for you.';
}

function TaskListItem({ task, username, now, to, selected, arrived }: { task: UserTask; username: string; now: number; to: string; selected: boolean; arrived: boolean }) {
  return (
    <Link to={to} className={`task-item${arrived ? ' task-item-arrived' : ''}`} markCurrent={false} aria-current={selected ? 'true' : undefined}>
      <span className="task-item-head">
        <span className="task-item-name">{task.name}</span>
        {arrived && <span className="badge badge-new">New</span>}
      </span>
      <span className="task-item-process">
        {task.processName ?? task.processDefinitionId}
        {task.businessId && <span className="task-item-business-id"> · {task.businessId}</span>}
      </span>
      <span className="task-item-meta">
        {task.state === 'COMPLETED' ? <span className="badge badge-done">{task.assignee === username ? 'Done by you' : `Done by ${task.assignee ?? 'someone'}`}</span> : <AssigneePill task={task} username={username} />}
        <ListenerBadge state={task.state} />
        <PriorityBadge priority={task.priority} />
        {task.dueDate && <DueDate iso={task.dueDate} now={now} />}
      </span>
      <span className="task-item-foot muted">
        <span>Offered to {candidatesText(task)}</span>
        {task.completionDate ? (
          <time dateTime={task.completionDate} title={formatDateTime(task.completionDate)}>
            Completed {formatRelative(task.completionDate, now)}
          </time>
        ) : (
          <time dateTime={task.creationDate} title={formatDateTime(task.creationDate)}>
            Created {formatRelative(task.creationDate, now)}
          </time>
        )}
      </span>
    </Link>
  );
}
