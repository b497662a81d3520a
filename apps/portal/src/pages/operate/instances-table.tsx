import type { ProcessInstance, ProcessInstanceSortField } from '../../api/monitoring.api';
import { Link } from '../../router/router';
import { formatDateTime } from '../../ui/format-time';
import { InstanceStateBadge } from './instance-state';
import type { InstanceQuery } from './instance-query';

const COLUMNS: Array<{ label: string; field: ProcessInstanceSortField | null }> = [
  { label: 'Instance', field: 'processInstanceKey' },
  { label: 'Process', field: 'processDefinitionId' },
  { label: 'Business id', field: 'businessId' },
  { label: 'State', field: 'state' },
  { label: 'Started', field: 'startDate' },
  { label: 'Ended', field: 'endDate' },
];

/** The instances of one page, with sortable column headers. */
export function InstancesTable({ instances, query, onSort }: { instances: ProcessInstance[]; query: InstanceQuery; onSort: (field: ProcessInstanceSortField) => void }) {
  return (
    <table className="data-table instances-table">
      <caption className="visually-hidden">Process instances</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => {
            const sorted = column.field === query.sortField;
            return (
              <th key={column.label} scope="col" aria-sort={sorted ? (query.sortOrder === 'ASC' ? 'ascending' : 'descending') : undefined}>
                {column.field ? (
                  <button type="button" className="sort-button" onClick={() => onSort(column.field!)}>
                    {column.label}
                    <SortIcon state={sorted ? query.sortOrder : null} />
                  </button>
                ) : (
                  column.label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {instances.map((instance) => (
          <tr key={instance.processInstanceKey}>
            <th scope="row" data-label="Instance">
              <Link to={`/operate/instances/${instance.processInstanceKey}`} className="mono">
                {instance.processInstanceKey}
              </Link>
            </th>
            <td data-label="Process">
              {instance.processDefinitionName} <span className="muted">v{instance.processDefinitionVersion}</span>
            </td>
            <td data-label="Business id">{instance.businessId ?? <span className="muted">–</span>}</td>
            <td data-label="State">
              <InstanceStateBadge state={instance.state} hasIncident={instance.hasIncident} />
            </td>
            <td data-label="Started">
              <time dateTime={instance.startDate}>{formatDateTime(instance.startDate)}</time>
            </td>
            <td data-label="Ended">{instance.endDate ? <time dateTime={instance.endDate}>{formatDateTime(instance.endDate)}</time> : <span className="muted">–</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SortIcon({ state }: { state: 'ASC' | 'DESC' | null }) {
  return (
    <svg className="sort-icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M3 4.5 6 1.5l3 3" stroke="currentColor" strokeWidth="1.4" fill="none" opacity={state === 'ASC' ? 1 : 0.3} />
      <path d="M3 7.5 6 10.5l3-3" stroke="currentColor" strokeWidth="1.4" fill="none" opacity={state === 'DESC' ? 1 : 0.3} />
    </svg>
  );
}
