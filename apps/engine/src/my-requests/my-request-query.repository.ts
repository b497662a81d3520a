import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessInstanceEntity } from '#persistence';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';

export const MY_REQUEST_SEARCH: SearchDefinition = {
  entity: 'request',
  keyColumn: 'pi.process_instance_key',
  fields: {
    processInstanceKey: { column: 'pi.process_instance_key', type: 'key' },
    processDefinitionKey: { column: 'pi.process_definition_key', type: 'key' },
    processDefinitionId: { column: 'pi.process_definition_id', type: 'string' },
    processDefinitionName: { column: 'pi.process_definition_name', type: 'string' },
    state: { column: 'pi.state', type: 'string' },
    startDate: { column: 'pi.start_date', type: 'date' },
    endDate: { column: 'pi.end_date', type: 'date' },
    hasIncident: { column: '(pi.incident_count > 0)', type: 'boolean' },
    businessId: { column: 'pi.business_id', type: 'string' },
  },
  defaultSort: [{ field: 'startDate', order: 'DESC' }],
};

/**
 * The element types a requester sees as steps of their request: the work (tasks, call
 * activities) and what it waits for (catch events, event-based gateways). Gateways, flows,
 * scopes and none events are how the model is drawn, not steps anyone takes — unless an incident
 * holds one: then it is where the request is delayed.
 */
export const STEP_TYPES = [
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:ManualTask',
  'bpmn:ReceiveTask',
  'bpmn:Task',
  'bpmn:CallActivity',
  'bpmn:IntermediateCatchEvent',
  'bpmn:EventBasedGateway',
] as const;

/** A step of a request: an element instance of one of the STEP_TYPES or held by an incident, with its user task when it is one. */
export interface RequestStepRow {
  processInstanceKey: string;
  elementInstanceKey: string;
  elementId: string;
  elementName: string | null;
  elementType: string;
  state: string;
  hasIncident: boolean;
  startDate: Date;
  endDate: Date | null;
  userTaskKey: string | null;
  userTaskState: string | null;
  assignee: string | null;
  candidateGroups: string[] | null;
  candidateUsers: string[] | null;
}

/**
 * The read side of "My requests": the root process instances a user started
 * (`process_instances.started_by`), and their steps. Every query is restricted to the requester:
 * another user's instance is not found.
 */
@Injectable()
export class MyRequestQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The instance when `requester` started it (and it is not a call activity's child), else null. */
  findOwn(processInstanceKey: string, requester: string): Promise<ProcessInstanceEntity | null> {
    return this.dataSource
      .getRepository(ProcessInstanceEntity)
      .createQueryBuilder('pi')
      .where('pi.process_instance_key = :processInstanceKey AND pi.started_by = :requester AND pi.parent_process_instance_key IS NULL', { processInstanceKey, requester })
      .getOne();
  }

  /** A Camunda-style search over the requester's own root instances. */
  search(request: SearchRequestDto, requester: string) {
    const query = this.dataSource
      .getRepository(ProcessInstanceEntity)
      .createQueryBuilder('pi')
      .where('pi.started_by = :requester AND pi.parent_process_instance_key IS NULL', { requester });
    return new SearchQuery(MY_REQUEST_SEARCH, query).run(request);
  }

  /**
   * The steps of the instances (every one when `activeOnly` is false, else the active ones), in
   * the order they started. Call the instances' own steps only: children of call activities are
   * shown as the call activity.
   */
  async steps(processInstanceKeys: readonly string[], activeOnly: boolean): Promise<RequestStepRow[]> {
    if (processInstanceKeys.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT ei.process_instance_key, ei.element_instance_key, ei.element_id, ei.element_name, ei.element_type, ei.state, ei.incident_key, ei.start_date, ei.end_date,
              ut.user_task_key, ut.state AS user_task_state, ut.assignee, ut.candidate_groups, ut.candidate_users
         FROM element_instances ei
         LEFT JOIN user_tasks ut ON ut.element_instance_key = ei.element_instance_key
        WHERE ei.process_instance_key IN (${processInstanceKeys.map(() => '?').join(', ')})
          AND (ei.element_type IN (${STEP_TYPES.map(() => '?').join(', ')}) OR ei.incident_key IS NOT NULL)
          ${activeOnly ? "AND ei.state = 'ACTIVE'" : ''}
        ORDER BY ei.start_date ASC, ei.element_instance_key ASC`,
      [...processInstanceKeys, ...STEP_TYPES],
    )) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      processInstanceKey: String(r['process_instance_key']),
      elementInstanceKey: String(r['element_instance_key']),
      elementId: String(r['element_id']),
      elementName: (r['element_name'] as string | null) ?? null,
      elementType: String(r['element_type']),
      state: String(r['state']),
      hasIncident: r['incident_key'] !== null,
      startDate: new Date(r['start_date'] as Date),
      endDate: r['end_date'] === null ? null : new Date(r['end_date'] as Date),
      userTaskKey: r['user_task_key'] === null ? null : String(r['user_task_key']),
      userTaskState: (r['user_task_state'] as string | null) ?? null,
      assignee: (r['assignee'] as string | null) ?? null,
      candidateGroups: jsonList(r['candidate_groups']),
      candidateUsers: jsonList(r['candidate_users']),
    }));
  }
}

/** A JSON column as a string list (mysql2 parses JSON on MySQL, MariaDB answers text). */
function jsonList(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(String) : null;
}
