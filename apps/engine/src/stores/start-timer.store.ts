import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Row, type SqlRunner } from './sql.js';

/** The next occurrence of a timer start event. */
export interface StartTimer {
  timerKey: string;
  tenantId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  elementId: string;
  dueDate: Date;
  /** A time cycle and its repetitions from this occurrence on (null: without end); absent for a time date. */
  cycle?: { expression: string; remaining: number | null };
}

/**
 * Owner of `start_timers`: the schedule of the timer start events of each process id's latest
 * version. `due_date` is business time (engine clock). Written by deployments (the schedule is
 * replaced) and by firing (the fired occurrence replaced by the next one).
 */
@Injectable()
export class StartTimerStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Replaces the process id's schedule with `timers` (none: it has no timer start events any more); returns the keys removed. */
  async replace(manager: SqlRunner, process: { tenantId: string; processDefinitionId: string }, timers: readonly StartTimer[], createdAt: Date): Promise<string[]> {
    const removed = (await manager.query('SELECT timer_key FROM start_timers WHERE tenant_id = ? AND process_definition_id = ? FOR UPDATE', [process.tenantId, process.processDefinitionId])) as Row[];
    await manager.query('DELETE FROM start_timers WHERE tenant_id = ? AND process_definition_id = ?', [process.tenantId, process.processDefinitionId]);
    for (const timer of timers) await this.insert(manager, timer, createdAt);
    return removed.map((row) => String(row.timer_key));
  }

  /** Adds an occurrence. */
  async insert(manager: SqlRunner, timer: StartTimer, createdAt: Date): Promise<void> {
    await manager.query(
      'INSERT INTO start_timers (timer_key, tenant_id, process_definition_id, process_definition_key, element_id, due_date, cycle_expression, cycle_remaining, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [timer.timerKey, timer.tenantId, timer.processDefinitionId, timer.processDefinitionKey, timer.elementId, timer.dueDate, timer.cycle?.expression ?? null, timer.cycle?.remaining ?? null, createdAt],
    );
  }

  /** Locks an occurrence to fire it; null when it is gone (fired by another replica, or replaced by a deployment). */
  async lock(manager: SqlRunner, timerKey: string): Promise<StartTimer | null> {
    const [row] = (await manager.query('SELECT * FROM start_timers WHERE timer_key = ? FOR UPDATE', [timerKey])) as Row[];
    return row ? toStartTimer(row) : null;
  }

  async delete(manager: SqlRunner, timerKey: string): Promise<void> {
    await manager.query('DELETE FROM start_timers WHERE timer_key = ?', [timerKey]);
  }

  /** Occurrences due at `now` (engine clock), earliest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query('SELECT timer_key FROM start_timers WHERE due_date <= ? ORDER BY due_date LIMIT ?', [now, limit])) as Row[];
    return rows.map((row) => String(row.timer_key));
  }

  /** Every scheduled occurrence (to put them on BullMQ again). */
  async all(): Promise<StartTimer[]> {
    return ((await this.dataSource.query('SELECT * FROM start_timers ORDER BY due_date')) as Row[]).map(toStartTimer);
  }
}

function toStartTimer(r: Row): StartTimer {
  const timer: StartTimer = {
    timerKey: String(r.timer_key),
    tenantId: String(r.tenant_id),
    processDefinitionId: String(r.process_definition_id),
    processDefinitionKey: String(r.process_definition_key),
    elementId: String(r.element_id),
    dueDate: r.due_date as Date,
  };
  if (r.cycle_expression !== null && r.cycle_expression !== undefined) {
    timer.cycle = { expression: String(r.cycle_expression), remaining: r.cycle_remaining === null || r.cycle_remaining === undefined ? null : Number(r.cycle_remaining) };
  }
  return timer;
}
