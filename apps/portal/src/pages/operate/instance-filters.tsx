import { useEffect, useId, useState, type FormEvent } from 'react';
import type { InstanceState, ProcessInstanceSortField, ProcessInstanceStatistics, VersionInstanceStatistics } from '../../api/monitoring.api';
import { stateLabel } from './instance-state';
import { ProcessField, VersionField } from './process-version-fields';
import { DEFAULT_QUERY, type InstanceQuery } from './instance-query';

const STATES: InstanceState[] = ['ACTIVE', 'COMPLETED', 'TERMINATED'];

/** The sort orders offered in the form (the column headers offer every column, on wide screens). */
const SORTS: Array<{ label: string; field: ProcessInstanceSortField; order: 'ASC' | 'DESC' }> = [
  { label: 'Newest first', field: 'startDate', order: 'DESC' },
  { label: 'Oldest first', field: 'startDate', order: 'ASC' },
  { label: 'Recently ended', field: 'endDate', order: 'DESC' },
  { label: 'Process', field: 'processDefinitionId', order: 'ASC' },
  { label: 'Business id', field: 'businessId', order: 'ASC' },
  { label: 'State', field: 'state', order: 'ASC' },
];

/**
 * The instances list's filters. Choices in lists apply at once; typed values (business id,
 * dates) apply with "Apply" or Enter, so the list does not jump while typing.
 */
export function InstanceFilters({
  query,
  processes,
  versions,
  onChange,
}: {
  query: InstanceQuery;
  processes: ProcessInstanceStatistics[];
  versions: VersionInstanceStatistics[];
  onChange: (next: InstanceQuery) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState({ businessId: query.businessId, startedFrom: query.startedFrom, startedTo: query.startedTo });
  useEffect(() => setTyped({ businessId: query.businessId, startedFrom: query.startedFrom, startedTo: query.startedTo }), [query.businessId, query.startedFrom, query.startedTo]);

  const apply = (changes: Partial<InstanceQuery>) => onChange({ ...query, ...typed, ...changes, from: 0 });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({});
  };
  const activeCount = [query.processDefinitionId, query.state, query.incidentsOnly, query.businessId, query.startedFrom || query.startedTo].filter(Boolean).length;
  const sortValue = `${query.sortField}:${query.sortOrder}`;
  const sorts = SORTS.some((s) => `${s.field}:${s.order}` === sortValue) ? SORTS : [...SORTS, { label: 'Custom (column header)', field: query.sortField, order: query.sortOrder }];

  return (
    <form className="filters card" onSubmit={submit} aria-label="Filter instances" data-open={open}>
      <button type="button" className="filters-toggle" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        <span>
          Filters and sorting{activeCount > 0 && <span className="muted"> · {activeCount} active</span>}
        </span>
        <span aria-hidden="true">{open ? '−' : '+'}</span>
      </button>
      <div id={`${id}-panel`} className="filters-panel">
        <div className="filters-grid">
          <ProcessField id={id} processes={processes} value={query.processDefinitionId} onChange={(processDefinitionId) => apply({ processDefinitionId, version: '' })} anyLabel="All processes" />
          <VersionField id={id} versions={versions} value={query.version} onChange={(version) => apply({ version })} anyLabel="All versions" disabled={!query.processDefinitionId} />
          <div className="field">
            <label htmlFor={`${id}-state`}>State</label>
            <select id={`${id}-state`} value={query.state} onChange={(e) => apply({ state: e.target.value as InstanceState | '' })}>
              <option value="">Any state</option>
              {STATES.map((state) => (
                <option key={state} value={state}>
                  {stateLabel(state)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-business`}>Business id</label>
            <input
              id={`${id}-business`}
              value={typed.businessId}
              onChange={(e) => setTyped({ ...typed, businessId: e.target.value })}
              placeholder="EXP-1042 or EXP-*"
              aria-describedby={`${id}-business-hint`}
            />
            <span id={`${id}-business-hint`} className="field-hint">
              * matches any characters
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>Started from</label>
            <input id={`${id}-from`} type="datetime-local" value={typed.startedFrom} onChange={(e) => setTyped({ ...typed, startedFrom: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>Started until</label>
            <input id={`${id}-to`} type="datetime-local" value={typed.startedTo} onChange={(e) => setTyped({ ...typed, startedTo: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-sort`}>Sort by</label>
            <select
              id={`${id}-sort`}
              value={sortValue}
              onChange={(e) => {
                const [field, order] = e.target.value.split(':') as [ProcessInstanceSortField, 'ASC' | 'DESC'];
                apply({ sortField: field, sortOrder: order });
              }}
            >
              {sorts.map((s) => (
                <option key={`${s.field}:${s.order}`} value={`${s.field}:${s.order}`}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="filters-actions">
          <label className="checkbox">
            <input type="checkbox" checked={query.incidentsOnly} onChange={(e) => apply({ incidentsOnly: e.target.checked })} />
            Only instances with incidents
          </label>
          <span className="filters-buttons">
            {activeCount > 0 && (
              <button type="button" className="button button-secondary" onClick={() => onChange({ ...DEFAULT_QUERY, sortField: query.sortField, sortOrder: query.sortOrder })}>
                Clear filters
              </button>
            )}
            <button type="submit" className="button button-primary">
              Apply
            </button>
          </span>
        </div>
      </div>
    </form>
  );
}
