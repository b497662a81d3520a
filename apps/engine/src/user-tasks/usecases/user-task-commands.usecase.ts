import { Injectable } from '@nestjs/common';
import type { UserTaskChanges } from '#engine-core';
import type { Principal } from '../../auth/principal.js';
import { CommandExecutor } from '../../execution/command-executor.js';
import type { AssignUserTaskRequestDto, CompleteUserTaskRequestDto, UpdateUserTaskRequestDto } from '../dto/user-task-commands.dto.js';
import { TaskListenerOutcome } from '../task-listener-outcome.js';
import { UserTaskAccess } from '../user-task-access.js';

/**
 * Claim, release, update and complete user tasks: who may is decided by UserTaskAccess, whether
 * the task's state allows it by the core, inside the instance's lock. An assignee is an opaque
 * id, as in Camunda (where it comes from the identity provider): a name Baton has no user for is
 * accepted, so tasks can be handed to people who sign in elsewhere. A task with listeners for the
 * transition answers once they decided (TaskListenerOutcome).
 */
@Injectable()
export class UserTaskCommandsUseCase {
  constructor(
    private readonly access: UserTaskAccess,
    private readonly executor: CommandExecutor,
    private readonly listeners: TaskListenerOutcome,
  ) {}

  async assign(userTaskKey: string, request: AssignUserTaskRequestDto, principal: Principal): Promise<void> {
    const task = await this.access.visibleTask(principal, userTaskKey);
    this.access.checkAssign(principal, task, request.assignee, request.allowOverride ?? true);
    // The access check above read the task without the instance's lock; the core checks again under it.
    const allowOverride = principal.roles.includes('admin') && (request.allowOverride ?? true);
    await this.executor.execute(
      task.processInstanceKey,
      { type: 'ASSIGN_USER_TASK', userTaskKey, assignee: request.assignee, allowOverride, assignedBy: principal.username },
      { command: 'ASSIGN_USER_TASK', actor: principal.username },
    );
    await this.listeners.waitFor(userTaskKey, 'assigning');
  }

  async unassign(userTaskKey: string, principal: Principal): Promise<void> {
    const task = await this.access.visibleTask(principal, userTaskKey);
    this.access.checkUnassign(principal, task);
    await this.executor.execute(
      task.processInstanceKey,
      { type: 'ASSIGN_USER_TASK', userTaskKey, assignee: null, allowOverride: principal.roles.includes('admin'), assignedBy: principal.username },
      { command: 'UNASSIGN_USER_TASK', actor: principal.username },
    );
    await this.listeners.waitFor(userTaskKey, 'assigning');
  }

  async complete(userTaskKey: string, request: CompleteUserTaskRequestDto, principal: Principal): Promise<void> {
    const task = await this.access.visibleTask(principal, userTaskKey);
    this.access.checkComplete(principal, task);
    await this.executor.execute(
      task.processInstanceKey,
      { type: 'COMPLETE_USER_TASK', userTaskKey, variables: request.variables ?? {}, completedBy: principal.username },
      { command: 'COMPLETE_USER_TASK', actor: principal.username },
    );
    await this.listeners.waitFor(userTaskKey, 'completing');
  }

  async update(userTaskKey: string, request: UpdateUserTaskRequestDto, principal: Principal): Promise<void> {
    const task = await this.access.visibleTask(principal, userTaskKey);
    this.access.checkUpdate(principal, task);
    // Camunda 8.8: absent or null keeps a field; "" clears a date; [] clears candidates.
    const changeset = request.changeset ?? {};
    const changes: UserTaskChanges = {};
    const date = (value: string) => (value === '' ? null : new Date(value).toISOString());
    if (typeof changeset.dueDate === 'string') changes.dueDate = date(changeset.dueDate);
    if (typeof changeset.followUpDate === 'string') changes.followUpDate = date(changeset.followUpDate);
    if (Array.isArray(changeset.candidateGroups)) changes.candidateGroups = unique(changeset.candidateGroups);
    if (Array.isArray(changeset.candidateUsers)) changes.candidateUsers = unique(changeset.candidateUsers);
    if (typeof changeset.priority === 'number') changes.priority = changeset.priority;
    await this.executor.execute(task.processInstanceKey, { type: 'UPDATE_USER_TASK', userTaskKey, changes }, { command: 'UPDATE_USER_TASK', actor: principal.username });
    await this.listeners.waitFor(userTaskKey, 'updating');
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}
