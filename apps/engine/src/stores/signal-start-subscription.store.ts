import { Injectable } from '@nestjs/common';
import type { Row, SqlRunner } from './sql.js';

/** A signal start event of the latest version of a process. */
export interface SignalStartSubscription {
  processDefinitionId: string;
  processDefinitionKey: string;
  elementId: string;
}

/**
 * Owner of `signal_start_subscriptions`: the signal start events of each process id's latest
 * version, replaced by every deployment of a new version, read when a signal is broadcast.
 */
@Injectable()
export class SignalStartSubscriptionStore {
  /** Makes this version's signal start events the process id's subscriptions (replacing the previous version's). */
  async replace(manager: SqlRunner, definition: { tenantId: string; processDefinitionId: string; processDefinitionKey: string; events: Array<{ elementId: string; signalName: string }> }): Promise<void> {
    await manager.query('DELETE FROM signal_start_subscriptions WHERE tenant_id = ? AND process_definition_id = ?', [definition.tenantId, definition.processDefinitionId]);
    if (definition.events.length === 0) return;
    await manager.query(
      `INSERT INTO signal_start_subscriptions (tenant_id, process_definition_id, element_id, signal_name, process_definition_key) VALUES ${definition.events.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      definition.events.flatMap((e) => [definition.tenantId, definition.processDefinitionId, e.elementId, e.signalName, definition.processDefinitionKey]),
    );
  }

  /** The start events a signal starts, by process id and element id. */
  async forSignal(manager: SqlRunner, tenantId: string, signalName: string): Promise<SignalStartSubscription[]> {
    const rows = (await manager.query(
      'SELECT process_definition_id, process_definition_key, element_id FROM signal_start_subscriptions WHERE tenant_id = ? AND signal_name = ? ORDER BY process_definition_id, element_id',
      [tenantId, signalName],
    )) as Row[];
    return rows.map((row) => ({ processDefinitionId: String(row.process_definition_id), processDefinitionKey: String(row.process_definition_key), elementId: String(row.element_id) }));
  }
}
