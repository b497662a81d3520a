import { getProcessStatistics, getVersionStatistics, searchProcessInstances, type ProcessInstanceSortField } from '../../api/monitoring.api';
import { useLocation, useNavigate } from '../../router/router';
import { useApi } from '../../session/session.context';
import { MessageRegion } from '../../ui/message-region';
import { Spinner } from '../../ui/spinner';
import { usePolledQuery } from '../../ui/use-polled-query';
import { InstanceFilters } from './instance-filters';
import { instancesPath, PAGE_SIZE, readInstanceQuery, toSearchFilter, toSearchSort, type InstanceQuery } from './instance-query';
import { InstancesTable } from './instances-table';
import { OperateTabs } from './operate-tabs';

/** Process instances: filters, sortable columns and pages, all kept in the URL. */
export function InstancesPage() {
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const query = readInstanceQuery(location.search);

  const processes = usePolledQuery('process-options', (signal) => getProcessStatistics(api, signal), { intervalMs: 0 });
  const versions = usePolledQuery(`version-options:${query.processDefinitionId}`, (signal) => getVersionStatistics(api, query.processDefinitionId, signal), {
    intervalMs: 0,
    enabled: query.processDefinitionId !== '',
  });
  const request = { filter: toSearchFilter(query), sort: toSearchSort(query), page: { from: query.from, limit: PAGE_SIZE } };
  const instances = usePolledQuery(JSON.stringify(request), (signal) => searchProcessInstances(api, request, signal), { intervalMs: 5000 });

  const go = (next: InstanceQuery) => navigate(instancesPath(next));
  const sortBy = (field: ProcessInstanceSortField) =>
    go({ ...query, sortField: field, sortOrder: query.sortField === field && query.sortOrder === 'DESC' ? 'ASC' : query.sortField === field ? 'DESC' : field === 'startDate' || field === 'endDate' ? 'DESC' : 'ASC', from: 0 });
  const total = instances.data?.page.totalItems ?? 0;
  const items = instances.data?.items ?? [];
  const problem = instances.problem ?? processes.problem ?? versions.problem;

  return (
    <div className="operate">
      <OperateTabs />
      <div className="page-header">
        <h1 className="page-title" tabIndex={-1} data-page-heading>
          Instances
        </h1>
        <p className="page-intro">Find process instances by process, version, state, business id or start time.</p>
      </div>

      <InstanceFilters query={query} processes={processes.data?.items ?? []} versions={versions.data ?? []} onChange={go} />

      <MessageRegion message={problem ? { tone: 'error', text: problem.detail } : null} />

      <div className="table-card card">
        <div className="table-toolbar">
          <p className="result-count" role="status">
            {instances.loading ? 'Loading instances…' : total === 0 ? 'No instances match' : `${query.from + 1}–${query.from + items.length} of ${total.toLocaleString()} instances`}
          </p>
        </div>
        {instances.loading ? (
          <p className="loading-line">
            <Spinner /> Loading instances…
          </p>
        ) : items.length > 0 ? (
          <InstancesTable instances={items} query={query} onSort={sortBy} />
        ) : (
          <p className="empty-line muted">No instances match these filters.</p>
        )}
        {total > PAGE_SIZE && (
          <nav className="pager" aria-label="Pages">
            <button type="button" className="button button-secondary" disabled={query.from === 0} onClick={() => go({ ...query, from: Math.max(0, query.from - PAGE_SIZE) })}>
              Previous
            </button>
            <span className="pager-position">
              Page {Math.floor(query.from / PAGE_SIZE) + 1} of {Math.ceil(total / PAGE_SIZE)}
            </span>
            <button type="button" className="button button-secondary" disabled={query.from + PAGE_SIZE >= total} onClick={() => go({ ...query, from: query.from + PAGE_SIZE })}>
              Next
            </button>
          </nav>
        )}
      </div>
    </div>
  );
}
