import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { affectedRows, type Row, type SqlRunner } from './sql.js';

/** A message that reached a process instance. */
export interface MessageCorrelation {
  messageKey: string;
  processInstanceKey: string;
  processDefinitionId: string;
  elementId: string;
  correlatedAt: Date;
  /** Kept until then: the message's expiry, or the correlation time for an unbuffered message. */
  expiresAt: Date;
}

/**
 * Owner of `message_correlations`: which process instances (and so which processes) each message
 * reached. Camunda's cardinality rule — a message reaches a process (its BPMN id) at most once —
 * is checked here before a message is correlated; the primary key makes sure it reaches an
 * instance at most once.
 */
@Injectable()
export class MessageCorrelationStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a correlation, in the transaction that correlated the message. */
  async record(manager: SqlRunner, correlation: MessageCorrelation): Promise<void> {
    await manager.query('INSERT INTO message_correlations (message_key, process_instance_key, process_definition_id, element_id, correlated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
      correlation.messageKey,
      correlation.processInstanceKey,
      correlation.processDefinitionId,
      correlation.elementId,
      correlation.correlatedAt,
      correlation.expiresAt,
    ]);
  }

  /** The processes (BPMN ids) a message has reached. */
  async processesReached(manager: SqlRunner, messageKey: string): Promise<Set<string>> {
    const rows = (await manager.query('SELECT DISTINCT process_definition_id FROM message_correlations WHERE message_key = ?', [messageKey])) as Row[];
    return new Set(rows.map((row) => String(row.process_definition_id)));
  }

  /** Removes up to `limit` correlations whose message has expired by `now` (engine clock); how many. */
  async deleteExpired(now: Date, limit: number): Promise<number> {
    return affectedRows(await this.dataSource.query('DELETE FROM message_correlations WHERE expires_at <= ? ORDER BY expires_at LIMIT ?', [now, limit]));
  }
}
