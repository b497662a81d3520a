import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DataSource } from 'typeorm';
import { ElementInstanceEntity } from '#persistence';
import { InvalidArgumentError } from '../common/errors/index.js';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';
import { bpmnTypesOf, CAMUNDA_TYPE_ENUM, type CamundaElementType, camundaTypeSql } from './element-type.js';

/** What its search accepts (also the OpenAPI description of its body). */
export const ELEMENT_INSTANCE_SEARCH: SearchDefinition = {
  entity: 'element instance',
  keyColumn: 'ei.element_instance_key',
  fields: {
    elementInstanceKey: { column: 'ei.element_instance_key', type: 'key' },
    processInstanceKey: { column: 'ei.process_instance_key', type: 'key' },
    processDefinitionKey: { column: 'ei.process_definition_key', type: 'key' },
    processDefinitionId: { column: 'ei.process_definition_id', type: 'string' },
    elementId: { column: 'ei.element_id', type: 'string' },
    elementName: { column: 'COALESCE(ei.element_name, ei.element_id COLLATE utf8mb4_unicode_ci)', type: 'string' },
    // Filtered through the custom filter below (validated enum, indexed column); sorted by Camunda's names.
    type: { column: camundaTypeSql('ei.element_type'), type: 'string', filterable: false },
    state: { column: 'ei.state', type: 'string' },
    hasIncident: { column: '(ei.incident_key IS NOT NULL)', type: 'boolean', sortable: false },
    incidentKey: { column: 'ei.incident_key', type: 'key' },
    tenantId: { column: 'ei.tenant_id', type: 'string' },
    startDate: { column: 'ei.start_date', type: 'date' },
    endDate: { column: 'ei.end_date', type: 'date' },
    elementInstanceScopeKey: { column: 'ei.flow_scope_key', type: 'key', sortable: false },
  },
  customFilters: { type: typeFilter },
  defaultSort: [{ field: 'elementInstanceKey', order: 'ASC' }],
};

/** Reads element instances (the read side). */
@Injectable()
export class ElementInstanceQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(elementInstanceKey: string): Promise<ElementInstanceEntity | null> {
    return this.dataSource.getRepository(ElementInstanceEntity).findOneBy({ elementInstanceKey });
  }

  search(request: SearchRequestDto) {
    return new SearchQuery(ELEMENT_INSTANCE_SEARCH, this.dataSource.getRepository(ElementInstanceEntity).createQueryBuilder('ei')).run(request);
  }

  /**
   * The keys of an element instance and of every scope enclosing it, innermost first, ending
   * with the process instance key (the process element has no flow scope).
   */
  async scopeChain(elementInstanceKey: string): Promise<string[]> {
    const chain: string[] = [];
    let key: string | null = elementInstanceKey;
    while (key !== null && !chain.includes(key)) {
      chain.push(key);
      const row: { flowScopeKey: string | null } | null = await this.dataSource
        .getRepository(ElementInstanceEntity)
        .createQueryBuilder('ei')
        .select(['ei.elementInstanceKey', 'ei.flowScopeKey'])
        .where('ei.element_instance_key = :key', { key })
        .getOne();
      key = row?.flowScopeKey ?? null;
    }
    return chain;
  }
}

/**
 * `type`: one of Camunda's enum values, or `$eq`/`$neq`/`$in`/`$notIn` of them. Values are
 * checked against the enum and turned into the stored BPMN types.
 */
function typeFilter(qb: SelectQueryBuilder<ObjectLiteral>, condition: unknown, param: (v: unknown) => string): void {
  const plain = condition === null || typeof condition !== 'object' || Array.isArray(condition);
  const operators = plain ? { $eq: condition } : (condition as Record<string, unknown>);
  for (const [operator, operand] of Object.entries(operators)) {
    const values = operator === '$in' || operator === '$notIn' ? operand : [operand];
    if (!['$eq', '$neq', '$in', '$notIn'].includes(operator)) {
      throw new InvalidArgumentError('SEARCH.UNKNOWN_OPERATOR', `Unknown operator '${operator}' for filter field 'type'; expected one of: $eq, $neq, $in, $notIn`);
    }
    if (!Array.isArray(values) || values.some((v) => !(CAMUNDA_TYPE_ENUM as readonly unknown[]).includes(v))) {
      const where = plain ? "'type'" : `'type.${operator}'`;
      throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected ${operator === '$in' || operator === '$notIn' ? 'an array of' : 'one of'} ${CAMUNDA_TYPE_ENUM.join(', ')} for filter ${where} but got ${JSON.stringify(operand)}`);
    }
    const bpmnTypes = (values as CamundaElementType[]).flatMap(bpmnTypesOf);
    const negated = operator === '$neq' || operator === '$notIn';
    if (bpmnTypes.length === 0) qb.andWhere(negated ? '1 = 1' : '1 = 0');
    else qb.andWhere(`ei.element_type ${negated ? 'NOT IN' : 'IN'} (${bpmnTypes.map((t) => param(t)).join(', ')})`);
  }
}
