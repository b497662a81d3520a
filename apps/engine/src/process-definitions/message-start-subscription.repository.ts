import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A message start event of the latest version of a process. */
export interface MessageStartSubscription {
  processDefinitionId: string;
  processDefinitionKey: string;
  elementId: string;
}

/**
 * Owner of `message_start_subscriptions`: the message start events of each process id's latest
 * version, replaced by every deployment of a new version, read when a message is published.
 */
@Injectable()
export class MessageStartSubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Makes this version's message start events the process id's subscriptions (replacing the previous version's). */
  async replace(manager: EntityManager, definition: { tenantId: string; processDefinitionId: string; processDefinitionKey: string; events: Array<{ elementId: string; messageName: string }> }): Promise<void> {
    await manager.query('DELETE FROM message_start_subscriptions WHERE tenant_id = ? AND process_definition_id = ?', [definition.tenantId, definition.processDefinitionId]);
    if (definition.events.length === 0) return;
    await manager.query(
      `INSERT INTO message_start_subscriptions (tenant_id, process_definition_id, element_id, message_name, process_definition_key) VALUES ${definition.events.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      definition.events.flatMap((e) => [definition.tenantId, definition.processDefinitionId, e.elementId, e.messageName, definition.processDefinitionKey]),
    );
  }

  /** The start events listening for a message name, ordered by process id and element id. */
  async forMessage(tenantId: string, messageName: string): Promise<MessageStartSubscription[]> {
    const rows = (await this.dataSource.query(
      'SELECT process_definition_id, process_definition_key, element_id FROM message_start_subscriptions WHERE tenant_id = ? AND message_name = ? ORDER BY process_definition_id, element_id',
      [tenantId, messageName],
    )) as Array<{ process_definition_id: string; process_definition_key: string; element_id: string }>;
    return rows.map((row) => ({ processDefinitionId: row.process_definition_id, processDefinitionKey: String(row.process_definition_key), elementId: row.element_id }));
  }
}
