import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { ApiProblem } from '../../api/api-problem';
import type { CurrentUser } from '../../api/authentication.api';
import { latestProcessDefinitions, processLabel, type ProcessDefinition } from '../../api/process-definitions.api';
import { OPEN_TASK_STATES, searchUserTasks, type UserTaskFilter } from '../../api/user-tasks.api';
import { ROUTE_TABLE } from '../../route-table';
import { Link } from '../../router/router';
import { useApi } from '../../session/session.context';
import { canOpenRoute } from '../../ui/route-access';
import { Spinner } from '../../ui/spinner';

/** Paths with a card of their own; every other nav page gets a plain link card. */
const OWN_CARDS = new Set(['/', '/tasks', '/start']);

/**
 * The home page's "What you can do": the user's open tasks (counts that link to the views), the
 * processes they can start, and a card for every other page the route table gives them — so a
 * page that does not exist (or that their role does not open) is never linked.
 */
export function WhatYouCanDo({ user }: { user: CurrentUser }) {
  const more = ROUTE_TABLE.filter((route) => route.nav && route.access === 'signed-in' && !OWN_CARDS.has(route.path) && canOpenRoute(route.path, user));

  return (
    <section className="home-actions" aria-labelledby="home-actions-heading">
      <h2 id="home-actions-heading" className="section-title">
        What you can do
      </h2>
      <div className="action-grid">
        {canOpenRoute('/tasks', user) && <TasksCard username={user.username} />}
        {canOpenRoute('/start', user) && <StartCard />}
        {more.map((route) => (
          <Link key={route.path} to={route.path} className="card action-card action-card-link" markCurrent={false}>
            <span className="action-card-title">{route.nav}</span>
            {route.summary && <span className="action-card-text muted">{route.summary}</span>}
            <span className="action-card-cta" aria-hidden="true">
              Open {route.nav} →
            </span>
          </Link>
        ))}
      </div>
    </section>
  );
}

interface TaskCounts {
  assigned: number;
  overdue: number;
  offeredUnclaimed: number;
}

async function countTasks(api: ApiClient, filter: UserTaskFilter, signal: AbortSignal): Promise<number> {
  // open tasks as the task list shows them: CREATED, or in a transition its listeners hold
  return (await searchUserTasks(api, { filter: { state: { $in: OPEN_TASK_STATES }, ...filter }, page: { limit: 1 } }, signal)).page.totalItems;
}

function TasksCard({ username }: { username: string }) {
  const api = useApi();
  const [counts, setCounts] = useState<TaskCounts | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    Promise.all([
      countTasks(api, { assignee: username }, signal),
      countTasks(api, { assignee: username, dueDate: { $lt: new Date().toISOString() } }, signal),
      countTasks(api, { offeredToMe: true, assignee: { $exists: false } }, signal),
    ]).then(
      ([assigned, overdue, offeredUnclaimed]) => setCounts({ assigned, overdue, offeredUnclaimed }),
      (error: unknown) => {
        if (!signal.aborted) setProblem(error instanceof ApiProblem ? error.detail : String(error));
      },
    );
    return () => controller.abort();
  }, [api, username]);

  return (
    <section className="card action-card" aria-labelledby="home-tasks-heading">
      <h3 id="home-tasks-heading" className="action-card-title">
        Your tasks
      </h3>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {!counts && !problem && (
        <p className="page-loading" role="status">
          <Spinner /> Counting…
        </p>
      )}
      {counts && (
        <ul className="count-list">
          <li>
            <Link to="/tasks?view=assigned" markCurrent={false}>
              <strong className="count-number">{counts.assigned}</strong> assigned to you
            </Link>
            {counts.overdue > 0 && (
              <Link to="/tasks?view=assigned&due=overdue" className="count-overdue" markCurrent={false}>
                {counts.overdue} overdue
              </Link>
            )}
          </li>
          <li>
            <Link to="/tasks?view=offered" markCurrent={false}>
              <strong className="count-number">{counts.offeredUnclaimed}</strong> waiting for your groups, unclaimed
            </Link>
          </li>
        </ul>
      )}
      <Link to="/tasks" className="button button-secondary action-card-button" markCurrent={false}>
        Open tasks
      </Link>
    </section>
  );
}

function StartCard() {
  const api = useApi();
  const [processes, setProcesses] = useState<ProcessDefinition[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    latestProcessDefinitions(api, { hasNoneStartEvent: true }, controller.signal).then(setProcesses, (error: unknown) => {
      if (!controller.signal.aborted) setProblem(error instanceof ApiProblem ? error.detail : String(error));
    });
    return () => controller.abort();
  }, [api]);

  return (
    <section className="card action-card" aria-labelledby="home-start-heading">
      <h3 id="home-start-heading" className="action-card-title">
        Start a process
      </h3>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {!processes && !problem && (
        <p className="page-loading" role="status">
          <Spinner /> Loading…
        </p>
      )}
      {processes && processes.length === 0 && <p className="muted">No process to start yet.</p>}
      {processes && processes.length > 0 && (
        <ul className="quick-start-list" aria-label="Quick start">
          {processes.slice(0, 3).map((process) => (
            <li key={process.processDefinitionKey}>
              <Link to={`/start/${process.processDefinitionKey}`} markCurrent={false}>
                {processLabel(process)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to="/start" className="button button-secondary action-card-button" markCurrent={false}>
        {processes && processes.length > 3 ? `All ${processes.length} processes` : 'Start page'}
      </Link>
    </section>
  );
}
