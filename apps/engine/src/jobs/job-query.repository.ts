import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobEntity } from '#persistence';
import { InvalidArgumentError } from '../common/errors/index.js';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';
import { JOB_KINDS, LISTENER_EVENT_TYPES, type JobDto, type JobKind, type JobListenerEventType } from './dto/job.dto.js';

/** A filter on a column of known values: `value`, `{ $eq }`, `{ $neq }` or `{ $in: [...] }`; an unknown value is a 400. */
function enumFilter(name: string, column: string, allowed: readonly string[]): NonNullable<SearchDefinition['customFilters']>[string] {
  const checked = (value: unknown): string => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected one of ${allowed.join(', ')} for filter '${name}' but got ${JSON.stringify(value)}`);
    }
    return value;
  };
  return (qb, value, param) => {
    const operators = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { $eq: value };
    for (const [operator, operand] of Object.entries(operators)) {
      if (operator === '$eq' || operator === '$neq') qb.andWhere(`${column} ${operator === '$eq' ? '=' : '<>'} ${param(checked(operand))}`);
      else if (operator === '$in') {
        if (!Array.isArray(operand)) throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected an array for filter '${name}.$in'`);
        const values = operand.map(checked);
        qb.andWhere(values.length ? `${column} IN (${values.map((v) => param(v)).join(', ')})` : '1 = 0');
      } else throw new InvalidArgumentError('SEARCH.UNKNOWN_OPERATOR', `Unknown operator '${operator}' for filter field '${name}'; expected one of: $eq, $neq, $in`);
    }
  };
}

const CAMUNDA_STATES = ['CREATED', 'COMPLETED', 'FAILED', 'ERROR_THROWN', 'CANCELED'] as const;

/** Camunda has no ACTIVATED state: an activated job is CREATED, with a worker and a deadline. */
function storedStates(state: unknown): string[] {
  if (typeof state !== 'string' || !(CAMUNDA_STATES as readonly string[]).includes(state)) {
    throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected a job state (${CAMUNDA_STATES.join(', ')}) for filter 'state' but got ${JSON.stringify(state)}`);
  }
  return state === 'CREATED' ? ['CREATED', 'ACTIVATED'] : [state];
}

/** What its search accepts (also the OpenAPI description of its body). */
export const JOB_SEARCH: SearchDefinition = {
  entity: 'job',
  keyColumn: 'j.job_key',
  fields: {
    jobKey: { column: 'j.job_key', type: 'key' },
    type: { column: 'j.type', type: 'string' },
    worker: { column: 'j.worker', type: 'string' },
    retries: { column: 'j.retries', type: 'int' },
    deadline: { column: 'j.deadline', type: 'date' },
    endTime: { column: 'j.ended_at', type: 'date' },
    errorMessage: { column: 'j.error_message', type: 'string', sortable: false },
    elementId: { column: 'j.element_id', type: 'string' },
    elementInstanceKey: { column: 'j.element_instance_key', type: 'key' },
    processDefinitionId: { column: 'j.process_definition_id', type: 'string' },
    processDefinitionKey: { column: 'j.process_definition_key', type: 'key' },
    processInstanceKey: { column: 'j.process_instance_key', type: 'key' },
    tenantId: { column: 'j.tenant_id', type: 'string' },
    state: { column: 'j.state', type: 'string', filterable: false },
  },
  customFilters: {
    state: (qb, value, param) => {
      const operators = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { $eq: value };
      for (const [operator, operand] of Object.entries(operators)) {
        if (operator === '$eq' || operator === '$neq') {
          const states = storedStates(operand);
          qb.andWhere(`j.state ${operator === '$eq' ? 'IN' : 'NOT IN'} (${states.map((s) => param(s)).join(', ')})`);
        } else if (operator === '$in') {
          if (!Array.isArray(operand)) throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', "Expected an array for filter 'state.$in'");
          const states = operand.flatMap(storedStates);
          qb.andWhere(states.length ? `j.state IN (${states.map((s) => param(s)).join(', ')})` : '1 = 0');
        } else {
          throw new InvalidArgumentError('SEARCH.UNKNOWN_OPERATOR', `Unknown operator '${operator}' for filter field 'state'; expected one of: $eq, $neq, $in`);
        }
      }
    },
    hasFailedWithRetriesLeft: (qb, value) => {
      if (typeof value !== 'boolean') throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', "Expected true or false for filter 'hasFailedWithRetriesLeft'");
      qb.andWhere(value ? "(j.state = 'FAILED' AND j.retries > 0)" : "NOT (j.state = 'FAILED' AND j.retries > 0)");
    },
    kind: enumFilter('kind', 'j.kind', JOB_KINDS),
    listenerEventType: enumFilter('listenerEventType', 'j.listener_event_type', LISTENER_EVENT_TYPES),
  },
  defaultSort: [{ field: 'jobKey', order: 'ASC' }],
};

@Injectable()
export class JobQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(request: SearchRequestDto): Promise<{ items: JobDto[]; page: { totalItems: number; startCursor?: string; endCursor?: string } }> {
    const { rows, page } = await new SearchQuery(JOB_SEARCH, this.dataSource.getRepository(JobEntity).createQueryBuilder('j')).run(request);
    return { items: rows.map(toJobDto), page };
  }
}

export function toJobDto(job: JobEntity): JobDto {
  return {
    customHeaders: job.customHeaders,
    ...(job.deadline ? { deadline: job.deadline.toISOString() } : {}),
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    ...(job.endedAt ? { endTime: job.endedAt.toISOString() } : {}),
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
    hasFailedWithRetriesLeft: job.state === 'FAILED' && job.retries > 0,
    jobKey: job.jobKey,
    kind: job.kind as JobKind,
    listenerEventType: job.listenerEventType as JobListenerEventType,
    processDefinitionId: job.processDefinitionId,
    processDefinitionKey: job.processDefinitionKey,
    processInstanceKey: job.processInstanceKey,
    retries: job.retries,
    state: job.state === 'ACTIVATED' ? 'CREATED' : job.state,
    tenantId: job.tenantId,
    type: job.type,
    worker: job.worker ?? '',
  };
}
