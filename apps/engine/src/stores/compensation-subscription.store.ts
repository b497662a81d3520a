import { Injectable } from '@nestjs/common';
import type { CompensationRecord } from '#engine-core';
import { json, upsertRows, type Read, type Row, type StatementBatch, type WriteContext } from './sql.js';

/**
 * Owner of `compensation_subscriptions`: the completed activity instances of a process instance
 * that can be compensated (docs/engine.md, "Compensation"). Written in the instance's batch;
 * the ones not compensated yet are loaded with the instance, so a compensation throw event, and a
 * handler that completes after a restart, find them under the instance lock.
 */
@Injectable()
export class CompensationSubscriptionStore {
  /** The instance's records not compensated yet, in the order their activities completed. */
  pendingOf(processInstanceKey: string): Read<CompensationRecord[]> {
    return {
      sql: "SELECT * FROM compensation_subscriptions WHERE process_instance_key = ? AND state IN ('READY', 'TRIGGERED', 'COMPENSATING') ORDER BY compensation_key",
      parameters: [processInstanceKey],
      read: (rows) => rows.map(toRecord),
    };
  }

  /** Inserts new records and updates changed ones. */
  upsertStatements(batch: StatementBatch, records: readonly CompensationRecord[], context: WriteContext): void {
    if (records.length === 0) return;
    const { instance, time } = context;
    upsertRows(
      batch,
      'compensation_subscriptions',
      [
        'compensation_key',
        'process_instance_key',
        'element_instance_key',
        'element_id',
        'flow_scope_key',
        'kind',
        'handler_element_id',
        'variables',
        'state',
        'throw_element_instance_key',
        'handler_element_instance_key',
        'ordinal',
        'tenant_id',
        'created_at',
        'updated_at',
      ],
      ['state', 'throw_element_instance_key', 'handler_element_instance_key', 'ordinal', 'updated_at'],
      records.map((r) => [
        r.compensationKey,
        instance.processInstanceKey,
        r.elementInstanceKey,
        r.elementId,
        r.flowScopeKey,
        r.kind,
        r.handlerElementId,
        JSON.stringify(r.variables),
        r.state,
        r.throwElementInstanceKey,
        r.handlerElementInstanceKey,
        r.ordinal,
        instance.tenantId,
        time,
        time,
      ]),
    );
  }
}

function toRecord(r: Row): CompensationRecord {
  const key = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
  return {
    compensationKey: String(r.compensation_key),
    elementInstanceKey: String(r.element_instance_key),
    elementId: String(r.element_id),
    flowScopeKey: String(r.flow_scope_key),
    kind: r.kind as CompensationRecord['kind'],
    handlerElementId: key(r.handler_element_id),
    variables: json<Record<string, unknown>>(r.variables),
    state: r.state as CompensationRecord['state'],
    throwElementInstanceKey: key(r.throw_element_instance_key),
    handlerElementInstanceKey: key(r.handler_element_instance_key),
    ordinal: r.ordinal === null || r.ordinal === undefined ? null : Number(r.ordinal),
  };
}
