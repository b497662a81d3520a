import { useState } from 'react';
import { getProcessStatistics, getVersionStatistics, type InstanceCounts, type ProcessInstanceStatistics, type VersionInstanceStatistics } from '../../api/monitoring.api';
import { Link } from '../../router/router';
import { useApi } from '../../session/session.context';
import { MessageRegion } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { usePolledQuery } from '../../ui/use-polled-query';
import { metricsPath } from '../metrics/metrics-query';
import { instancesPath } from './instance-query';
import { OperateTabs } from './operate-tabs';

/** Operations overview: every deployed process with its instance counts; versions on demand. */
export function ProcessesPage() {
  const api = useApi();
  const processes = usePolledQuery('processes', (signal) => getProcessStatistics(api, signal), { intervalMs: 10_000 });
  const items = processes.data?.items ?? [];
  const totals = sum(items);

  return (
    <div className="operate">
      <OperateTabs />
      <div className="page-header">
        <h1 className="page-title" tabIndex={-1} data-page-heading>
          Processes
        </h1>
        <p className="page-intro">Every deployed process and how many of its instances are running, stuck on an incident, completed or canceled.</p>
      </div>

      <MessageRegion message={processes.problem ? { tone: 'error', text: processes.problem.detail } : null} />

      {processes.data && (
        <dl className="count-tiles" aria-label="All processes">
          <CountTile label="Active" value={totals.activeInstancesWithoutIncidentCount} to={instancesPath({ state: 'ACTIVE' })} tone="active" />
          <CountTile label="Incidents" value={totals.activeInstancesWithIncidentCount} to={instancesPath({ incidentsOnly: true })} tone="incident" />
          <CountTile label="Completed" value={totals.completedInstancesCount} to={instancesPath({ state: 'COMPLETED' })} tone="completed" />
          <CountTile label="Canceled" value={totals.terminatedInstancesCount} to={instancesPath({ state: 'TERMINATED' })} tone="canceled" />
        </dl>
      )}

      {processes.loading ? (
        <p className="loading-line">
          <Spinner /> Loading processes…
        </p>
      ) : items.length === 0 && !processes.problem ? (
        <div className="empty-state card">
          <h2 className="card-title">No processes deployed</h2>
          <p className="muted">Deploy a BPMN model (the modeler, or POST /v2/deployments) and its instances appear here.</p>
        </div>
      ) : (
        <div className="table-card card">
          <table className="data-table processes-table">
            <caption className="visually-hidden">Processes with their instance counts</caption>
            <thead>
              <tr>
                <th scope="col">Process</th>
                <th scope="col">Version</th>
                <th scope="col" className="num">Active</th>
                <th scope="col" className="num">Incidents</th>
                <th scope="col" className="num">Completed</th>
                <th scope="col" className="num">Canceled</th>
                <th scope="col">
                  <span className="visually-hidden">Links</span>
                </th>
              </tr>
            </thead>
            {items.map((process) => (
              <ProcessRows key={`${process.tenantId}/${process.processDefinitionId}`} process={process} />
            ))}
          </table>
        </div>
      )}
    </div>
  );
}

/** One process row, and one row per version once expanded (in the same columns). */
function ProcessRows({ process }: { process: ProcessInstanceStatistics }) {
  const api = useApi();
  const [expanded, setExpanded] = useState(false);
  const versions = usePolledQuery(`versions:${process.processDefinitionId}`, (signal) => getVersionStatistics(api, process.processDefinitionId, signal), {
    enabled: expanded,
    intervalMs: 10_000,
  });
  const id = process.processDefinitionId;
  const versionRowsId = `versions-${id}`;

  return (
    <tbody className="process-group" id={versionRowsId}>
      <tr>
        <th scope="row" data-label="Process">
          <Link to={instancesPath({ processDefinitionId: id })} className="process-name">
            {process.latestProcessDefinitionName}
          </Link>
          <span className="process-id">{id}</span>
        </th>
        <td data-label="Version">
          {process.hasMultipleVersions ? (
            <button type="button" className="link-button versions-toggle" aria-expanded={expanded} aria-controls={versionRowsId} onClick={() => setExpanded(!expanded)}>
              <Chevron open={expanded} />
              Latest v{process.latestProcessDefinitionVersion}
              <span className="visually-hidden"> of {process.latestProcessDefinitionName}: {expanded ? 'hide' : 'show'} all versions</span>
            </button>
          ) : (
            <span>v{process.latestProcessDefinitionVersion}</span>
          )}
        </td>
        <Counts counts={process} query={{ processDefinitionId: id }} />
        <td className="row-links" data-label="Links">
          <Link to={instancesPath({ processDefinitionId: id })}>Instances</Link>
          <Link to={metricsPath({ processDefinitionId: id, version: String(process.latestProcessDefinitionVersion) })}>Metrics</Link>
        </td>
      </tr>
      {expanded && versions.loading && (
        <tr className="version-row">
          <td colSpan={7}>
            <span className="loading-line">
              <Spinner /> Loading versions…
            </span>
          </td>
        </tr>
      )}
      {expanded && versions.problem && (
        <tr className="version-row">
          <td colSpan={7}>
            <MessageRegion message={{ tone: 'error', text: versions.problem.detail }} />
          </td>
        </tr>
      )}
      {expanded && (versions.data ?? []).map((v) => <VersionRow key={v.processDefinitionKey} version={v} />)}
    </tbody>
  );
}

