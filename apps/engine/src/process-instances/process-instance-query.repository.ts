import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessInstanceEntity, ProcessInstanceEventEntity } from '#persistence';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';

/** What its search accepts (also the OpenAPI description of its body). */
export const PROCESS_INSTANCE_SEARCH: SearchDefinition = {
  entity: 'process instance',
  keyColumn: 'pi.process_instance_key',
  fields: {
    processInstanceKey: { column: 'pi.process_instance_key', type: 'key' },
    processDefinitionKey: { column: 'pi.process_definition_key', type: 'key' },
    processDefinitionId: { column: 'pi.process_definition_id', type: 'string' },
    processDefinitionName: { column: 'pi.process_definition_name', type: 'string' },
    processDefinitionVersion: { column: 'pi.process_definition_version', type: 'int' },
    processDefinitionVersionTag: { column: 'pi.version_tag', type: 'string' },
    state: { column: 'pi.state', type: 'string' },
    startDate: { column: 'pi.start_date', type: 'date' },
    endDate: { column: 'pi.end_date', type: 'date' },
    hasIncident: { column: '(pi.incident_count > 0)', type: 'boolean' },
    tenantId: { column: 'pi.tenant_id', type: 'string' },
    businessId: { column: 'pi.business_id', type: 'string' },
    parentProcessInstanceKey: { column: 'pi.parent_process_instance_key', type: 'key' },
    parentElementInstanceKey: { column: 'pi.parent_element_instance_key', type: 'key' },
  },
  defaultSort: [{ field: 'processInstanceKey', order: 'ASC' }],
};

/** Reads process instances and their audit log (the read side; the command side writes them). */
@Injectable()
export class ProcessInstanceQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(processInstanceKey: string): Promise<ProcessInstanceEntity | null> {
    return this.dataSource.getRepository(ProcessInstanceEntity).findOneBy({ processInstanceKey });
  }

  search(request: SearchRequestDto) {
    return new SearchQuery(PROCESS_INSTANCE_SEARCH, this.dataSource.getRepository(ProcessInstanceEntity).createQueryBuilder('pi')).run(request);
  }

  /** Events from position `from` on, in order. */
  history(processInstanceKey: string, from: number, limit: number): Promise<ProcessInstanceEventEntity[]> {
    return this.dataSource
      .getRepository(ProcessInstanceEventEntity)
      .createQueryBuilder('e')
      .where('e.process_instance_key = :processInstanceKey AND e.position >= :from', { processInstanceKey, from })
      .orderBy('e.position', 'ASC')
      .limit(limit)
      .getMany();
  }
}
