import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessDefinitionEntity } from '#persistence';
import { InvalidArgumentError } from '../common/errors/index.js';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';

/** Columns of a definition without the (large) XML and compiled model. */
const SUMMARY_COLUMNS = [
  'pd.processDefinitionKey', 'pd.processDefinitionId', 'pd.version', 'pd.versionTag', 'pd.name',
  'pd.resourceName', 'pd.deploymentKey', 'pd.tenantId', 'pd.hasStartForm', 'pd.createdAt',
];

export type ProcessDefinitionSummary = Omit<ProcessDefinitionEntity, 'bpmnXml' | 'executableModel' | 'resourceHash'>;

const SEARCH: SearchDefinition = {
  entity: 'process definition',
  keyColumn: 'pd.process_definition_key',
  fields: {
    processDefinitionKey: { column: 'pd.process_definition_key', type: 'key' },
    processDefinitionId: { column: 'pd.process_definition_id', type: 'string' },
    name: { column: 'pd.name', type: 'string' },
    resourceName: { column: 'pd.resource_name', type: 'string' },
    version: { column: 'pd.version', type: 'int' },
    versionTag: { column: 'pd.version_tag', type: 'string' },
    tenantId: { column: 'pd.tenant_id', type: 'string' },
    hasStartForm: { column: 'pd.has_start_form', type: 'boolean', sortable: false },
  },
  customFilters: {
    isLatestVersion: (qb, value) => {
      if (typeof value !== 'boolean') {
        throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected true or false for filter 'isLatestVersion' but got ${JSON.stringify(value)}`);
      }
      qb.andWhere(
        `pd.version ${value ? '=' : '<'} (SELECT MAX(latest.version) FROM process_definitions latest WHERE latest.tenant_id = pd.tenant_id AND latest.process_definition_id = pd.process_definition_id)`,
      );
    },
    /**
     * Baton addition: whether the process has a none start event, i.e. whether `POST
     * /v2/process-instances` can start it (processes started only by messages or timers have
     * none). The portal's Start page lists only those. Read from the compiled model.
     */
    hasNoneStartEvent: (qb, value) => {
      if (typeof value !== 'boolean') {
        throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected true or false for filter 'hasNoneStartEvent' but got ${JSON.stringify(value)}`);
      }
      qb.andWhere(`JSON_EXTRACT(pd.executable_model, '$.startEventId') IS ${value ? 'NOT ' : ''}NULL`);
    },
  },
  defaultSort: [{ field: 'processDefinitionKey', order: 'ASC' }],
};

@Injectable()
export class ProcessDefinitionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query() {
    return this.dataSource.getRepository(ProcessDefinitionEntity).createQueryBuilder('pd');
  }

  findSummary(processDefinitionKey: string): Promise<ProcessDefinitionSummary | null> {
    return this.query().select(SUMMARY_COLUMNS).where('pd.process_definition_key = :processDefinitionKey', { processDefinitionKey }).getOne();
  }

  async findXml(processDefinitionKey: string): Promise<string | null> {
    const row = await this.query().select(['pd.processDefinitionKey', 'pd.bpmnXml']).where('pd.process_definition_key = :processDefinitionKey', { processDefinitionKey }).getOne();
    return row?.bpmnXml ?? null;
  }

  find(processDefinitionKey: string): Promise<ProcessDefinitionEntity | null> {
    return this.dataSource.getRepository(ProcessDefinitionEntity).findOneBy({ processDefinitionKey });
  }

  search(request: SearchRequestDto) {
    return new SearchQuery(SEARCH, this.query().select(SUMMARY_COLUMNS)).run(request);
  }
}
