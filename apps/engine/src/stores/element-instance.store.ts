import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { externalState, type ElementInstanceRecord } from '#engine-core';
import { date, iso, isoOrNull, json, keyOrNull, upsertRows, type Read, type Row, type StatementBatch, type WriteContext } from './sql.js';

/** Owner of `element_instances`: the elements of every instance, active and ended (the audit keeps them). */
@Injectable()
export class ElementInstanceStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The instance's active element instances (read under the instance lock). */
  activeOf(processInstanceKey: string): Read<ElementInstanceRecord[]> {
    return {
      sql: "SELECT * FROM element_instances WHERE process_instance_key = ? AND state = 'ACTIVE'",
      parameters: [processInstanceKey],
      read: (rows) => rows.map(toElement),
    };
  }

  /** Inserts new element instances and updates changed ones. */
  upsertStatements(batch: StatementBatch, elements: readonly ElementInstanceRecord[], context: WriteContext): void {
    const { instance } = context;
    upsertRows(
      batch,
      'element_instances',
      ['element_instance_key', 'process_instance_key', 'process_definition_key', 'process_definition_id', 'element_id', 'element_name', 'element_type', 'flow_scope_key', 'state', 'lifecycle', 'incident_key', 'tenant_id', 'start_date', 'end_date', 'called_process_instance_key', 'multi_instance'],
      ['state', 'lifecycle', 'incident_key', 'end_date', 'called_process_instance_key', 'multi_instance'],
      elements.map((e) => [
        e.elementInstanceKey, e.processInstanceKey, context.processDefinitionKey, instance.processDefinitionId, e.elementId, e.elementName, e.elementType, e.flowScopeKey, externalState(e.lifecycle), e.lifecycle, e.incidentKey, instance.tenantId,
        new Date(e.startDate), date(e.endDate), e.calledProcessInstanceKey ?? null, e.multiInstance ? JSON.stringify(e.multiInstance) : null,
      ]),
    );
  }

  /** The process instance an element instance belongs to, or null when the key is unknown. */
  async processInstanceOf(elementInstanceKey: string): Promise<string | null> {
    const [row] = (await this.dataSource.query('SELECT process_instance_key FROM element_instances WHERE element_instance_key = ?', [elementInstanceKey])) as Array<{ process_instance_key: string }>;
    return row ? String(row.process_instance_key) : null;
  }
}

function toElement(r: Row): ElementInstanceRecord {
  return {
    elementInstanceKey: String(r.element_instance_key),
    processInstanceKey: String(r.process_instance_key),
    elementId: String(r.element_id),
    elementName: (r.element_name as string | null) ?? null,
    elementType: r.element_type as ElementInstanceRecord['elementType'],
    flowScopeKey: keyOrNull(r.flow_scope_key),
    lifecycle: r.lifecycle as ElementInstanceRecord['lifecycle'],
    startDate: iso(r.start_date),
    endDate: isoOrNull(r.end_date),
    incidentKey: keyOrNull(r.incident_key),
    ...(r.called_process_instance_key != null ? { calledProcessInstanceKey: String(r.called_process_instance_key) } : {}),
    ...(r.multi_instance != null ? { multiInstance: json<ElementInstanceRecord['multiInstance']>(r.multi_instance) } : {}),
  };
}
