import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { ExecutableProcess } from '#bpmn';
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

/** What its search accepts (also the OpenAPI description of its body). */
export const PROCESS_DEFINITION_SEARCH: SearchDefinition = {
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

/** The latest version of a process or form id: enough to decide "same" or "next version". */
export interface LatestVersion {
  key: string;
  version: number;
  resourceHash: string;
  resourceName: string;
}

/**
 * Owner of `process_definitions`: deployed versions (written once, by a deployment; only a model
 * compiled for an older executable model version is replaced, once, by its recompilation), read
 * by key, by id and version, by call-activity binding, and searched.
 */
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

  /** The whole definition (with XML and compiled model); inside a transaction pass its EntityManager. */
  find(processDefinitionKey: string, manager: EntityManager = this.dataSource.manager): Promise<ProcessDefinitionEntity | null> {
    return manager.getRepository(ProcessDefinitionEntity).findOneBy({ processDefinitionKey });
  }

  /** The compiled model of a definition (for legacy embedded forms). */
  async executableModel(processDefinitionKey: string): Promise<ExecutableProcess | null> {
    const row = await this.query().select(['pd.processDefinitionKey', 'pd.executableModel']).where('pd.process_definition_key = :processDefinitionKey', { processDefinitionKey }).getOne();
    return row?.executableModel ?? null;
  }

  /** The key of a process id's given version, or of its latest version; null when not deployed. */
  async keyOf(processDefinitionId: string, version: number | undefined, tenantId: string): Promise<string | null> {
    const query = this.query().select(['pd.processDefinitionKey']).where('pd.process_definition_id = :processDefinitionId AND pd.tenant_id = :tenantId', { processDefinitionId, tenantId });
    if (version !== undefined) query.andWhere('pd.version = :version', { version });
    const row = await query.orderBy('pd.version', 'DESC').limit(1).getOne();
    return row?.processDefinitionKey ?? null;
  }

  /**
   * The latest version of a process id in a tenant, optionally only among those deployed in a
   * deployment or carrying a version tag (a call activity's binding); null when there is none.
   */
  async latestKeyMatching(manager: EntityManager, match: { processDefinitionId: string; tenantId: string; deploymentKey?: string; versionTag?: string | null }): Promise<string | null> {
    const where = ['process_definition_id = ?', 'tenant_id = ?'];
    const parameters: unknown[] = [match.processDefinitionId, match.tenantId];
    if (match.deploymentKey !== undefined) {
      where.push('deployment_key = ?');
      parameters.push(match.deploymentKey);
    }
    if (match.versionTag !== undefined) {
      where.push('version_tag = ?');
      parameters.push(match.versionTag);
    }
    const [row] = (await manager.query(`SELECT process_definition_key FROM process_definitions WHERE ${where.join(' AND ')} ORDER BY version DESC LIMIT 1`, parameters)) as Array<{
      process_definition_key: string;
    }>;
    return row ? String(row.process_definition_key) : null;
  }

  /** The latest version of a process id, locked (FOR UPDATE) for the rest of the deployment's transaction. */
  async latestVersionForUpdate(manager: EntityManager, tenantId: string, processDefinitionId: string): Promise<LatestVersion | null> {
    const [row] = (await manager.query(
      'SELECT process_definition_key AS `key`, version, resource_hash, resource_name FROM process_definitions WHERE tenant_id = ? AND process_definition_id = ? ORDER BY version DESC LIMIT 1 FOR UPDATE',
      [tenantId, processDefinitionId],
    )) as Array<{ key: string; version: number; resource_hash: string; resource_name: string }>;
    return row ? { key: String(row.key), version: Number(row.version), resourceHash: row.resource_hash, resourceName: row.resource_name } : null;
  }

  /**
   * Stores a definition's model compiled again from its XML (a model of an older executable model
   * version, EXECUTABLE_MODEL_VERSION): the only change a definition row ever sees, done once.
   */
  async replaceExecutableModel(processDefinitionKey: string, model: ExecutableProcess, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('UPDATE process_definitions SET executable_model = ? WHERE process_definition_key = ?', [JSON.stringify(model), processDefinitionKey]);
  }

  async insert(manager: EntityManager, definition: ProcessDefinitionEntity): Promise<void> {
    await manager.insert(ProcessDefinitionEntity, definition as QueryDeepPartialEntity<ProcessDefinitionEntity>);
  }

  search(request: SearchRequestDto) {
    return new SearchQuery(PROCESS_DEFINITION_SEARCH, this.query().select(SUMMARY_COLUMNS)).run(request);
  }
}
