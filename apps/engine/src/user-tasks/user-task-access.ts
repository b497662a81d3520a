import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors/index.js';
import type { UserTaskEntity } from '#persistence';
import { UserTaskQueryRepository } from './user-task-query.repository.js';

/**
 * Who may act on a user task, beyond seeing it (UserTaskVisibility): anyone who sees an
 * unassigned task may claim it for themselves; assigning others and taking over a claimed task
 * is for admins; the assignee or an admin may release or update it; nobody completes a task
 * assigned to someone else.
 */
@Injectable()
export class UserTaskAccess {
  constructor(private readonly tasks: UserTaskQueryRepository) {}

  /** The task if the principal may see it; 404 otherwise (existence is not revealed). */
  async visibleTask(principal: Principal, userTaskKey: string): Promise<UserTaskEntity> {
    const task = await this.tasks.findVisible(userTaskKey, principal);
    if (!task) throw new NotFoundError('USER_TASK.NOT_FOUND', `No user task with key ${userTaskKey}`);
    return task;
  }

  checkAssign(principal: Principal, task: UserTaskEntity, assignee: string, allowOverride: boolean): void {
    const admin = principal.roles.includes('admin');
    if (!admin && assignee !== principal.username) {
      throw new ForbiddenError('USER_TASK.ASSIGN_FORBIDDEN', `Only admins may assign tasks to others; '${principal.username}' may only claim tasks for themselves`);
    }
    if (task.assignee !== null && task.assignee !== assignee && (!admin || !allowOverride)) {
      throw new ConflictError('USER_TASK.ALREADY_ASSIGNED', `User task ${task.userTaskKey} is already assigned to '${task.assignee}'`, { assignee: task.assignee });
    }
  }

  checkUnassign(principal: Principal, task: UserTaskEntity): void {
    if (task.assignee === null || task.assignee === principal.username || principal.roles.includes('admin')) return;
    throw new ForbiddenError('USER_TASK.UNASSIGN_FORBIDDEN', `User task ${task.userTaskKey} is assigned to '${task.assignee}'; only they or an admin may release it`);
  }

  checkComplete(principal: Principal, task: UserTaskEntity): void {
    if (task.assignee !== null && task.assignee !== principal.username) {
      throw new ConflictError('USER_TASK.ASSIGNED_TO_OTHER', `User task ${task.userTaskKey} is assigned to '${task.assignee}'; only they may complete it`, { assignee: task.assignee });
    }
  }

  checkUpdate(principal: Principal, task: UserTaskEntity): void {
    if (principal.roles.includes('admin') || task.assignee === principal.username) return;
    throw new ForbiddenError('USER_TASK.UPDATE_FORBIDDEN', `Only an admin or the assignee may change user task ${task.userTaskKey}`);
  }
}
