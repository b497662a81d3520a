import { Injectable } from '@nestjs/common';
import type { SqlRunner } from './sql.js';

/**
 * Owner of `active_business_ids`: a business id is unique among the active instances of a
 * process id (Temporal's workflow-id policy). Reserved when an instance starts, released when it ends.
 */
@Injectable()
export class BusinessIdStore {
  /** Reserves the id for the instance; when an active instance holds it already, returns that instance's key. */
  async reserve(manager: SqlRunner, reservation: { tenantId: string; processDefinitionId: string; businessId: string; processInstanceKey: string }): Promise<{ reserved: true } | { heldBy: string | null }> {
    const { tenantId, processDefinitionId, businessId, processInstanceKey } = reservation;
    try {
      await manager.query('INSERT INTO active_business_ids (tenant_id, process_definition_id, business_id, process_instance_key) VALUES (?, ?, ?, ?)', [tenantId, processDefinitionId, businessId, processInstanceKey]);
      return { reserved: true };
    } catch (error) {
      if ((error as { code?: string }).code !== 'ER_DUP_ENTRY') throw error;
      const [existing] = (await manager.query('SELECT process_instance_key FROM active_business_ids WHERE tenant_id = ? AND process_definition_id = ? AND business_id = ?', [
        tenantId,
        processDefinitionId,
        businessId,
      ])) as Array<{ process_instance_key: string }>;
      return { heldBy: existing ? String(existing.process_instance_key) : null };
    }
  }

  /** Frees the business id of an instance that ended. */
  async release(manager: SqlRunner, processInstanceKey: string): Promise<void> {
    await manager.query('DELETE FROM active_business_ids WHERE process_instance_key = ?', [processInstanceKey]);
  }
}
