import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IncidentEntity } from '#persistence';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';

/** What its search accepts (also the OpenAPI description of its body). */
export const INCIDENT_SEARCH: SearchDefinition = {
  entity: 'incident',
  keyColumn: 'inc.incident_key',
  fields: {
    incidentKey: { column: 'inc.incident_key', type: 'key' },
    processDefinitionKey: { column: 'inc.process_definition_key', type: 'key' },
    processDefinitionId: { column: 'inc.process_definition_id', type: 'string' },
    processInstanceKey: { column: 'inc.process_instance_key', type: 'key' },
    errorType: { column: 'inc.error_type', type: 'string' },
    errorMessage: { column: 'inc.error_message', type: 'string' },
    elementId: { column: 'inc.element_id', type: 'string' },
    elementInstanceKey: { column: 'inc.element_instance_key', type: 'key' },
    creationTime: { column: 'inc.creation_time', type: 'date' },
    state: { column: 'inc.state', type: 'string' },
    jobKey: { column: 'inc.job_key', type: 'key' },
    tenantId: { column: 'inc.tenant_id', type: 'string' },
  },
  defaultSort: [{ field: 'incidentKey', order: 'ASC' }],
};

/** Reads incidents (the read side). */
@Injectable()
export class IncidentQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(incidentKey: string): Promise<IncidentEntity | null> {
    return this.dataSource.getRepository(IncidentEntity).findOneBy({ incidentKey });
  }

  search(request: SearchRequestDto) {
    return new SearchQuery(INCIDENT_SEARCH, this.dataSource.getRepository(IncidentEntity).createQueryBuilder('inc')).run(request);
  }
}
