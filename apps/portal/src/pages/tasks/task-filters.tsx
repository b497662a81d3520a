import { useId, useState } from 'react';
import type { ProcessDefinition } from '../../api/process-definitions.api';
import { processLabel } from '../../api/process-definitions.api';
import { DEFAULT_TASK_QUERY, DUE_FILTERS, hasFilters, PRIORITY_BANDS, TASK_SORTS, type DueFilter, type PriorityFilter, type TaskQuery, type TaskSort } from './task-query';

export interface TaskFiltersProps {
  query: TaskQuery;
  onChange: (query: TaskQuery) => void;
  /** The processes to filter by (latest version of each); empty while loading. */
  processes: readonly ProcessDefinition[];
}

/**
 * Process, due date, priority and sort of the task list, folded under a "Filters and sorting"
 * button that says what is active. Every change applies at once (the page writes it to the URL).
 */
export function TaskFilters({ query, onChange, processes }: TaskFiltersProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const set = (change: Partial<TaskQuery>) => onChange({ ...query, ...change });
  const active = [query.process !== '', query.due !== 'any', query.priority !== 'any'].filter(Boolean).length;
  // A process filtered by in the URL but not (or no longer) deployed still shows as an option.
  const knownProcess = query.process === '' || processes.some((p) => p.processDefinitionId === query.process);

  return (
    <div className="task-filters" data-open={open}>
      <button type="button" className="task-filters-toggle" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((value) => !value)}>
        Filters and sorting
        <span className="task-filters-summary">
          {active > 0 ? `${active} ${active === 1 ? 'filter' : 'filters'} · ` : ''}
          {TASK_SORTS.find((s) => s.value === query.sort)?.label}
        </span>
      </button>
      <div id={`${id}-panel`} className="task-filters-grid">
        <div className="field">
          <label htmlFor={`${id}-process`}>Process</label>
          <select id={`${id}-process`} value={query.process} onChange={(event) => set({ process: event.target.value })}>
            <option value="">All processes</option>
            {processes.map((p) => (
              <option key={p.processDefinitionId} value={p.processDefinitionId}>
                {processLabel(p)}
              </option>
            ))}
            {!knownProcess && <option value={query.process}>{query.process}</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>Due date</label>
          <select id={`${id}-due`} value={query.due} onChange={(event) => set({ due: event.target.value as DueFilter })}>
            {DUE_FILTERS.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        {query.due === 'range' && (
          <div className="task-filters-range">
            <div className="field">
              <label htmlFor={`${id}-from`}>Due from</label>
              <input id={`${id}-from`} type="date" value={query.dueFrom} max={query.dueTo || undefined} onChange={(event) => set({ dueFrom: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>Due until</label>
              <input id={`${id}-to`} type="date" value={query.dueTo} min={query.dueFrom || undefined} onChange={(event) => set({ dueTo: event.target.value })} />
            </div>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select id={`${id}-priority`} value={query.priority} onChange={(event) => set({ priority: event.target.value as PriorityFilter })}>
            <option value="any">Any priority</option>
            {PRIORITY_BANDS.map((band) => (
              <option key={band.value} value={band.value}>
                {band.label} ({band.min}–{band.max})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select id={`${id}-sort`} value={query.sort} onChange={(event) => set({ sort: event.target.value as TaskSort })}>
            {TASK_SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {hasFilters(query) && (
          <button
            type="button"
            className="button button-secondary task-filters-clear"
            onClick={() => onChange({ ...DEFAULT_TASK_QUERY, view: query.view, sort: query.sort })}
          >
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
