/**
 * The instances list's filter, sort and page as URL query parameters, so a filtered list is a
 * link (the processes page links its counts to it) and Back returns to the previous filter.
 */
import type { InstanceState, ProcessInstanceFilter, ProcessInstanceSortField } from '../../api/monitoring.api';
import type { SearchSort } from '../../api/search';

export interface InstanceQuery {
  processDefinitionId: string;
  /** A version number as text, '' for all. */
  version: string;
  state: InstanceState | '';
  incidentsOnly: boolean;
  businessId: string;
  /** `datetime-local` values (the browser's time zone), '' for open. */
  startedFrom: string;
  startedTo: string;
  sortField: ProcessInstanceSortField;
  sortOrder: 'ASC' | 'DESC';
  /** Offset of the page. */
  from: number;
}

export const PAGE_SIZE = 20;

const STATES: readonly InstanceState[] = ['ACTIVE', 'COMPLETED', 'TERMINATED'];
const SORT_FIELDS: readonly ProcessInstanceSortField[] = ['startDate', 'endDate', 'processDefinitionId', 'processDefinitionVersion', 'state', 'businessId', 'processInstanceKey'];

export const DEFAULT_QUERY: InstanceQuery = {
  processDefinitionId: '',
  version: '',
  state: '',
  incidentsOnly: false,
  businessId: '',
  startedFrom: '',
  startedTo: '',
  sortField: 'startDate',
  sortOrder: 'DESC',
  from: 0,
};

/** Reads the query from `?process=&version=&state=&incident=true&businessId=&startedFrom=&startedTo=&sort=startDate:DESC&from=`. */
export function readInstanceQuery(search: string): InstanceQuery {
  const params = new URLSearchParams(search);
  const state = params.get('state') as InstanceState | null;
  const [sortField, sortOrder] = (params.get('sort') ?? '').split(':');
  const from = Number(params.get('from') ?? '0');
  return {
    processDefinitionId: params.get('process') ?? '',
    version: /^\d+$/.test(params.get('version') ?? '') ? params.get('version')! : '',
    state: state && STATES.includes(state) ? state : '',
    incidentsOnly: params.get('incident') === 'true',
    businessId: params.get('businessId') ?? '',
    startedFrom: params.get('startedFrom') ?? '',
    startedTo: params.get('startedTo') ?? '',
    sortField: SORT_FIELDS.includes(sortField as ProcessInstanceSortField) ? (sortField as ProcessInstanceSortField) : DEFAULT_QUERY.sortField,
    sortOrder: sortOrder === 'ASC' ? 'ASC' : sortField && SORT_FIELDS.includes(sortField as ProcessInstanceSortField) ? 'DESC' : DEFAULT_QUERY.sortOrder,
    from: Number.isInteger(from) && from > 0 ? from : 0,
  };
}

/** The path of the instances list for a query; default values are left out. */
export function instancesPath(query: Partial<InstanceQuery>): string {
  const q = { ...DEFAULT_QUERY, ...query };
  const params = new URLSearchParams();
  if (q.processDefinitionId) params.set('process', q.processDefinitionId);
  if (q.processDefinitionId && q.version) params.set('version', q.version);
  if (q.state) params.set('state', q.state);
  if (q.incidentsOnly) params.set('incident', 'true');
  if (q.businessId) params.set('businessId', q.businessId);
  if (q.startedFrom) params.set('startedFrom', q.startedFrom);
  if (q.startedTo) params.set('startedTo', q.startedTo);
  if (q.sortField !== DEFAULT_QUERY.sortField || q.sortOrder !== DEFAULT_QUERY.sortOrder) params.set('sort', `${q.sortField}:${q.sortOrder}`);
  if (q.from > 0) params.set('from', String(q.from));
  const text = params.toString();
  return text ? `/operate/instances?${text}` : '/operate/instances';
}

/** The search filter for a query. A business id with `*` or `?` is a pattern ($like), else exact. */
export function toSearchFilter(query: InstanceQuery): ProcessInstanceFilter {
  const filter: ProcessInstanceFilter = {};
  if (query.processDefinitionId) filter.processDefinitionId = query.processDefinitionId;
  if (query.processDefinitionId && query.version) filter.processDefinitionVersion = Number(query.version);
  if (query.state) filter.state = query.state;
  if (query.incidentsOnly) filter.hasIncident = true;
  const businessId = query.businessId.trim();
  if (businessId) filter.businessId = /[*?]/.test(businessId) ? { $like: businessId } : businessId;
  const started: { $gte?: string; $lte?: string } = {};
  const startedFrom = toIso(query.startedFrom);
  const startedTo = toIso(query.startedTo);
  if (startedFrom) started.$gte = startedFrom;
  if (startedTo) started.$lte = startedTo;
  if (started.$gte || started.$lte) filter.startDate = started;
  return filter;
}

export function toSearchSort(query: InstanceQuery): Array<SearchSort<ProcessInstanceSortField>> {
  return [{ field: query.sortField, order: query.sortOrder }];
}

/** A `datetime-local` value (local time) as an ISO instant; '' when empty or not a date. */
export function toIso(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
