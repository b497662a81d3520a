import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  ElementInstanceRecord,
  EngineEvent,
  IncidentRecord,
  InstanceSnapshot,
  JobRecord,
  ProcessInstanceRecord,
  InstanceState,
  TimerRecord,
  UserTaskRecord,
  VariableRecord,
} from '#engine-core';
import { externalState } from '#engine-core';

/** Who or what caused a command, recorded with every event of the audit log. */
export interface CommandOrigin {
  command: string;
  actor: string;
}

type Row = Record<string, unknown>;

/**
 * Loads the active state of one process instance (locking its row first) and writes back what
 * a command changed plus its events, all inside the caller's transaction. Plain SQL with
 * multi-row statements: this is the engine's hot path.
 */
@Injectable()
export class InstanceStore {
  /**
   * Locks the instance row (SELECT ... FOR UPDATE) and loads its active state, in one round
   * trip (the statements run in order, so every read happens under the lock); null if unknown.
   */
  async lockAndLoad(manager: EntityManager, processInstanceKey: string): Promise<{ snapshot: InstanceSnapshot; eventPosition: number } | null> {
    const results = (await manager.query(
      [
        'SELECT * FROM process_instances WHERE process_instance_key = ? FOR UPDATE',
        "SELECT * FROM element_instances WHERE process_instance_key = ? AND state = 'ACTIVE'",
        "SELECT v.variable_key, v.scope_key, v.name, v.value FROM element_instances e JOIN variables v ON v.scope_key = e.element_instance_key WHERE e.process_instance_key = ? AND e.state = 'ACTIVE'",
        'SELECT flow_scope_key, flow_id, count FROM join_tokens WHERE process_instance_key = ?',
        "SELECT * FROM user_tasks WHERE process_instance_key = ? AND state = 'CREATED'",
        // Locked too: workers activate jobs without the instance lock (a conditional update on the row).
        // The index is named: chosen by statistics, MariaDB sometimes scanned (and locked) other instances' jobs.
        "SELECT * FROM jobs FORCE INDEX (idx_jobs_instance) WHERE process_instance_key = ? AND state IN ('CREATED', 'ACTIVATED', 'FAILED', 'ERROR_THROWN') FOR UPDATE",
        "SELECT * FROM incidents WHERE process_instance_key = ? AND state = 'ACTIVE'",
        "SELECT * FROM timers WHERE process_instance_key = ? AND state = 'ACTIVE'",
      ].join(';\n'),
      Array(8).fill(processInstanceKey),
    )) as Row[][];
    const [[row], elements, variables, tokens, userTasks, jobs, incidents, timers] = results as [Row[], Row[], Row[], Row[], Row[], Row[], Row[], Row[]];
    if (!row) return null;
    return {
      snapshot: {
        instance: toInstance(row),
        elements: elements.map(toElement),
        variables: variables.map(toVariable),
        joinTokens: tokens.map((r) => ({ flowScopeKey: String(r.flow_scope_key), flowId: String(r.flow_id), count: Number(r.count) })),
        userTasks: userTasks.map(toUserTask),
        jobs: jobs.map(toJob),
        incidents: incidents.map(toIncident),
        timers: timers.map(toTimer),
      },
      eventPosition: Number(row.event_position),
    };
  }

  /**
   * Writes the changed records and appends the events to the audit log. `eventPosition` is the
   * number of events the instance had before this command.
   */
  async save(manager: EntityManager, state: InstanceState, events: EngineEvent[], context: { instance: ProcessInstanceRecord; processDefinitionKey: string; eventPosition: number; isNew: boolean; time: string; origin: CommandOrigin }): Promise<void> {
    const batch = new StatementBatch();
    this.collect(batch, state, events, context);
    await batch.run(manager);
  }

