import { Injectable } from '@nestjs/common';
import type { InstanceSnapshot, StateChanges } from '#engine-core';
import { insertRows, type Read, type StatementBatch } from './sql.js';

/** Owner of `join_tokens`: the tokens waiting at parallel and inclusive joins, per flow scope. */
@Injectable()
export class JoinTokenStore {
  /** The instance's join tokens (read under the instance lock). */
  of(processInstanceKey: string): Read<InstanceSnapshot['joinTokens']> {
    return {
      sql: 'SELECT flow_scope_key, flow_id, count FROM join_tokens WHERE process_instance_key = ?',
      parameters: [processInstanceKey],
      read: (rows) => rows.map((r) => ({ flowScopeKey: String(r.flow_scope_key), flowId: String(r.flow_id), count: Number(r.count) })),
    };
  }

  /** Replaces the tokens of every scope whose tokens changed (an empty list removes them). */
  replaceStatements(batch: StatementBatch, scopes: StateChanges['joinTokens'], processInstanceKey: string): void {
    for (const scope of scopes) {
      batch.query('DELETE FROM join_tokens WHERE flow_scope_key = ?', [scope.flowScopeKey]);
      insertRows(batch, 'join_tokens', ['flow_scope_key', 'flow_id', 'process_instance_key', 'count'], scope.tokens.map((t) => [scope.flowScopeKey, t.flowId, processInstanceKey, t.count]));
    }
  }
}
