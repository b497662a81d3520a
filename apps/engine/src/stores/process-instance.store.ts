import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProcessInstanceRecord } from '#engine-core';
import { date, iso, isoOrNull, type Read, type Row, type SqlRunner, type StatementBatch } from './sql.js';

/** A loaded instance row: the record, and how many events its audit log holds. */
export interface LoadedInstance {
  record: ProcessInstanceRecord;
  eventPosition: number;
}

/**
 * Owner of `process_instances`: the instance row is also the instance's lock (design.md
 * invariant 4). Written in the command's batch; read by the command side through here.
 */
@Injectable()
export class ProcessInstanceStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks the instance row (SELECT ... FOR UPDATE) and reads it: the first read of every command. */
  lock(processInstanceKey: string): Read<LoadedInstance | null> {
    return {
      sql: 'SELECT * FROM process_instances WHERE process_instance_key = ? FOR UPDATE',
      parameters: [processInstanceKey],
      read: ([row]) => (row ? { record: toInstance(row), eventPosition: Number(row.event_position) } : null),
    };
  }

  /** The INSERT of a new instance or the UPDATE of an existing one; `eventPosition` is the audit log's length after the command. */
  writeStatements(batch: StatementBatch, instance: ProcessInstanceRecord, options: { isNew: boolean; eventPosition: number }): void {
    if (options.isNew) {
      batch.query(
        `INSERT INTO process_instances (process_instance_key, process_definition_key, process_definition_id, process_definition_version, process_definition_name, version_tag, tenant_id, state, business_id, incident_count, start_date, end_date, started_by, event_position, parent_process_instance_key, parent_element_instance_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [instance.processInstanceKey, instance.processDefinitionKey, instance.processDefinitionId, instance.processDefinitionVersion, instance.processDefinitionName, instance.versionTag, instance.tenantId, instance.state, instance.businessId, instance.incidentCount, new Date(instance.startDate), date(instance.endDate), instance.startedBy, options.eventPosition,
          instance.parentProcessInstanceKey ?? null, instance.parentElementInstanceKey ?? null],
      );
      return;
    }
    batch.query('UPDATE process_instances SET state = ?, incident_count = ?, end_date = ?, event_position = ? WHERE process_instance_key = ?', [
      instance.state,
      instance.incidentCount,
      date(instance.endDate),
      options.eventPosition,
      instance.processInstanceKey,
    ]);
  }

  /**
   * Locks a parent instance and reads the call activity that is to start a child: its state and
   * the child it waits for (null when the parent or the element is unknown).
   */
  async lockCallActivity(manager: SqlRunner, parentProcessInstanceKey: string, elementInstanceKey: string): Promise<{ state: string; calledProcessInstanceKey: string | null } | null> {
    const [row] = (await manager.query(
      `SELECT e.state, e.called_process_instance_key FROM process_instances p
         JOIN element_instances e ON e.element_instance_key = ?
        WHERE p.process_instance_key = ? FOR UPDATE`,
      [elementInstanceKey, parentProcessInstanceKey],
    )) as Array<{ state: string; called_process_instance_key: string | null }>;
    if (!row) return null;
    return { state: row.state, calledProcessInstanceKey: row.called_process_instance_key === null ? null : String(row.called_process_instance_key) };
  }

  /** The instance's state (ACTIVE, COMPLETED, TERMINATED), or undefined when unknown. */
  async stateOf(processInstanceKey: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query('SELECT state FROM process_instances WHERE process_instance_key = ?', [processInstanceKey])) as Array<{ state: string }>;
    return rows[0]?.state;
  }
}

function toInstance(r: Row): ProcessInstanceRecord {
  return {
    processInstanceKey: String(r.process_instance_key),
    processDefinitionKey: String(r.process_definition_key),
    processDefinitionId: String(r.process_definition_id),
    processDefinitionVersion: Number(r.process_definition_version),
    processDefinitionName: (r.process_definition_name as string | null) ?? null,
    versionTag: (r.version_tag as string | null) ?? null,
    tenantId: String(r.tenant_id),
    state: r.state as ProcessInstanceRecord['state'],
    businessId: (r.business_id as string | null) ?? null,
    startDate: iso(r.start_date),
    endDate: isoOrNull(r.end_date),
    startedBy: String(r.started_by),
    incidentCount: Number(r.incident_count),
    ...(r.parent_process_instance_key != null
      ? { parentProcessInstanceKey: String(r.parent_process_instance_key), parentElementInstanceKey: String(r.parent_element_instance_key) }
      : {}),
  };
}
