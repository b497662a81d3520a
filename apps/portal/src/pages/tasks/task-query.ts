/**
 * The task list's state — view, filters, sort — as URL query parameters (so a list can be
 * bookmarked, shared and survives a reload) and as the `/v2/user-tasks/search` request it means.
 * Pure functions; the page wires them to the router.
 */
import type { SearchRequest } from '../../api/search';
import { OPEN_TASK_STATES, type UserTaskFilter, type UserTaskSortField } from '../../api/user-tasks.api';

/** The views: what is mine, what is offered to me, everything open the engine lets me see, what I completed. */
export type TaskView = 'assigned' | 'offered' | 'all' | 'done';
/** Due-date filters; `range` uses `dueFrom` / `dueTo` (dates, inclusive). */
export type DueFilter = 'any' | 'overdue' | 'today' | 'week' | 'range';
/** Camunda Tasklist's priority bands: critical 76-100, high 51-75, medium 26-50, low 0-25. */
export type PriorityFilter = 'any' | 'critical' | 'high' | 'medium' | 'low';
/** Sort orders offered in the list. */
export type TaskSort = 'newest' | 'oldest' | 'due' | 'priority';

/** Everything that decides which tasks the list shows, in which order. */
export interface TaskQuery {
  view: TaskView;
  /** A `processDefinitionId`, or '' for every process. */
  process: string;
  due: DueFilter;
  /** `YYYY-MM-DD` or '' (only with `due: 'range'`). */
  dueFrom: string;
  dueTo: string;
  priority: PriorityFilter;
  sort: TaskSort;
}

export const DEFAULT_TASK_QUERY: TaskQuery = { view: 'all', process: '', due: 'any', dueFrom: '', dueTo: '', priority: 'any', sort: 'newest' };

export const TASK_VIEWS: ReadonlyArray<{ view: TaskView; label: string; hint: string }> = [
  { view: 'assigned', label: 'Assigned to me', hint: 'Tasks you claimed or that were assigned to you.' },
  { view: 'offered', label: 'Offered to my groups', hint: 'Tasks offered to one of your groups or to you by name, claimed or not.' },
  { view: 'all', label: 'All I may see', hint: 'Every open task Baton shows you: yours, your groups’, and those offered to everyone.' },
  { view: 'done', label: 'Done', hint: 'The tasks you completed, most recently completed first.' },
];

export const DUE_FILTERS: ReadonlyArray<{ value: DueFilter; label: string }> = [
  { value: 'any', label: 'Any time' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'today', label: 'Due today' },
  { value: 'week', label: 'Due this week' },
  { value: 'range', label: 'Between dates…' },
];

export const PRIORITY_BANDS: ReadonlyArray<{ value: Exclude<PriorityFilter, 'any'>; label: string; min: number; max: number }> = [
  { value: 'critical', label: 'Critical', min: 76, max: 100 },
  { value: 'high', label: 'High', min: 51, max: 75 },
  { value: 'medium', label: 'Medium', min: 26, max: 50 },
  { value: 'low', label: 'Low', min: 0, max: 25 },
];

export const TASK_SORTS: ReadonlyArray<{ value: TaskSort; label: string; field: UserTaskSortField; order: 'ASC' | 'DESC' }> = [
  { value: 'newest', label: 'Newest first', field: 'creationDate', order: 'DESC' },
  { value: 'oldest', label: 'Oldest first', field: 'creationDate', order: 'ASC' },
  { value: 'due', label: 'Due soonest', field: 'dueDate', order: 'ASC' },
  { value: 'priority', label: 'Highest priority', field: 'priority', order: 'DESC' },
];

