/**
 * What to tell someone whose claim, release or completion the engine refused — usually because
 * a colleague was quicker. The engine's `detail` is precise but technical ("User task 123 is
 * already assigned to 'frank'"); the portal says what happened in the user's terms, names who
 * has the task now (from a fresh read of it), and keeps the engine's words alongside.
 */
import type { ApiProblem } from '../../api/api-problem';
import type { UserTask } from '../../api/user-tasks.api';

/** The user's action that failed. */
export type TaskAction = 'claim' | 'unclaim' | 'complete';

/**
 * The explanation of `problem` for `action`, given the task as it is now (`current`; null when
 * it can no longer be read) and who the user is.
 */
export function explainTaskProblem(problem: ApiProblem, action: TaskAction, current: UserTask | null, username: string): string {
  const holder = current?.assignee ?? stringMember(problem, 'assignee');
  const unsent = action === 'complete' ? ' What you entered was not sent.' : '';

  if (current && current.state !== 'CREATED') {
    const by = current.assignee ? ` by ${current.assignee === username ? 'you' : current.assignee}` : '';
    return `This task was already ${current.state === 'COMPLETED' ? 'completed' : 'canceled'}${by}.${unsent}`;
  }
  switch (problem.code) {
    case 'USER_TASK.ALREADY_ASSIGNED':
      return holder ? `${holder} claimed this task first, so it can’t be yours now. You can still read it.` : `Someone else claimed this task first. (${problem.detail})`;
    case 'USER_TASK.ASSIGNED_TO_OTHER':
      return holder ? `${holder} claimed this task before you completed it; only ${holder} can complete it now.${unsent}` : `Someone else holds this task now.${unsent} (${problem.detail})`;
    case 'USER_TASK.UNASSIGN_FORBIDDEN':
      return holder ? `${holder} holds this task now; only they or an admin can release it.` : problem.detail;
    case 'USER_TASK.NOT_FOUND':
      return `This task is no longer available to you: it was changed or removed.${unsent}`;
    case 'USER_TASK.NOT_ACTIVE':
      return `This task is no longer open.${unsent}`;
    default:
      return `${problem.detail}${unsent}`;
  }
}

/** True for the answers that mean "the task changed under you" (the page then reloads it). */
export function isTaskConflict(problem: ApiProblem): boolean {
  return problem.status === 409 || problem.status === 404 || problem.code === 'USER_TASK.UNASSIGN_FORBIDDEN';
}

function stringMember(problem: ApiProblem, name: string): string | undefined {
  const value = problem.extensions[name];
  return typeof value === 'string' ? value : undefined;
}
