import { describe, expect, it } from 'vitest';
import { OPEN_TASK_STATES } from '../../api/user-tasks.api';
import { DEFAULT_TASK_QUERY, dueDateCondition, formatTaskQuery, parseTaskQuery, priorityBand, taskFilter, taskSearchRequests, type TaskQuery } from './task-query';

const query = (change: Partial<TaskQuery> = {}): TaskQuery => ({ ...DEFAULT_TASK_QUERY, ...change });
/** Local wall-clock time, so the expectations hold in any time zone the tests run in. */
const local = (year: number, month: number, day: number, hour = 0) => new Date(year, month - 1, day, hour);

describe('task list query <-> URL', () => {
  it('round-trips every field, leaving defaults out', () => {
    const full = query({ view: 'offered', process: 'expense-approval', due: 'range', dueFrom: '2026-11-02', dueTo: '2026-11-08', priority: 'high', sort: 'due' });
    const search = formatTaskQuery(full);
    expect(search).toBe('?view=offered&process=expense-approval&due=range&priority=high&sort=due&dueFrom=2026-11-02&dueTo=2026-11-08');
    expect(parseTaskQuery(search)).toEqual(full);
    expect(formatTaskQuery(DEFAULT_TASK_QUERY)).toBe('');
  });

  it('falls back to the defaults for unknown values and malformed dates', () => {
    expect(parseTaskQuery('?view=everything&due=soon&priority=urgent&sort=random&dueFrom=11/02/2026')).toEqual(DEFAULT_TASK_QUERY);
  });

  it('drops range dates unless the due filter is a range', () => {
    expect(formatTaskQuery(query({ due: 'overdue', dueFrom: '2026-11-02' }))).toBe('?due=overdue');
  });
});

describe('due date conditions (local days)', () => {
  const now = local(2026, 11, 18, 15); // a Wednesday afternoon

  it('overdue is before now; today is the local day', () => {
    expect(dueDateCondition(query({ due: 'overdue' }), now)).toEqual({ $lt: now.toISOString() });
    expect(dueDateCondition(query({ due: 'today' }), now)).toEqual({ $gte: local(2026, 11, 18).toISOString(), $lt: local(2026, 11, 19).toISOString() });
  });

  it('this week runs from today to the end of Sunday, also on a Sunday', () => {
    expect(dueDateCondition(query({ due: 'week' }), now)).toEqual({ $gte: local(2026, 11, 18).toISOString(), $lt: local(2026, 11, 23).toISOString() });
    const sunday = local(2026, 11, 22, 9);
    expect(dueDateCondition(query({ due: 'week' }), sunday)).toEqual({ $gte: local(2026, 11, 22).toISOString(), $lt: local(2026, 11, 23).toISOString() });
  });

  it('a range includes both days; an open range is bounded on one side; an empty one means "has a due date"', () => {
    expect(dueDateCondition(query({ due: 'range', dueFrom: '2026-11-02', dueTo: '2026-11-08' }), now)).toEqual({
      $gte: local(2026, 11, 2).toISOString(),
      $lt: local(2026, 11, 9).toISOString(),
    });
    expect(dueDateCondition(query({ due: 'range', dueTo: '2026-11-30' }), now)).toEqual({ $lt: local(2026, 12, 1).toISOString() });
    expect(dueDateCondition(query({ due: 'range' }), now)).toEqual({ $exists: true });
    expect(dueDateCondition(query(), now)).toBeNull();
  });
});

describe('search requests', () => {
  const now = local(2026, 11, 18, 15);

  it('narrows each view: assignee, offeredToMe, or only the engine’s visibility', () => {
    expect(taskFilter(query(), 'assigned', 'mia', now)).toEqual({ state: { $in: OPEN_TASK_STATES }, assignee: 'mia' });
    expect(taskFilter(query(), 'offered', 'mia', now)).toEqual({ state: { $in: OPEN_TASK_STATES }, offeredToMe: true });
    expect(taskFilter(query(), 'all', 'mia', now)).toEqual({ state: { $in: OPEN_TASK_STATES } });
  });

  it('adds process and priority band filters', () => {
    expect(taskFilter(query({ process: 'expense-approval', priority: 'critical' }), 'all', 'mia', now)).toEqual({
      state: { $in: OPEN_TASK_STATES },
      processDefinitionId: 'expense-approval',
      priority: { $gte: 76, $lte: 100 },
    });
    expect([0, 25, 26, 50, 51, 75, 76, 100].map((p) => priorityBand(p).value)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });

  it('sorts by due date in two searches: dated tasks first, then undated ones oldest first', () => {
    expect(taskSearchRequests(query({ sort: 'due' }), 'mia', now, 50)).toEqual([
      { filter: { state: { $in: OPEN_TASK_STATES }, dueDate: { $exists: true } }, sort: [{ field: 'dueDate', order: 'ASC' }], page: { limit: 50 } },
      { filter: { state: { $in: OPEN_TASK_STATES }, dueDate: { $exists: false } }, sort: [{ field: 'creationDate', order: 'ASC' }], page: { limit: 50 } },
    ]);
    // with a due filter every task has a date: one search
    expect(taskSearchRequests(query({ sort: 'due', due: 'overdue' }), 'mia', now, 50)).toHaveLength(1);
    expect(taskSearchRequests(query({ sort: 'priority' }), 'mia', now, 20)).toEqual([{ filter: { state: { $in: OPEN_TASK_STATES } }, sort: [{ field: 'priority', order: 'DESC' }], page: { limit: 20 } }]);
  });
});