/** The band a priority falls in (for the list's badge). */
export function priorityBand(priority: number): (typeof PRIORITY_BANDS)[number] {
  return PRIORITY_BANDS.find((band) => priority >= band.min) ?? PRIORITY_BANDS[PRIORITY_BANDS.length - 1]!;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the query from `?view=...&process=...`; unknown values fall back to the defaults. */
export function parseTaskQuery(search: string): TaskQuery {
  const params = new URLSearchParams(search);
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  return {
    view: oneOf(params.get('view'), ['assigned', 'offered', 'all', 'done'], DEFAULT_TASK_QUERY.view),
    process: params.get('process') ?? '',
    due: oneOf(params.get('due'), DUE_FILTERS.map((d) => d.value), 'any'),
    dueFrom: date('dueFrom'),
    dueTo: date('dueTo'),
    priority: oneOf(params.get('priority'), ['any', ...PRIORITY_BANDS.map((p) => p.value)], 'any'),
    sort: oneOf(params.get('sort'), TASK_SORTS.map((s) => s.value), DEFAULT_TASK_QUERY.sort),
  };
}

/** `?view=...` for the query, leaving defaults out; '' when everything is default. */
export function formatTaskQuery(query: TaskQuery): string {
  const params = new URLSearchParams();
  for (const name of ['view', 'process', 'due', 'priority', 'sort'] as const) {
    if (query[name] !== DEFAULT_TASK_QUERY[name]) params.set(name, query[name]);
  }
  if (query.due === 'range') {
    if (query.dueFrom) params.set('dueFrom', query.dueFrom);
    if (query.dueTo) params.set('dueTo', query.dueTo);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when a filter other than the view narrows the list. */
export function hasFilters(query: TaskQuery): boolean {
  return query.process !== '' || query.due !== 'any' || query.priority !== 'any';
}

/** Start of the local day of `now`, and of the following day. */
function localDay(now: Date, offsetDays = 0): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
}

/** `YYYY-MM-DD` as the start of that local day. */
function parseLocalDate(value: string): Date {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/**
 * The due-date condition for a filter, in the browser's time zone: overdue is before now; today
 * is the local calendar day; this week runs from today to the end of Sunday (ISO weeks start on
 * Monday); a range includes both its days. Null when the filter does not restrict.
 */
export function dueDateCondition(query: Pick<TaskQuery, 'due' | 'dueFrom' | 'dueTo'>, now: Date): UserTaskFilter['dueDate'] | null {
  switch (query.due) {
    case 'any':
      return null;
    case 'overdue':
      return { $lt: now.toISOString() };
    case 'today':
      return { $gte: localDay(now).toISOString(), $lt: localDay(now, 1).toISOString() };
    case 'week': {
      const daysToMonday = (localDay(now).getDay() + 6) % 7;
      return { $gte: localDay(now).toISOString(), $lt: localDay(now, 7 - daysToMonday).toISOString() };
    }
    case 'range': {
      const condition: { $gte?: string; $lt?: string; $exists?: boolean } = {};
      if (query.dueFrom) condition.$gte = parseLocalDate(query.dueFrom).toISOString();
      if (query.dueTo) {
        const to = parseLocalDate(query.dueTo);
        condition.$lt = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1).toISOString();
      }
      return Object.keys(condition).length > 0 ? condition : { $exists: true };
    }
  }
}

/**
 * The search filter of a query for the signed-in `username`: open tasks only (also while their
 * task listeners run), or for "Done" the completed tasks assigned to me; the view narrows
 * by assignee or by candidacy (`offeredToMe`, a Baton filter: candidate groups ∩ my groups, or
 * me among the candidate users — claimed or not); the engine's visibility rule does the rest.
 */
export function taskFilter(query: TaskQuery, view: TaskView, username: string, now: Date): UserTaskFilter {
  // Done: completing a task assigns it to whoever completes it, so my completed tasks are the completed ones assigned to me.
  const filter: UserTaskFilter = view === 'done' ? { state: 'COMPLETED', assignee: username } : { state: { $in: OPEN_TASK_STATES } };
  if (view === 'assigned') filter.assignee = username;
  if (view === 'offered') filter.offeredToMe = true;
  if (query.process) filter.processDefinitionId = query.process;
  const due = dueDateCondition(query, now);
  if (due) filter.dueDate = due;
  const band = PRIORITY_BANDS.find((p) => p.value === query.priority);
  if (band) filter.priority = { $gte: band.min, $lte: band.max };
  return filter;
}

/**
 * The search requests of the list, to be concatenated in order up to `limit` items: one request,
 * except for "due date, soonest first" without a due filter — MySQL sorts tasks without a due
 * date first, so the dated tasks are asked for first and the undated ones (oldest first) after.
 */
export function taskSearchRequests(query: TaskQuery, username: string, now: Date, limit: number): Array<SearchRequest<UserTaskFilter, UserTaskSortField>> {
  const sort = TASK_SORTS.find((s) => s.value === query.sort) ?? TASK_SORTS[0]!;
  const filter = taskFilter(query, query.view, username, now);
  // In "Done", newest and oldest mean by completion.
  if (query.view === 'done' && (query.sort === 'newest' || query.sort === 'oldest')) return [{ filter, sort: [{ field: 'completionDate', order: sort.order }], page: { limit } }];
  if (sort.field === 'dueDate' && filter.dueDate === undefined) {
    return [
      { filter: { ...filter, dueDate: { $exists: true } }, sort: [{ field: 'dueDate', order: 'ASC' }], page: { limit } },
      { filter: { ...filter, dueDate: { $exists: false } }, sort: [{ field: 'creationDate', order: 'ASC' }], page: { limit } },
    ];
  }
  return [{ filter, sort: [{ field: sort.field, order: sort.order }], page: { limit } }];
}
