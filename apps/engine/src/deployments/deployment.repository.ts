import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { DeploymentEntity, FormEntity, ProcessDefinitionEntity } from '#persistence';

/** Reads and writes deployments, process definition versions and form versions. */
@Injectable()
export class DeploymentRepository {
  constructor(readonly dataSource: DataSource) {}

  /** The latest version of a process id, locked (FOR UPDATE) for the rest of the transaction. */
  async latestProcessVersion(manager: EntityManager, tenantId: string, processDefinitionId: string): Promise<LatestVersion | null> {
    const [row] = (await manager.query(
      'SELECT process_definition_key AS `key`, version, resource_hash, resource_name FROM process_definitions WHERE tenant_id = ? AND process_definition_id = ? ORDER BY version DESC LIMIT 1 FOR UPDATE',
      [tenantId, processDefinitionId],
    )) as RawLatest[];
    return row ? toLatest(row) : null;
  }

  /** The latest version of a form id, locked (FOR UPDATE) for the rest of the transaction. */
  async latestFormVersion(manager: EntityManager, tenantId: string, formId: string): Promise<LatestVersion | null> {
    const [row] = (await manager.query(
      'SELECT form_key AS `key`, version, resource_hash, resource_name FROM forms WHERE tenant_id = ? AND form_id = ? ORDER BY version DESC LIMIT 1 FOR UPDATE',
      [tenantId, formId],
    )) as RawLatest[];
    return row ? toLatest(row) : null;
  }

  async insertDeployment(manager: EntityManager, deployment: DeploymentEntity): Promise<void> {
    await manager.insert(DeploymentEntity, deployment);
  }

  async insertProcessDefinition(manager: EntityManager, definition: ProcessDefinitionEntity): Promise<void> {
    await manager.insert(ProcessDefinitionEntity, definition as QueryDeepPartialEntity<ProcessDefinitionEntity>);
  }

  /** Makes this version's message start events the process id's subscriptions (replacing the previous version's). */
  async replaceMessageStartSubscriptions(manager: EntityManager, definition: { tenantId: string; processDefinitionId: string; processDefinitionKey: string; events: Array<{ elementId: string; messageName: string }> }): Promise<void> {
    await manager.query('DELETE FROM message_start_subscriptions WHERE tenant_id = ? AND process_definition_id = ?', [definition.tenantId, definition.processDefinitionId]);
    if (definition.events.length === 0) return;
    await manager.query(
      `INSERT INTO message_start_subscriptions (tenant_id, process_definition_id, element_id, message_name, process_definition_key) VALUES ${definition.events.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      definition.events.flatMap((e) => [definition.tenantId, definition.processDefinitionId, e.elementId, e.messageName, definition.processDefinitionKey]),
    );
  }

  async insertForm(manager: EntityManager, form: FormEntity): Promise<void> {
    await manager.insert(FormEntity, form as QueryDeepPartialEntity<FormEntity>);
  }
}

/** The latest version of a process or form id: enough to decide "same" or "next version". */
export interface LatestVersion {
  key: string;
  version: number;
  resourceHash: string;
  resourceName: string;
}

type RawLatest = { key: string; version: number; resource_hash: string; resource_name: string };

function toLatest(row: RawLatest): LatestVersion {
  return { key: String(row.key), version: Number(row.version), resourceHash: row.resource_hash, resourceName: row.resource_name };
}