  private collect(batch: StatementBatch, state: InstanceState, events: EngineEvent[], context: { instance: ProcessInstanceRecord; processDefinitionKey: string; eventPosition: number; isNew: boolean; time: string; origin: CommandOrigin }): void {
    const changes = state.changes();
    const { instance } = context;
    const tenantId = instance.tenantId;
    const position = context.eventPosition + events.length;
    const time = new Date(context.time);

    if (context.isNew) {
      batch.query(
        `INSERT INTO process_instances (process_instance_key, process_definition_key, process_definition_id, process_definition_version, process_definition_name, version_tag, tenant_id, state, business_id, incident_count, start_date, end_date, started_by, event_position, parent_process_instance_key, parent_element_instance_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [instance.processInstanceKey, instance.processDefinitionKey, instance.processDefinitionId, instance.processDefinitionVersion, instance.processDefinitionName, instance.versionTag, tenantId, instance.state, instance.businessId, instance.incidentCount, new Date(instance.startDate), date(instance.endDate), instance.startedBy, position,
          instance.parentProcessInstanceKey ?? null, instance.parentElementInstanceKey ?? null],
      );
    } else {
      batch.query('UPDATE process_instances SET state = ?, incident_count = ?, end_date = ?, event_position = ? WHERE process_instance_key = ?', [
        instance.state,
        instance.incidentCount,
        date(instance.endDate),
        position,
        instance.processInstanceKey,
      ]);
    }

    upsert(
      batch,
      'element_instances',
      ['element_instance_key', 'process_instance_key', 'process_definition_key', 'process_definition_id', 'element_id', 'element_name', 'element_type', 'flow_scope_key', 'state', 'lifecycle', 'incident_key', 'tenant_id', 'start_date', 'end_date', 'called_process_instance_key', 'multi_instance'],
      ['state', 'lifecycle', 'incident_key', 'end_date', 'called_process_instance_key', 'multi_instance'],
      changes.elements.map((e) => [
        e.elementInstanceKey, e.processInstanceKey, context.processDefinitionKey, instance.processDefinitionId, e.elementId, e.elementName, e.elementType, e.flowScopeKey, externalState(e.lifecycle), e.lifecycle, e.incidentKey, tenantId,
        new Date(e.startDate), date(e.endDate), e.calledProcessInstanceKey ?? null, e.multiInstance ? JSON.stringify(e.multiInstance) : null,
      ]),
    );

    upsert(
      batch,
      'variables',
      ['variable_key', 'process_instance_key', 'scope_key', 'name', 'value', 'tenant_id'],
      ['value'],
      changes.variables.map((v) => [v.variableKey, instance.processInstanceKey, v.scopeKey, v.name, JSON.stringify(v.value), tenantId]),
    );

    for (const scope of changes.joinTokens) {
      batch.query('DELETE FROM join_tokens WHERE flow_scope_key = ?', [scope.flowScopeKey]);
      insert(batch, 'join_tokens', ['flow_scope_key', 'flow_id', 'process_instance_key', 'count'], scope.tokens.map((t) => [scope.flowScopeKey, t.flowId, instance.processInstanceKey, t.count]));
    }

    upsert(
      batch,
      'user_tasks',
      ['user_task_key', 'element_instance_key', 'process_instance_key', 'process_definition_key', 'process_definition_id', 'process_definition_version', 'process_name', 'element_id', 'name', 'state', 'assignee', 'candidate_groups', 'candidate_users', 'due_date', 'follow_up_date', 'priority', 'form_key', 'embedded_form_id', 'external_form_reference', 'custom_headers', 'tenant_id', 'creation_date', 'completion_date'],
      ['state', 'assignee', 'candidate_groups', 'candidate_users', 'due_date', 'follow_up_date', 'priority', 'completion_date'],
      changes.userTasks.map((t) => [
        t.userTaskKey, t.elementInstanceKey, instance.processInstanceKey, context.processDefinitionKey, instance.processDefinitionId, instance.processDefinitionVersion, instance.processDefinitionName,
        t.elementId, t.name, t.state, t.assignee, JSON.stringify(t.candidateGroups), JSON.stringify(t.candidateUsers), date(t.dueDate), date(t.followUpDate), t.priority,
        t.formKey, t.embeddedFormId, t.externalFormReference, JSON.stringify(t.customHeaders), tenantId, new Date(t.creationDate), date(t.completionDate),
      ]),
    );
    if (changes.userTasks.length > 0) {
      const keys = changes.userTasks.map((t) => t.userTaskKey);
      batch.query(`DELETE FROM user_task_candidates WHERE user_task_key IN (${keys.map(() => '?').join(',')})`, keys);
      insert(
        batch,
        'user_task_candidates',
        ['user_task_key', 'kind', 'candidate'],
        changes.userTasks.flatMap((t) => [...t.candidateGroups.map((g) => [t.userTaskKey, 'group', g]), ...t.candidateUsers.map((u) => [t.userTaskKey, 'user', u])]),
      );
    }

    // A job the core made activatable is marked for dispatch (the outbox): the executor publishes
    // it to BullMQ after the commit, the dispatch sweeper if that publish was lost.
    upsert(
      batch,
      'jobs',
      ['job_key', 'type', 'state', 'process_instance_key', 'element_instance_key', 'element_id', 'process_definition_key', 'process_definition_id', 'process_definition_version',
        'retries', 'custom_headers', 'tenant_id', 'created_at', 'ended_at', 'retry_at', 'error_message', 'activatable', 'dispatch_state', 'dispatch_requested_at', 'dispatch_count'],
      ['state', 'retries', 'ended_at', 'retry_at', 'error_message', 'activatable', 'dispatch_count', 'dispatch_state', 'dispatch_requested_at', 'worker', 'deadline'],
      changes.jobs.map((j) => [
        j.jobKey, j.type, j.state, instance.processInstanceKey, j.elementInstanceKey, j.elementId, context.processDefinitionKey, instance.processDefinitionId, instance.processDefinitionVersion,
        j.retries, JSON.stringify(j.customHeaders), tenantId, new Date(j.createdAt), ['COMPLETED', 'CANCELED'].includes(j.state) ? time : null,
        date(j.retryAt), j.errorMessage, j.activatable ? 1 : 0, j.activatable ? 'PENDING' : 'NONE', j.activatable ? time : null, j.activatable ? 1 : 0,
      ]),
      {
        // Each time a job becomes activatable again it is a new dispatch (a new BullMQ job id).
        dispatch_count: "IF(VALUES(dispatch_state) = 'PENDING', dispatch_count + 1, dispatch_count)",
        // A job offered again loses its worker; an ended job keeps the one that ended it (for the
        // audit). Only an activated job has a deadline.
        worker: 'IF(VALUES(activatable) = 1, NULL, worker)',
        deadline: "IF(VALUES(state) = 'ACTIVATED', deadline, NULL)",
      },
    );

    upsert(
      batch,
      'incidents',
      ['incident_key', 'process_instance_key', 'process_definition_key', 'process_definition_id', 'element_id', 'element_instance_key', 'job_key', 'error_type', 'error_message', 'state', 'retry', 'tenant_id', 'creation_time', 'resolved_at'],
      ['state', 'resolved_at'],
      changes.incidents.map((i) => [
        i.incidentKey, instance.processInstanceKey, context.processDefinitionKey, instance.processDefinitionId, i.elementId, i.elementInstanceKey, i.jobKey, i.errorType, i.errorMessage, i.state, i.retry, tenantId,
        new Date(i.creationTime), date(i.resolvedAt),
      ]),
    );

    upsert(
      batch,
      'timers',
      ['timer_key', 'process_instance_key', 'element_instance_key', 'element_id', 'due_date', 'state', 'tenant_id', 'created_at', 'ended_at'],
      ['state', 'ended_at'],
      changes.timers.map((t) => [t.timerKey, instance.processInstanceKey, t.elementInstanceKey, t.elementId, new Date(t.dueDate), t.state, tenantId, time, t.state === 'ACTIVE' ? null : time]),
    );

    insert(
      batch,
      'process_instance_events',
      ['process_instance_key', 'position', 'event_type', 'element_id', 'element_instance_key', 'payload', 'command', 'actor', 'time'],
      events.map((event, i) => {
        const { type, ...payload } = event;
        const { elementId, elementInstanceKey } = elementOf(event, state);
        return [instance.processInstanceKey, context.eventPosition + i + 1, type, elementId, elementInstanceKey, JSON.stringify(payload), context.origin.command, context.origin.actor, time];
      }),
    );
  }
}

/** The element an event concerns, for the audit log's columns (a taken flow is named by its id). */
function elementOf(event: EngineEvent, state: InstanceState): { elementId: string | null; elementInstanceKey: string | null } {
  switch (event.type) {
    case 'PROCESS_INSTANCE_CREATED':
      return { elementId: event.instance.processDefinitionId, elementInstanceKey: event.instance.processInstanceKey };
    case 'SEQUENCE_FLOW_TAKEN':
      return { elementId: event.flowId, elementInstanceKey: null };
    case 'JOB_CREATED':
      return { elementId: event.job.elementId, elementInstanceKey: event.job.elementInstanceKey };
    case 'TIMER_CREATED':
      return { elementId: event.timer.elementId, elementInstanceKey: event.timer.elementInstanceKey };
    case 'USER_TASK_CREATED':
      return { elementId: event.userTask.elementId, elementInstanceKey: event.userTask.elementInstanceKey };
    case 'VARIABLE_CREATED':
    case 'VARIABLE_UPDATED':
      return { elementId: null, elementInstanceKey: event.scopeKey };
    case 'JOIN_TOKENS_DISCARDED':
      return { elementId: null, elementInstanceKey: event.flowScopeKey };
    case 'USER_TASK_ASSIGNED':
    case 'USER_TASK_UPDATED': {
      const task = state.userTasks.get(event.userTaskKey);
      return { elementId: task?.elementId ?? null, elementInstanceKey: task?.elementInstanceKey ?? null };
    }
    default: {
      const elementInstanceKey = 'elementInstanceKey' in event ? (event.elementInstanceKey as string) : null;
      const elementId = 'elementId' in event ? (event.elementId as string) : elementInstanceKey ? (state.element(elementInstanceKey)?.elementId ?? null) : null;
      return { elementId, elementInstanceKey };
    }
  }
}

/**
 * Statements collected for one round trip: they are sent together (multipleStatements) and
 * run in order inside the caller's transaction.
 */
class StatementBatch {
  private readonly statements: string[] = [];
  private readonly parameters: unknown[] = [];

  query(sql: string, parameters: unknown[] = []): void {
    this.statements.push(sql);
    this.parameters.push(...parameters);
  }

  async run(manager: EntityManager): Promise<void> {
    // Keep each round trip well under max_allowed_packet and the placeholder limit.
    let sql: string[] = [];
    let parameters: unknown[] = [];
    let cursor = 0;
    for (const statement of this.statements) {
      const count = (statement.match(/\?/g) ?? []).length;
      if (sql.length > 0 && parameters.length + count > 20_000) {
        await manager.query(sql.join(';\n'), parameters);
        sql = [];
        parameters = [];
      }
      sql.push(statement);
      parameters.push(...this.parameters.slice(cursor, cursor + count));
      cursor += count;
    }
    if (sql.length > 0) await manager.query(sql.join(';\n'), parameters);
  }
}

/** Multi-row INSERT, in chunks. */
function insert(batch: StatementBatch, table: string, columns: string[], rows: unknown[][]): void {
  upsert(batch, table, columns, [], rows);
}

/**
 * Multi-row INSERT ... ON DUPLICATE KEY UPDATE of the given columns (set from the new row, or by
 * an expression in `expressions`), in chunks.
 */
function upsert(batch: StatementBatch, table: string, columns: string[], updateColumns: string[], rows: unknown[][], expressions: Record<string, string> = {}): void {
  const CHUNK = 200;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const placeholders = chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
    const update = updateColumns.length > 0 ? ` ON DUPLICATE KEY UPDATE ${updateColumns.map((c) => `${c} = ${expressions[c] ?? `VALUES(${c})`}`).join(', ')}` : '';
    batch.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${placeholders}${update}`, chunk.flat());
  }
}

function date(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}

function iso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function keyOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
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

function toVariable(r: Row): VariableRecord {
  return { variableKey: String(r.variable_key), scopeKey: String(r.scope_key), name: String(r.name), value: JSON.parse(String(r.value)) };
}

function toUserTask(r: Row): UserTaskRecord {
  return {
    userTaskKey: String(r.user_task_key),
    elementInstanceKey: String(r.element_instance_key),
    elementId: String(r.element_id),
    name: (r.name as string | null) ?? null,
    state: r.state as UserTaskRecord['state'],
    assignee: (r.assignee as string | null) ?? null,
    candidateGroups: json<string[]>(r.candidate_groups),
    candidateUsers: json<string[]>(r.candidate_users),
    dueDate: isoOrNull(r.due_date),
    followUpDate: isoOrNull(r.follow_up_date),
    priority: Number(r.priority),
    formKey: keyOrNull(r.form_key),
    embeddedFormId: (r.embedded_form_id as string | null) ?? null,
    externalFormReference: (r.external_form_reference as string | null) ?? null,
    customHeaders: json<Record<string, string>>(r.custom_headers),
    creationDate: iso(r.creation_date),
    completionDate: isoOrNull(r.completion_date),
  };
}

function toJob(r: Row): JobRecord {
  return {
    jobKey: String(r.job_key),
    elementInstanceKey: String(r.element_instance_key),
    elementId: String(r.element_id),
    type: String(r.type),
    state: r.state as JobRecord['state'],
    retries: Number(r.retries),
    customHeaders: json<Record<string, string>>(r.custom_headers),
    createdAt: iso(r.created_at),
    retryAt: isoOrNull(r.retry_at),
    errorMessage: (r.error_message as string | null) ?? null,
    activatable: Number(r.activatable) === 1,
  };
}

function toTimer(r: Row): TimerRecord {
  return {
    timerKey: String(r.timer_key),
    elementInstanceKey: String(r.element_instance_key),
    elementId: String(r.element_id),
    dueDate: iso(r.due_date),
    state: r.state as TimerRecord['state'],
  };
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
  };
}
