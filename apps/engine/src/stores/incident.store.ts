import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IncidentRecord } from '#engine-core';
import { date, iso, isoOrNull, json, keyOrNull, upsertRows, type Read, type Row, type StatementBatch, type WriteContext } from './sql.js';

/** Owner of `incidents`: raised and resolved in the command's batch. */
@Injectable()
export class IncidentStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The instance's active incidents (read under the instance lock). */
  activeOf(processInstanceKey: string): Read<IncidentRecord[]> {
    return {
      sql: "SELECT * FROM incidents WHERE process_instance_key = ? AND state = 'ACTIVE'",
      parameters: [processInstanceKey],
      read: (rows) => rows.map(toIncident),
    };
  }

  /** Inserts new incidents and updates resolved ones. */
  upsertStatements(batch: StatementBatch, incidents: readonly IncidentRecord[], context: WriteContext): void {
    const { instance } = context;
    upsertRows(
      batch,
      'incidents',
      ['incident_key', 'process_instance_key', 'process_definition_key', 'process_definition_id', 'element_id', 'element_instance_key', 'job_key', 'error_type', 'error_message', 'state', 'retry', 'tenant_id', 'creation_time', 'resolved_at', 'trigger_variables'],
      ['state', 'resolved_at'],
      incidents.map((i) => [
        i.incidentKey, instance.processInstanceKey, context.processDefinitionKey, instance.processDefinitionId, i.elementId, i.elementInstanceKey, i.jobKey, i.errorType, i.errorMessage, i.state, i.retry, instance.tenantId,
        new Date(i.creationTime), date(i.resolvedAt), i.trigger ? JSON.stringify(i.trigger) : null,
      ]),
    );
  }

  /** The process instance an incident belongs to, or null when the key is unknown. */
  async processInstanceOf(incidentKey: string): Promise<string | null> {
    const [row] = (await this.dataSource.query('SELECT process_instance_key FROM incidents WHERE incident_key = ?', [incidentKey])) as Array<{ process_instance_key: string }>;
    return row ? String(row.process_instance_key) : null;
  }
}

function toIncident(r: Row): IncidentRecord {
  return {
    incidentKey: String(r.incident_key),
    elementInstanceKey: String(r.element_instance_key),
    elementId: String(r.element_id),
    errorType: r.error_type as IncidentRecord['errorType'],
    errorMessage: String(r.error_message),
    state: r.state as IncidentRecord['state'],
    retry: r.retry as IncidentRecord['retry'],
    jobKey: keyOrNull(r.job_key),
    creationTime: iso(r.creation_time),
    resolvedAt: isoOrNull(r.resolved_at),
    ...(r.trigger_variables != null ? { trigger: json<Record<string, unknown>>(r.trigger_variables) } : {}),
  };
}
