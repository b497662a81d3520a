import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserTaskEntity } from '#persistence';
import { InvalidArgumentError } from '../common/errors/index.js';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';
import { type Param, setFilterSql, stringFilterSql } from '../variables/string-filter.js';
import type { TaskInstanceContext } from './user-task.mapper.js';
import { UserTaskVisibility, type TaskViewer } from './user-task-visibility.js';

/** What its search accepts (also the OpenAPI description of its body). */
export const USER_TASK_SEARCH: SearchDefinition = {
  entity: 'user task',
  keyColumn: 'ut.user_task_key',
  fields: {
    // Camunda's sort fields (UserTaskSearchQuerySortRequest) ...
    creationDate: { column: 'ut.creation_date', type: 'date' },
    completionDate: { column: 'ut.completion_date', type: 'date' },
    followUpDate: { column: 'ut.follow_up_date', type: 'date' },
    dueDate: { column: 'ut.due_date', type: 'date' },
    priority: { column: 'ut.priority', type: 'int' },
    name: { column: 'COALESCE(ut.name, ut.element_id COLLATE utf8mb4_unicode_ci)', type: 'string' },
    // ... and filter-only fields.
    state: { column: 'ut.state', type: 'string', sortable: false },
    assignee: { column: 'ut.assignee', type: 'string', sortable: false },
    elementId: { column: 'ut.element_id', type: 'string', sortable: false },
    tenantId: { column: 'ut.tenant_id', type: 'string', sortable: false },
    processDefinitionId: { column: 'ut.process_definition_id', type: 'string', sortable: false },
    userTaskKey: { column: 'ut.user_task_key', type: 'key', sortable: false },
    processDefinitionKey: { column: 'ut.process_definition_key', type: 'key', sortable: false },
    processInstanceKey: { column: 'ut.process_instance_key', type: 'key', sortable: false },
    elementInstanceKey: { column: 'ut.element_instance_key', type: 'key', sortable: false },
  },
  customFilters: {
    candidateGroup: (qb, condition, param) => void qb.andWhere(candidateFilter('candidateGroup', 'group', condition, param)),
    candidateUser: (qb, condition, param) => void qb.andWhere(candidateFilter('candidateUser', 'user', condition, param)),
    processInstanceVariables: (qb, condition, param) => void qb.andWhere(variablesFilter('processInstanceVariables', 'ut.process_instance_key', condition, param)),
    localVariables: (qb, condition, param) => void qb.andWhere(variablesFilter('localVariables', 'ut.element_instance_key', condition, param)),
  },
  defaultSort: [{ field: 'creationDate', order: 'ASC' }],
};

/** Reads user tasks, always through the visibility rule of the one who asks. */
@Injectable()
export class UserTaskQueryRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: UserTaskVisibility,
  ) {}

  /** The task, or null when it does not exist or the viewer may not see it. */
  async findVisible(userTaskKey: string, viewer: TaskViewer): Promise<UserTaskEntity | null> {
    const task = await this.dataSource.getRepository(UserTaskEntity).findOneBy({ userTaskKey });
    return task && this.visibility.canSee(viewer, task) ? task : null;
  }

  /**
   * The business context of the tasks' process instances (business id, who started them and
   * when), by process instance key. Read from `process_instances` in one query.
   */
  async instanceContexts(processInstanceKeys: readonly string[]): Promise<Map<string, TaskInstanceContext>> {
    const keys = [...new Set(processInstanceKeys)];
    const contexts = new Map<string, TaskInstanceContext>();
    if (keys.length === 0) return contexts;
    const rows = (await this.dataSource.query(
      `SELECT process_instance_key, business_id, started_by, start_date FROM process_instances WHERE process_instance_key IN (${keys.map(() => '?').join(', ')})`,
      keys,
    )) as Array<{ process_instance_key: string | number; business_id: string | null; started_by: string; start_date: Date }>;
    for (const row of rows) contexts.set(String(row.process_instance_key), { businessId: row.business_id, startedBy: row.started_by, startDate: new Date(row.start_date) });
    return contexts;
  }

  search(request: SearchRequestDto, viewer: TaskViewer) {
    const query = this.visibility.restrict(this.dataSource.getRepository(UserTaskEntity).createQueryBuilder('ut'), viewer, 'ut');
    const definition: SearchDefinition = {
      ...USER_TASK_SEARCH,
      customFilters: { ...USER_TASK_SEARCH.customFilters, offeredToMe: (qb, condition, param) => void qb.andWhere(offeredToViewerFilter(viewer, condition, param)) },
    };
    return new SearchQuery(definition, query).run(request);
  }
}

/**
 * `offeredToMe` (Baton addition): `true` keeps the tasks the caller is a candidate for — one of
 * their groups is a candidate group, or they are a candidate user — whoever holds the task now;
 * `false` keeps the others. The portal's "Offered to my groups" view: one OR across both kinds
 * of candidates, which the Camunda filters (`candidateGroup`, `candidateUser`, ANDed) can't say.
 */
function offeredToViewerFilter(viewer: TaskViewer, condition: unknown, param: Param): string {
  if (typeof condition !== 'boolean') throw invalid("'offeredToMe'", 'true or false', condition);
  const candidates = [`(oc.kind = 'user' AND oc.candidate = ${param(viewer.username)})`];
  if (viewer.groups.length > 0) candidates.push(`(oc.kind = 'group' AND oc.candidate IN (${viewer.groups.map((group) => param(group)).join(', ')}))`);
  const offered = `EXISTS (SELECT 1 FROM user_task_candidates oc WHERE oc.user_task_key = ut.user_task_key AND (${candidates.join(' OR ')}))`;
  return condition ? offered : `NOT ${offered}`;
}

/** `candidateGroup` / `candidateUser`: a string filter on the task's candidates of that kind. */
function candidateFilter(name: string, kind: 'group' | 'user', condition: unknown, param: Param): string {
  const kindParam = param(kind);
  return setFilterSql(name, condition, 'fc.candidate', (member) => `EXISTS (SELECT 1 FROM user_task_candidates fc WHERE fc.user_task_key = ut.user_task_key AND fc.kind = ${kindParam} AND ${member})`, param);
}

/**
 * `processInstanceVariables` / `localVariables`: `[{ name, value }]`, every entry must match a
 * variable of the process instance (or of the task's own scope); `value` is the JSON text, as a
 * string or a string filter (`{ $like: '*gold*' }`).
 */
function variablesFilter(name: string, scopeColumn: string, condition: unknown, param: Param): string {
  if (!Array.isArray(condition)) throw invalid(`'${name}'`, 'an array of { name, value }', condition);
  const conditions = condition.map((entry: unknown, i) => {
    const where = `'${name}[${i}]'`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw invalid(where, 'an object { name, value }', entry);
    const { name: variableName, value, ...rest } = entry as Record<string, unknown>;
    if (typeof variableName !== 'string') throw invalid(`'${name}[${i}].name'`, 'a string', variableName);
    if (value === undefined) throw invalid(`'${name}[${i}].value'`, 'a string or a string filter', value);
    if (Object.keys(rest).length > 0) throw invalid(where, 'only name and value', entry);
    return `EXISTS (SELECT 1 FROM variables fv WHERE fv.scope_key = ${scopeColumn} AND fv.name = ${param(variableName)} AND ${stringFilterSql(`${name}[${i}].value`, value, 'fv.value', param)})`;
  });
  return conditions.length > 0 ? conditions.join(' AND ') : '1 = 1';
}

function invalid(where: string, expected: string, actual: unknown): InvalidArgumentError {
  return new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected ${expected} for filter ${where} but got ${JSON.stringify(actual)}`);
}
