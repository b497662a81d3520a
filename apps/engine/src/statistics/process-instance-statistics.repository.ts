import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidArgumentError } from '../common/errors/index.js';
import type { SearchSortDto } from '../common/search/search-request.dto.js';

/** Instance counts as the queries return them. */
export interface InstanceCounts {
  activeInstancesWithoutIncidentCount: number;
  activeInstancesWithIncidentCount: number;
  completedInstancesCount: number;
  terminatedInstancesCount: number;
}

export interface ProcessCountsRow extends InstanceCounts {
  processDefinitionId: string;
  tenantId: string;
  latestProcessDefinitionName: string;
  latestProcessDefinitionVersion: number;
  latestProcessDefinitionKey: string;
  versionCount: number;
}

export interface VersionCountsRow extends InstanceCounts {
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  processDefinitionVersionTag: string | null;
  tenantId: string;
}

export interface Page {
  from: number;
  limit: number;
}

const COUNT_COLUMNS = {
  activeInstancesWithoutIncidentCount: 'COALESCE(c.active_without_incident_count, 0)',
  activeInstancesWithIncidentCount: 'COALESCE(c.active_with_incident_count, 0)',
  completedInstancesCount: 'COALESCE(c.completed_count, 0)',
  terminatedInstancesCount: 'COALESCE(c.terminated_count, 0)',
};

/** Instance counts per group of `process_instances` (the alias `c` joins them). */
function countsByGroup(groupColumns: string): string {
  return `SELECT ${groupColumns},
      SUM(pi.state = 'ACTIVE' AND pi.incident_count = 0) AS active_without_incident_count,
      SUM(pi.state = 'ACTIVE' AND pi.incident_count > 0) AS active_with_incident_count,
      SUM(pi.state = 'COMPLETED') AS completed_count,
      SUM(pi.state = 'TERMINATED') AS terminated_count
    FROM process_instances pi GROUP BY ${groupColumns}`;
}

const PROCESS_SORT: Record<string, string> = {
  processDefinitionId: 'd.process_definition_id',
  latestProcessDefinitionName: 'COALESCE(latest.name, latest.process_definition_id)',
  ...COUNT_COLUMNS,
};

const VERSION_SORT: Record<string, string> = {
  processDefinitionVersion: 'pd.version',
  processDefinitionKey: 'pd.process_definition_key',
  processDefinitionName: 'COALESCE(pd.name, pd.process_definition_id)',
  ...COUNT_COLUMNS,
};

/**
 * Counts of process instances per process (all versions) and per version, for the operations
 * overview. Every deployed process and version is listed, with zero counts when it has no
 * instances; the counts come from one GROUP BY over `process_instances`.
 */
@Injectable()
export class ProcessInstanceStatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async perProcess(sort: SearchSortDto[] | undefined, page: Page): Promise<{ rows: ProcessCountsRow[]; total: number }> {
    const from = `
      FROM (SELECT tenant_id, process_definition_id, COUNT(*) AS version_count, MAX(version) AS latest_version
            FROM process_definitions GROUP BY tenant_id, process_definition_id) d
      JOIN process_definitions latest
        ON latest.tenant_id = d.tenant_id AND latest.process_definition_id = d.process_definition_id AND latest.version = d.latest_version
      LEFT JOIN (${countsByGroup('pi.tenant_id, pi.process_definition_id')}) c
        ON c.tenant_id = d.tenant_id AND c.process_definition_id = d.process_definition_id`;
    const order = orderBy(sort, PROCESS_SORT, [{ field: 'processDefinitionId', order: 'ASC' }], 'd.process_definition_id ASC, d.tenant_id ASC');
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT d.process_definition_id AS processDefinitionId, d.tenant_id AS tenantId,
          COALESCE(latest.name, latest.process_definition_id) AS latestProcessDefinitionName,
          latest.version AS latestProcessDefinitionVersion, latest.process_definition_key AS latestProcessDefinitionKey,
          d.version_count AS versionCount, ${countSelect()}
        ${from} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [page.limit, page.from],
    );
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM (SELECT 1 FROM process_definitions GROUP BY tenant_id, process_definition_id) g`);
    return {
      total: Number(total),
      rows: rows.map((r) => ({
        processDefinitionId: String(r.processDefinitionId),
        tenantId: String(r.tenantId),
        latestProcessDefinitionName: String(r.latestProcessDefinitionName),
        latestProcessDefinitionVersion: Number(r.latestProcessDefinitionVersion),
        latestProcessDefinitionKey: String(r.latestProcessDefinitionKey),
        versionCount: Number(r.versionCount),
        ...counts(r),
      })),
    };
  }

  async perVersion(processDefinitionId: string, tenantId: string | undefined, sort: SearchSortDto[] | undefined, page: Page): Promise<{ rows: VersionCountsRow[]; total: number }> {
    const where = `pd.process_definition_id = ?${tenantId === undefined ? '' : ' AND pd.tenant_id = ?'}`;
    const params = tenantId === undefined ? [processDefinitionId] : [processDefinitionId, tenantId];
    const order = orderBy(sort, VERSION_SORT, [{ field: 'processDefinitionVersion', order: 'DESC' }], 'pd.process_definition_key ASC');
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT pd.process_definition_id AS processDefinitionId, pd.process_definition_key AS processDefinitionKey,
          COALESCE(pd.name, pd.process_definition_id) AS processDefinitionName, pd.version AS processDefinitionVersion,
          pd.version_tag AS processDefinitionVersionTag, pd.tenant_id AS tenantId, ${countSelect()}
        FROM process_definitions pd
        LEFT JOIN (${countsByGroup('pi.process_definition_key')}) c ON c.process_definition_key = pd.process_definition_key
        WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, page.limit, page.from],
    );
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM process_definitions pd WHERE ${where}`, params);
    return {
      total: Number(total),
      rows: rows.map((r) => ({
        processDefinitionId: String(r.processDefinitionId),
        processDefinitionKey: String(r.processDefinitionKey),
        processDefinitionName: String(r.processDefinitionName),
        processDefinitionVersion: Number(r.processDefinitionVersion),
        processDefinitionVersionTag: r.processDefinitionVersionTag === null ? null : String(r.processDefinitionVersionTag),
        tenantId: String(r.tenantId),
        ...counts(r),
      })),
    };
  }
}

function countSelect(): string {
  return Object.entries(COUNT_COLUMNS)
    .map(([name, column]) => `${column} AS ${name}`)
    .join(', ');
}

function counts(r: Record<string, unknown>): InstanceCounts {
  return {
    activeInstancesWithoutIncidentCount: Number(r.activeInstancesWithoutIncidentCount),
    activeInstancesWithIncidentCount: Number(r.activeInstancesWithIncidentCount),
    completedInstancesCount: Number(r.completedInstancesCount),
    terminatedInstancesCount: Number(r.terminatedInstancesCount),
  };
}

/** ORDER BY from the requested sort (field names checked against `columns`), ending with a unique tie-breaker. */
function orderBy(sort: SearchSortDto[] | undefined, columns: Record<string, string>, fallback: SearchSortDto[], tieBreaker: string): string {
  const requested = sort?.length ? sort : fallback;
  const parts = requested.map((s) => {
    const column = columns[s.field];
    if (!column) {
      throw new InvalidArgumentError('SEARCH.UNKNOWN_SORT_FIELD', `Unknown sort field '${s.field}' for process instance statistics; expected one of: ${Object.keys(columns).join(', ')}`);
    }
    return `${column} ${(s.order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC'}`;
  });
  return [...parts, tieBreaker].join(', ');
}
