import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventSubscriptionEntity } from '#persistence';
import { InvalidArgumentError } from '../common/errors/index.js';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';

const STATES = ['CREATED', 'CORRELATED', 'DELETED', 'MIGRATED'];

/** What its search accepts (also the OpenAPI description of its body). */
export const MESSAGE_SUBSCRIPTION_SEARCH: SearchDefinition = {
  entity: 'message subscription',
  keyColumn: 'ms.subscription_key',
  fields: {
    messageSubscriptionKey: { column: 'ms.subscription_key', type: 'key' },
    processDefinitionId: { column: 'ms.process_definition_id', type: 'string' },
    processDefinitionKey: { column: 'ms.process_definition_key', type: 'key' },
    processInstanceKey: { column: 'ms.process_instance_key', type: 'key' },
    elementId: { column: 'ms.element_id', type: 'string' },
    elementInstanceKey: { column: 'ms.element_instance_key', type: 'key' },
    messageSubscriptionState: { column: 'ms.state', type: 'string' },
    lastUpdatedDate: { column: 'ms.updated_at', type: 'date' },
    messageName: { column: 'ms.name', type: 'string' },
    correlationKey: { column: 'ms.correlation_key', type: 'string' },
    tenantId: { column: 'ms.tenant_id', type: 'string' },
  },
  defaultSort: [{ field: 'messageSubscriptionKey', order: 'ASC' }],
};

/**
 * Reads message subscriptions (the read side of `event_subscriptions`, its message rows): POST
 * /v2/message-subscriptions/search in Camunda 8.8's shape.
 */
@Injectable()
export class MessageSubscriptionQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  search(request: SearchRequestDto) {
    checkStates(request.filter?.['messageSubscriptionState']);
    const query = this.dataSource.getRepository(EventSubscriptionEntity).createQueryBuilder('ms').where("ms.kind = 'message'");
    return new SearchQuery(MESSAGE_SUBSCRIPTION_SEARCH, query).run(request);
  }
}

/** A state filter names Camunda's states only (a plain value, or the values of `$eq`, `$neq`, `$in`, `$notIn`). */
function checkStates(filter: unknown): void {
  if (filter === undefined) return;
  const values = typeof filter === 'object' && filter !== null ? Object.entries(filter).flatMap(([op, v]) => (op === '$exists' || op === '$like' ? [] : Array.isArray(v) ? v : [v])) : [filter];
  for (const value of values) {
    if (!STATES.includes(value as string)) {
      throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected messageSubscriptionState to be one of ${STATES.join(', ')} but got ${JSON.stringify(value)}`);
    }
  }
}
