import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { FormEntity } from '#persistence';
import { InvalidArgumentError } from '../common/errors/index.js';
import { SearchQuery, type SearchDefinition } from '../common/search/search-query.js';
import type { SearchRequestDto } from '../common/search/search-request.dto.js';

/**
 * `POST /v2/forms/search` (a Baton addition: Camunda 8.8 reads forms only by key, through user
 * tasks and process definitions; the modeler needs to list the deployed form ids).
 */
/** What its search accepts (also the OpenAPI description of its body). */
export const FORM_SEARCH: SearchDefinition = {
  entity: 'form',
  keyColumn: 'f.form_key',
  fields: {
    formKey: { column: 'f.form_key', type: 'key' },
    formId: { column: 'f.form_id', type: 'string' },
    version: { column: 'f.version', type: 'int' },
    tenantId: { column: 'f.tenant_id', type: 'string' },
  },
  customFilters: {
    isLatestVersion: (qb, value) => {
      if (typeof value !== 'boolean') {
        throw new InvalidArgumentError('SEARCH.INVALID_FILTER_VALUE', `Expected true or false for filter 'isLatestVersion' but got ${JSON.stringify(value)}`);
      }
      qb.andWhere(
        `f.version ${value ? '=' : '<'} (SELECT MAX(latest.version) FROM forms latest WHERE latest.tenant_id = f.tenant_id AND latest.form_id = f.form_id)`,
      );
    },
  },
  defaultSort: [{ field: 'formId', order: 'ASC' }, { field: 'version', order: 'DESC' }],
};

/** Owner of `forms`: deployed form versions (written once, by a deployment), read by key, id and binding, and searched. */
@Injectable()
export class FormRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByKey(formKey: string): Promise<FormEntity | null> {
    return this.dataSource.getRepository(FormEntity).findOneBy({ formKey });
  }

  /** The latest version of a form id (through `manager` inside a transaction). */
  findLatest(tenantId: string, formId: string, manager: EntityManager = this.dataSource.manager): Promise<FormEntity | null> {
    return manager.getRepository(FormEntity).findOne({ where: { tenantId, formId }, order: { version: 'DESC' } });
  }

  /** The version of a form id deployed in a given deployment (bindingType "deployment"). */
  findInDeployment(tenantId: string, formId: string, deploymentKey: string, manager: EntityManager = this.dataSource.manager): Promise<FormEntity | null> {
    return manager.getRepository(FormEntity).findOne({ where: { tenantId, formId, deploymentKey }, order: { version: 'DESC' } });
  }

  /** Every version of a form id, newest first. */
  findVersions(tenantId: string, formId: string, manager: EntityManager = this.dataSource.manager): Promise<FormEntity[]> {
    return manager.getRepository(FormEntity).find({ where: { tenantId, formId }, order: { version: 'DESC' } });
  }

  /** The latest version of a form id, locked (FOR UPDATE) for the rest of the deployment's transaction. */
  async latestVersionForUpdate(manager: EntityManager, tenantId: string, formId: string): Promise<{ key: string; version: number; resourceHash: string; resourceName: string } | null> {
    const [row] = (await manager.query(
      'SELECT form_key AS `key`, version, resource_hash, resource_name FROM forms WHERE tenant_id = ? AND form_id = ? ORDER BY version DESC LIMIT 1 FOR UPDATE',
      [tenantId, formId],
    )) as Array<{ key: string; version: number; resource_hash: string; resource_name: string }>;
    return row ? { key: String(row.key), version: Number(row.version), resourceHash: row.resource_hash, resourceName: row.resource_name } : null;
  }

  async insert(manager: EntityManager, form: FormEntity): Promise<void> {
    await manager.insert(FormEntity, form as QueryDeepPartialEntity<FormEntity>);
  }

  /** Camunda-style `{filter, sort, page}` search over every deployed form version. */
  search(request: SearchRequestDto) {
    return new SearchQuery(FORM_SEARCH, this.dataSource.getRepository(FormEntity).createQueryBuilder('f')).run(request);
  }
}
