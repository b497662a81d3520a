import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { DeploymentEntity, FormEntity, ProcessDefinitionEntity } from '#persistence';

/** Reads and writes deployments, process definition versions and form versions. */
@Injectable()
export class DeploymentRepository {
  constructor(readonly dataSource: DataSource) {}

  /** The latest version of a process id, locked for the rest of the transaction. */
  latestProcessVersion(manager: EntityManager, tenantId: string, processDefinitionId: string): Promise<ProcessDefinitionEntity | null> {
    return manager
      .getRepository(ProcessDefinitionEntity)
      .createQueryBuilder('pd')
      .select(['pd.processDefinitionKey', 'pd.processDefinitionId', 'pd.version', 'pd.resourceHash', 'pd.resourceName', 'pd.tenantId'])
      .where('pd.tenantId = :tenantId AND pd.processDefinitionId = :processDefinitionId', { tenantId, processDefinitionId })
      .orderBy('pd.version', 'DESC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The latest version of a form id, locked for the rest of the transaction. */
  latestFormVersion(manager: EntityManager, tenantId: string, formId: string): Promise<FormEntity | null> {
    return manager
      .getRepository(FormEntity)
      .createQueryBuilder('f')
      .select(['f.formKey', 'f.formId', 'f.version', 'f.resourceHash', 'f.resourceName', 'f.tenantId'])
      .where('f.tenantId = :tenantId AND f.formId = :formId', { tenantId, formId })
      .orderBy('f.version', 'DESC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
  }

  async insertDeployment(manager: EntityManager, deployment: DeploymentEntity): Promise<void> {
    await manager.insert(DeploymentEntity, deployment);
  }

  async insertProcessDefinition(manager: EntityManager, definition: ProcessDefinitionEntity): Promise<void> {
    await manager.insert(ProcessDefinitionEntity, definition as QueryDeepPartialEntity<ProcessDefinitionEntity>);
  }

  async insertForm(manager: EntityManager, form: FormEntity): Promise<void> {
    await manager.insert(FormEntity, form as QueryDeepPartialEntity<FormEntity>);
  }
}
