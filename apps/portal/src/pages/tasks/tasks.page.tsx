import { useCallback, useEffect, useMemo, useState } from 'react';
import { latestProcessDefinitions, type ProcessDefinition } from '../../api/process-definitions.api';
import type { PageProps } from '../../route-table';
import { useLocation, useNavigate } from '../../router/router';
import { useApi, useSignedIn } from '../../session/session.context';
import { useNow } from '../../ui/hooks';
import { MessageRegion } from '../../ui/message-region';
import { TaskDetail } from './task-detail';
import { TaskFilters } from './task-filters';
import { TaskList, TaskViewTabs } from './task-list';
import { formatTaskQuery, parseTaskQuery, TASK_VIEWS, type TaskQuery } from './task-query';
import { useTaskList } from './use-task-list';

/** Tasks shown per "page" of the list; "Show more" adds as many again. */
const PAGE_SIZE = 50;

/**
 * `/tasks` and `/tasks/:userTaskKey`: the task list (three views, filters, sort, live refresh)
 * and the selected task. Wide screens show both side by side; on a phone the list and the task
 * are separate screens (the task has a link back). View and filters live in the URL.
 */
export function TasksPage({ params }: PageProps) {
  const api = useApi();
  const { user } = useSignedIn();
  const location = useLocation();
  const navigate = useNavigate();
  const query = useMemo(() => parseTaskQuery(location.search), [location.search]);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [processes, setProcesses] = useState<ProcessDefinition[]>([]);
  const now = useNow(15_000);
  const selectedKey = params.userTaskKey;
  const list = useTaskList(api, query, user.username, limit);
  const search = formatTaskQuery(query);

  // Another view or filter starts again at the first page.
  useEffect(() => setLimit(PAGE_SIZE), [search]);

  useEffect(() => {
    const controller = new AbortController();
    latestProcessDefinitions(api, {}, controller.signal).then(setProcesses, () => undefined);
    return () => controller.abort();
  }, [api]);

  const changeQuery = useCallback((next: TaskQuery) => navigate(`${location.pathname}${formatTaskQuery(next)}`, { replace: true }), [navigate, location.pathname]);
  const view = TASK_VIEWS.find((v) => v.view === query.view)!;

  return (
    <div className={`tasks-page${selectedKey ? ' tasks-page-with-task' : ''}`}>
      <section className="tasks-list-pane" aria-labelledby="tasks-heading">
        <div className="tasks-heading-row">
          <h1 id="tasks-heading" className="page-title" tabIndex={-1} data-page-heading={selectedKey ? undefined : ''}>
            Tasks
          </h1>
          <p className="tasks-refresh-note muted">Updates by itself</p>
        </div>
        <TaskViewTabs query={query} counts={list.data?.counts} />
        <p className="tasks-view-hint muted">{view.hint}</p>
        <TaskFilters query={query} onChange={changeQuery} processes={processes} />
        {list.problem && !list.data && <MessageRegion message={{ tone: 'error', text: list.problem.detail }} />}
        <TaskList
          query={query}
          data={list.data}
          loading={list.loading}
          problem={list.problem}
          username={user.username}
          selectedKey={selectedKey}
          now={now}
          onShowMore={() => setLimit((value) => value + PAGE_SIZE)}
        />
        <ArrivalAnnouncer count={list.data?.arrived.size ?? 0} />
      </section>
      <div className="tasks-detail-pane" data-page-heading={selectedKey ? '' : undefined} tabIndex={selectedKey ? -1 : undefined}>
        {selectedKey ? (
          <TaskDetail key={selectedKey} userTaskKey={selectedKey} listPath={`/tasks${search}`} onChanged={list.refresh} now={now} />
        ) : (
          <div className="tasks-detail-placeholder">
            <p>Pick a task to see its details and form.</p>
          </div>
        )}
      </div>
    </div>
  );
}

/** Tells screen-reader users politely when tasks arrive in the list by themselves. */
function ArrivalAnnouncer({ count }: { count: number }) {
  return (
    <p className="visually-hidden" aria-live="polite">
      {count > 0 ? `${count} new ${count === 1 ? 'task' : 'tasks'} in the list.` : ''}
    </p>
  );
}
