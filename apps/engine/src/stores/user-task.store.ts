import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserTaskRecord } from '#engine-core';
import { date, insertRows, iso, isoOrNull, json, keyOrNull, placeholders, upsertRows, type Read, type Row, type StatementBatch, type WriteContext } from './sql.js';

/**
 * Owner of `user_tasks` and `user_task_candidates` (a task's candidate groups and users, one row
 * each, so that "offered to me" is an index lookup). Both are written together, in the command's batch.
 */
/** Where a user task stands after a transition its listeners may hold: its state and the last denial. */
export interface TransitionOutcome {
  state: UserTaskRecord['state'];
  denial: UserTaskRecord['denial'] | null;
}

@Injectable()
export class UserTaskStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The task's state and last denial (null when the key is unknown): read by a request waiting for its task listeners. */
  async transitionOutcome(userTaskKey: string): Promise<TransitionOutcome | null> {
    const [row] = (await this.dataSource.query('SELECT state, listener_denial FROM user_tasks WHERE user_task_key = ?', [userTaskKey])) as Row[];
    if (!row) return null;
    return { state: row.state as UserTaskRecord['state'], denial: row.listener_denial ? json<NonNullable<UserTaskRecord['denial']>>(row.listener_denial) : null };
  }

  /** The instance's open user tasks (read under the instance lock). */
  openOf(processInstanceKey: string): Read<UserTaskRecord[]> {
    return {
      sql: "SELECT * FROM user_tasks WHERE process_instance_key = ? AND state IN ('CREATED', 'CREATING', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'CANCELING')",
      parameters: [processInstanceKey],
      read: (rows) => rows.map(toUserTask),
    };
  }

  /** Inserts new tasks and updates changed ones, with their candidates. */
  upsertStatements(batch: StatementBatch, tasks: readonly UserTaskRecord[], context: WriteContext): void {
    const { instance } = context;
    upsertRows(
      batch,
      'user_tasks',
      ['user_task_key', 'element_instance_key', 'process_instance_key', 'process_definition_key', 'process_definition_id', 'process_definition_version', 'process_name', 'element_id', 'name', 'state', 'assignee', 'candidate_groups', 'candidate_users', 'due_date', 'follow_up_date', 'priority', 'form_key', 'embedded_form_id', 'external_form_reference', 'custom_headers', 'tenant_id', 'creation_date', 'completion_date', 'listener_transition', 'listener_denial'],
      ['state', 'assignee', 'candidate_groups', 'candidate_users', 'due_date', 'follow_up_date', 'priority', 'completion_date', 'listener_transition', 'listener_denial'],
      tasks.map((t) => [
        t.userTaskKey, t.elementInstanceKey, instance.processInstanceKey, context.processDefinitionKey, instance.processDefinitionId, instance.processDefinitionVersion, instance.processDefinitionName,
        t.elementId, t.name, t.state, t.assignee, JSON.stringify(t.candidateGroups), JSON.stringify(t.candidateUsers), date(t.dueDate), date(t.followUpDate), t.priority,
        t.formKey, t.embeddedFormId, t.externalFormReference, JSON.stringify(t.customHeaders), instance.tenantId, new Date(t.creationDate), date(t.completionDate),
        t.transition ? JSON.stringify(t.transition) : null, t.denial ? JSON.stringify(t.denial) : null,
      ]),
    );
    if (tasks.length === 0) return;
    const keys = tasks.map((t) => t.userTaskKey);
    batch.query(`DELETE FROM user_task_candidates WHERE user_task_key IN (${placeholders(keys.length)})`, keys);
    insertRows(
      batch,
      'user_task_candidates',
      ['user_task_key', 'kind', 'candidate'],
      tasks.flatMap((t) => [...t.candidateGroups.map((g) => [t.userTaskKey, 'group', g]), ...t.candidateUsers.map((u) => [t.userTaskKey, 'user', u])]),
    );
  }
}

function toUserTask(r: Row): UserTaskRecord {
  return {
    userTaskKey: String(r.user_task_key),
    elementInstanceKey: String(r.element_instance_key),
    elementId: String(r.element_id),
    name: (r.name as string | null) ?? null,
    state: r.state as UserTaskRecord['state'],
    assignee: (r.assignee as string | null) ?? null,
    candidateGroups: json<string[]>(r.candidate_groups),
    candidateUsers: json<string[]>(r.candidate_users),
    dueDate: isoOrNull(r.due_date),
    followUpDate: isoOrNull(r.follow_up_date),
    priority: Number(r.priority),
    formKey: keyOrNull(r.form_key),
    embeddedFormId: (r.embedded_form_id as string | null) ?? null,
    externalFormReference: (r.external_form_reference as string | null) ?? null,
    customHeaders: json<Record<string, string>>(r.custom_headers),
    creationDate: iso(r.creation_date),
    completionDate: isoOrNull(r.completion_date),
    ...(r.listener_transition ? { transition: json<NonNullable<UserTaskRecord['transition']>>(r.listener_transition) } : {}),
    ...(r.listener_denial ? { denial: json<NonNullable<UserTaskRecord['denial']>>(r.listener_denial) } : {}),
  };
}
