import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/api-problem';
import type { UserTask } from '../../api/user-tasks.api';
import { explainTaskProblem, isTaskConflict } from './task-conflicts';

const task = (change: Partial<UserTask>): UserTask => ({
  userTaskKey: '1',
  name: 'Approve expense',
  state: 'CREATED',
  candidateGroups: ['managers'],
  candidateUsers: [],
  elementId: 'approve',
  elementInstanceKey: '2',
  processDefinitionId: 'expense-approval',
  processDefinitionKey: '3',
  processDefinitionVersion: 1,
  processInstanceKey: '4',
  creationDate: '2026-11-18T10:00:00.000Z',
  priority: 50,
  tenantId: '<default>',
  ...change,
});
const problem = (status: number, code: string, detail: string, extensions: Record<string, unknown> = {}) => new ApiProblem(status, 'CONFLICT', detail, code, '/v2/user-tasks/1', extensions);

describe('explaining refused task actions', () => {
  it('names who claimed first, from the task as it is now', () => {
    const refused = problem(409, 'USER_TASK.ALREADY_ASSIGNED', "User task 1 is already assigned to 'frank'", { assignee: 'frank' });
    expect(explainTaskProblem(refused, 'claim', task({ assignee: 'frank' }), 'mia')).toBe('frank claimed this task first, so it can’t be yours now. You can still read it.');
    // the problem's own `assignee` when the task could not be read again
    expect(explainTaskProblem(refused, 'claim', null, 'mia')).toBe('frank claimed this task first, so it can’t be yours now. You can still read it.');
  });

  it('says that a refused completion sent nothing', () => {
    const refused = problem(409, 'USER_TASK.ASSIGNED_TO_OTHER', "User task 1 is assigned to 'demo'; only they may complete it", { assignee: 'demo' });
    expect(explainTaskProblem(refused, 'complete', task({ assignee: 'demo' }), 'mia')).toBe(
      'demo claimed this task before you completed it; only demo can complete it now. What you entered was not sent.',
    );
  });

  it('prefers what the task is now: completed by a colleague, or by the user in another tab', () => {
    const notActive = problem(409, 'USER_TASK.NOT_ACTIVE', 'User task 1 is not active');
    expect(explainTaskProblem(notActive, 'complete', task({ state: 'COMPLETED', assignee: 'frank' }), 'mia')).toBe('This task was already completed by frank. What you entered was not sent.');
    expect(explainTaskProblem(notActive, 'claim', task({ state: 'COMPLETED', assignee: 'mia' }), 'mia')).toBe('This task was already completed by you.');
    expect(explainTaskProblem(notActive, 'claim', task({ state: 'CANCELED' }), 'mia')).toBe('This task was already canceled.');
  });

  it('explains a task that is gone, a forbidden release, and passes other details through', () => {
    expect(explainTaskProblem(problem(404, 'USER_TASK.NOT_FOUND', 'No user task with key 1'), 'complete', null, 'mia')).toBe(
      'This task is no longer available to you: it was changed or removed. What you entered was not sent.',
    );
    expect(explainTaskProblem(problem(403, 'USER_TASK.UNASSIGN_FORBIDDEN', 'x'), 'unclaim', task({ assignee: 'frank' }), 'mia')).toBe(
      'frank holds this task now; only they or an admin can release it.',
    );
    expect(explainTaskProblem(problem(0, 'CLIENT.NETWORK', 'Can’t reach the Baton engine.'), 'claim', task({}), 'mia')).toBe('Can’t reach the Baton engine.');
  });

  it('treats 409, 404 and a forbidden release as the task having changed', () => {
    expect(isTaskConflict(problem(409, 'USER_TASK.ALREADY_ASSIGNED', ''))).toBe(true);
    expect(isTaskConflict(problem(404, 'USER_TASK.NOT_FOUND', ''))).toBe(true);
    expect(isTaskConflict(problem(403, 'USER_TASK.UNASSIGN_FORBIDDEN', ''))).toBe(true);
    expect(isTaskConflict(problem(400, 'REQUEST.INVALID', ''))).toBe(false);
  });
});
