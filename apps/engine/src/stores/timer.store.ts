import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TimerRecord } from '#engine-core';
import { iso, upsertRows, type Read, type Row, type StatementBatch, type WriteContext } from './sql.js';

/**
 * Owner of `timers` (with a cycle's text and repetitions left, so a reminder fires again after a
 * restart). `due_date` is business time (the engine clock, which PUT /v2/clock may
 * pin): it is compared with the engine clock only.
 */
@Injectable()
export class TimerStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The instance's active timers (read under the instance lock). */
  activeOf(processInstanceKey: string): Read<TimerRecord[]> {
    return {
      sql: "SELECT * FROM timers WHERE process_instance_key = ? AND state = 'ACTIVE'",
      parameters: [processInstanceKey],
      read: (rows) => rows.map(toTimer),
    };
  }

  /** Inserts new timers and updates fired or canceled ones. */
  upsertStatements(batch: StatementBatch, timers: readonly TimerRecord[], context: WriteContext): void {
    const { instance, time } = context;
    upsertRows(
      batch,
      'timers',
      ['timer_key', 'process_instance_key', 'element_instance_key', 'element_id', 'due_date', 'state', 'tenant_id', 'created_at', 'ended_at', 'cycle_expression', 'cycle_remaining'],
      ['state', 'ended_at'],
      timers.map((t) => [
        t.timerKey,
        instance.processInstanceKey,
        t.elementInstanceKey,
        t.elementId,
        new Date(t.dueDate),
        t.state,
        instance.tenantId,
        time,
        t.state === 'ACTIVE' ? null : time,
        t.cycle?.expression ?? null,
        t.cycle?.remaining ?? null,
      ]),
    );
  }

  /** Active timers due at `now` (engine clock), earliest first. */
  async due(now: Date, limit: number): Promise<Array<{ timerKey: string; processInstanceKey: string }>> {
    const rows = (await this.dataSource.query("SELECT timer_key, process_instance_key FROM timers WHERE state = 'ACTIVE' AND due_date <= ? ORDER BY due_date LIMIT ?", [now, limit])) as Row[];
    return rows.map((r) => ({ timerKey: String(r.timer_key), processInstanceKey: String(r.process_instance_key) }));
  }
}

function toTimer(r: Row): TimerRecord {
  const timer: TimerRecord = {
    timerKey: String(r.timer_key),
    elementInstanceKey: String(r.element_instance_key),
    elementId: String(r.element_id),
    dueDate: iso(r.due_date),
    state: r.state as TimerRecord['state'],
  };
  if (r.cycle_expression !== null && r.cycle_expression !== undefined) {
    timer.cycle = { expression: String(r.cycle_expression), remaining: r.cycle_remaining === null || r.cycle_remaining === undefined ? null : Number(r.cycle_remaining) };
  }
  return timer;
}
