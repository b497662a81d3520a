import { useRef } from 'react';
import type { ApiClient } from '../../api/api-client';
import { searchUserTasks, type UserTask } from '../../api/user-tasks.api';
import { usePolledQuery, type PolledQuery } from '../../ui/use-polled-query';
import { taskFilter, taskSearchRequests, TASK_VIEWS, type TaskQuery, type TaskView } from './task-query';

/** One refresh of the task list. */
export interface TaskListData {
  /** The tasks of the current view, in order, at most the page size. */
  tasks: UserTask[];
  /** How many tasks the current view holds in all. */
  total: number;
  /** How many tasks each view holds with the current filters (for the tab labels). */
  counts: Record<TaskView, number>;
  /** Keys that were not in the previous refresh of the same query (empty on the first load). */
  arrived: ReadonlySet<string>;
}

/** How often the list asks the engine again while the tab is visible. */
export const TASK_LIST_REFRESH_MS = 5000;

/**
 * The task list of `query`, polled every {@link TASK_LIST_REFRESH_MS} while the tab is visible:
 * the tasks of the current view (up to `limit`) and the counts of every view.
 */
export function useTaskList(api: ApiClient, query: TaskQuery, username: string, limit: number): PolledQuery<TaskListData> {
  const key = JSON.stringify({ query, username, limit });
  // The keys seen by the previous refresh of this query, to mark the tasks that just arrived.
  const seen = useRef<{ key: string; keys: Set<string> | null }>({ key, keys: null });
  if (seen.current.key !== key) seen.current = { key, keys: null };

  return usePolledQuery<TaskListData>(
    key,
    async (signal) => {
      const now = new Date();
      const [list, counts] = await Promise.all([loadTasks(api, query, username, now, limit, signal), loadCounts(api, query, username, now, signal)]);
      const previous = seen.current.key === key ? seen.current.keys : null;
      const arrived = new Set(previous ? list.tasks.map((t) => t.userTaskKey).filter((k) => !previous.has(k)) : []);
      if (seen.current.key === key) seen.current.keys = new Set(list.tasks.map((t) => t.userTaskKey));
      return { ...list, counts: { ...counts, [query.view]: list.total }, arrived };
    },
    { intervalMs: TASK_LIST_REFRESH_MS },
  );
}

async function loadTasks(api: ApiClient, query: TaskQuery, username: string, now: Date, limit: number, signal: AbortSignal) {
  const tasks: UserTask[] = [];
  let total = 0;
  for (const request of taskSearchRequests(query, username, now, limit)) {
    const room = limit - tasks.length;
    const result = await searchUserTasks(api, { ...request, page: { limit: Math.max(room, 1) } }, signal);
    total += result.page.totalItems;
    if (room > 0) tasks.push(...result.items.slice(0, room));
  }
  return { tasks, total };
}

async function loadCounts(api: ApiClient, query: TaskQuery, username: string, now: Date, signal: AbortSignal): Promise<Record<TaskView, number>> {
  const others = TASK_VIEWS.map((v) => v.view).filter((view) => view !== query.view);
  const totals = await Promise.all(
    others.map(async (view) => (await searchUserTasks(api, { filter: taskFilter(query, view, username, now), page: { limit: 1 } }, signal)).page.totalItems),
  );
  const counts: Record<TaskView, number> = { assigned: 0, offered: 0, all: 0, done: 0 };
  others.forEach((view, i) => (counts[view] = totals[i]!));
  return counts;
}