function VersionRow({ version: v }: { version: VersionInstanceStatistics }) {
  const query = { processDefinitionId: v.processDefinitionId, version: String(v.processDefinitionVersion) };
  return (
    <tr className="version-row">
      <th scope="row" data-label="Process">
        <Link to={instancesPath(query)} className="version-name">
          Version {v.processDefinitionVersion}
          <span className="visually-hidden"> of {v.processDefinitionName}</span>
        </Link>
        {v.processDefinitionVersionTag && <span className="process-id">{v.processDefinitionVersionTag}</span>}
      </th>
      <td data-label="Version">v{v.processDefinitionVersion}</td>
      <Counts counts={v} query={query} />
      <td className="row-links" data-label="Links">
        <Link to={instancesPath(query)}>Instances</Link>
        <Link to={metricsPath(query)}>Metrics</Link>
      </td>
    </tr>
  );
}

function Counts({ counts, query }: { counts: InstanceCounts; query: { processDefinitionId: string; version?: string } }) {
  return (
    <>
      <td className="num" data-label="Active">
        <CountLink value={counts.activeInstancesWithoutIncidentCount} label="active" tone="active" to={instancesPath({ ...query, state: 'ACTIVE' })} />
      </td>
      <td className="num" data-label="Incidents">
        <CountLink value={counts.activeInstancesWithIncidentCount} label="with incidents" tone="incident" to={instancesPath({ ...query, incidentsOnly: true })} />
      </td>
      <td className="num" data-label="Completed">
        <CountLink value={counts.completedInstancesCount} label="completed" tone="completed" to={instancesPath({ ...query, state: 'COMPLETED' })} />
      </td>
      <td className="num" data-label="Canceled">
        <CountLink value={counts.terminatedInstancesCount} label="canceled" tone="canceled" to={instancesPath({ ...query, state: 'TERMINATED' })} />
      </td>
    </>
  );
}

/** A count that links to the instances it counts; a zero is plain text. */
function CountLink({ value, label, tone, to }: { value: number; label: string; tone: 'active' | 'incident' | 'completed' | 'canceled'; to: string }) {
  if (value === 0) {
    return (
      <span className="count count-zero">
        0<span className="visually-hidden"> {label}</span>
      </span>
    );
  }
  return (
    <Link to={to} className={`count count-${tone}`}>
      {value.toLocaleString()}
      <span className="visually-hidden"> {label}</span>
    </Link>
  );
}

function CountTile({ label, value, to, tone }: { label: string; value: number; to: string; tone: string }) {
  return (
    <div className={`count-tile count-tile-${tone}`}>
      <dt>{label}</dt>
      <dd>
        <Link to={to}>{value.toLocaleString()}</Link>
      </dd>
    </div>
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg className={`chevron${open ? ' chevron-open' : ''}`} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="m6 4 4 4-4 4" stroke="currentColor" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function sum(items: InstanceCounts[]): InstanceCounts {
  return items.reduce<InstanceCounts>(
    (total, c) => ({
      activeInstancesWithoutIncidentCount: total.activeInstancesWithoutIncidentCount + c.activeInstancesWithoutIncidentCount,
      activeInstancesWithIncidentCount: total.activeInstancesWithIncidentCount + c.activeInstancesWithIncidentCount,
      completedInstancesCount: total.completedInstancesCount + c.completedInstancesCount,
      terminatedInstancesCount: total.terminatedInstancesCount + c.terminatedInstancesCount,
    }),
    { activeInstancesWithoutIncidentCount: 0, activeInstancesWithIncidentCount: 0, completedInstancesCount: 0, terminatedInstancesCount: 0 },
  );
}
