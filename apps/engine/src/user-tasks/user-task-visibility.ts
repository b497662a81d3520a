import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../auth/principal.js';

/** Who asks: what the visibility rule needs of a principal. */
export type TaskViewer = Pick<Principal, 'username' | 'roles' | 'groups'>;

/** What the visibility rule needs of a task (a `UserTaskEntity` or the core's `UserTaskRecord`). */
export interface TaskAudience {
  assignee: string | null;
  candidateGroups: readonly string[];
  candidateUsers: readonly string[];
}

/**
 * Baton's user task visibility rule, in one place (also stated in the README's API table).
 * Admins see every task.
 * Anyone else sees a task when
 * - it is assigned to them, or
 * - they are one of its candidate users, or
 * - one of their groups is one of its candidate groups (even when a colleague has claimed it,
 *   so that the portal can say who did), or
 * - it has no assignee and no candidates at all (offered to everyone).
 *
 * Stricter than Camunda's Tasklist, which ignores candidates for visibility. Searches apply
 * the rule as SQL (`restrict`), single tasks as a predicate (`canSee`); a task someone may not
 * see is answered as unknown (404 USER_TASK.NOT_FOUND), so its existence does not leak.
 *
 * Both read the task row's own `assignee`, `candidate_groups` and `candidate_users`, so they
 * agree for every task, open or finished. (The `user_task_candidates` lookup table serves the
 * `candidateGroup`/`candidateUser` search filters; it would not make this OR of conditions an
 * index lookup anyway: an inbox query walks `idx_user_tasks_state` and checks each row.)
 */
@Injectable()
export class UserTaskVisibility {
  /** Admins see every task, so nothing is filtered for them. */
  seesEverything(viewer: TaskViewer): boolean {
    return viewer.roles.includes('admin');
  }

  /** True when the viewer may see the task. */
  canSee(viewer: TaskViewer, task: TaskAudience): boolean {
    if (this.seesEverything(viewer)) return true;
    if (task.assignee === viewer.username) return true;
    if (task.candidateUsers.includes(viewer.username)) return true;
    if (task.candidateGroups.some((group) => viewer.groups.includes(group))) return true;
    return task.assignee === null && task.candidateGroups.length === 0 && task.candidateUsers.length === 0;
  }

  /**
   * The rule as a SQL condition on the `user_tasks` row aliased `alias`, with its parameters
   * (named `visibility_*`); null when the viewer sees everything.
   */
  condition(viewer: TaskViewer, alias: string): { sql: string; parameters: Record<string, unknown> } | null {
    if (this.seesEverything(viewer)) return null;
    const parameters: Record<string, unknown> = { visibility_user: viewer.username, visibility_user_json: JSON.stringify(viewer.username) };
    const conditions = [`${alias}.assignee = :visibility_user`, `JSON_CONTAINS(${alias}.candidate_users, :visibility_user_json)`];
    viewer.groups.forEach((group, i) => {
      parameters[`visibility_group${i}`] = JSON.stringify(group);
      conditions.push(`JSON_CONTAINS(${alias}.candidate_groups, :visibility_group${i})`);
    });
    conditions.push(`(${alias}.assignee IS NULL AND JSON_LENGTH(${alias}.candidate_groups) = 0 AND JSON_LENGTH(${alias}.candidate_users) = 0)`);
    return { sql: `(${conditions.join(' OR ')})`, parameters };
  }

  /** Restricts a query over `user_tasks` (aliased `alias`) to the tasks the viewer sees. */
  restrict<Q extends SelectQueryBuilder<ObjectLiteral>>(query: Q, viewer: TaskViewer, alias: string): Q {
    const condition = this.condition(viewer, alias);
    if (condition) query.andWhere(condition.sql, condition.parameters);
    return query;
  }
}
