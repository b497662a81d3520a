/**
 * Typed calls for operations (the Operate part of the portal): process instances, their
 * diagram statistics and sequence flows, variables, audit log and incidents, instance counts per
 * process and version, and the commands an operator runs (cancel, retry an incident).
 */
import type { ApiClient } from './api-client';
import type { Condition, SearchRequest, SearchResult } from './search';

export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/** A process instance (Camunda 8 shape, plus Baton's `businessId`). */
export interface ProcessInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  processDefinitionVersionTag?: string;
  startDate: string;
  endDate?: string;
  state: InstanceState;
  hasIncident: boolean;
  tenantId: string;
  businessId?: string;
  /** Present once Baton has call activities; the portal links parent and child when it is. */
  parentProcessInstanceKey?: string;
}

/** `filter` of `POST /v2/process-instances/search` (the fields the instances page uses). */
export interface ProcessInstanceFilter {
  processInstanceKey?: Condition<string>;
  processDefinitionId?: Condition<string>;
  processDefinitionVersion?: Condition<number>;
  state?: Condition<InstanceState>;
  hasIncident?: boolean;
  businessId?: Condition<string>;
  startDate?: Condition<string>;
  parentProcessInstanceKey?: Condition<string>;
}

export type ProcessInstanceSortField = 'startDate' | 'endDate' | 'processDefinitionId' | 'processDefinitionVersion' | 'state' | 'businessId' | 'processInstanceKey';

export function searchProcessInstances(
  api: ApiClient,
  request: SearchRequest<ProcessInstanceFilter, ProcessInstanceSortField>,
  signal?: AbortSignal,
): Promise<SearchResult<ProcessInstance>> {
  return api.post<SearchResult<ProcessInstance>>('/v2/process-instances/search', request, { signal });
}

export function getProcessInstance(api: ApiClient, processInstanceKey: string, signal?: AbortSignal): Promise<ProcessInstance> {
  return api.get<ProcessInstance>(`/v2/process-instances/${encodeURIComponent(processInstanceKey)}`, { signal });
}

/** Cancels an instance (admins): everything active in it is terminated. */
export function cancelProcessInstance(api: ApiClient, processInstanceKey: string): Promise<void> {
  return api.post<void>(`/v2/process-instances/${encodeURIComponent(processInstanceKey)}/cancellation`, {});
}

/** Counts of one element's instances (Camunda's element statistics). */
export interface ElementStatistics {
  elementId: string;
  /** Active, without an incident. */
  active: number;
  canceled: number;
  /** Active, held by an incident. */
  incidents: number;
  completed: number;
}

export async function getInstanceElementStatistics(api: ApiClient, processInstanceKey: string, signal?: AbortSignal): Promise<ElementStatistics[]> {
  const result = await api.get<{ items: ElementStatistics[] }>(`/v2/process-instances/${encodeURIComponent(processInstanceKey)}/statistics/element-instances`, { signal });
  return result.items;
}

/** The ids of the sequence flows the instance took. */
export async function getSequenceFlowsTaken(api: ApiClient, processInstanceKey: string, signal?: AbortSignal): Promise<string[]> {
  const result = await api.get<{ items: Array<{ elementId: string }> }>(`/v2/process-instances/${encodeURIComponent(processInstanceKey)}/sequence-flows`, { signal });
  return result.items.map((flow) => flow.elementId);
}

/** The BPMN XML of a definition version. */
export function getProcessDefinitionXml(api: ApiClient, processDefinitionKey: string, signal?: AbortSignal): Promise<string> {
  return api.getText(`/v2/process-definitions/${encodeURIComponent(processDefinitionKey)}/xml`, { signal });
}

/** An element instance (Camunda 8 shape), for naming variable scopes. */
export interface ElementInstance {
  elementInstanceKey: string;
  elementId: string;
  elementName?: string;
  type: string;
  state: InstanceState;
}

export function searchElementInstances(api: ApiClient, processInstanceKey: string, signal?: AbortSignal): Promise<SearchResult<ElementInstance>> {
  return api.post<SearchResult<ElementInstance>>('/v2/element-instances/search', { filter: { processInstanceKey }, page: { limit: 1000 } }, { signal });
}

/** A variable; `value` is JSON text, cut at 8191 characters in searches (`isTruncated`). */
export interface Variable {
  variableKey: string;
  name: string;
  value: string;
  isTruncated: boolean;
  scopeKey: string;
  processInstanceKey: string;
}

export function searchVariables(api: ApiClient, processInstanceKey: string, limit: number, signal?: AbortSignal): Promise<SearchResult<Variable>> {
  return api.post<SearchResult<Variable>>('/v2/variables/search', { filter: { processInstanceKey }, sort: [{ field: 'name' }], page: { limit } }, { signal });
}

/** One whole variable (its value not cut). */
export function getVariable(api: ApiClient, variableKey: string, signal?: AbortSignal): Promise<Variable> {
  return api.get<Variable>(`/v2/variables/${encodeURIComponent(variableKey)}`, { signal });
}

/** One entry of an instance's audit log. */
export interface HistoryEvent {
  position: number;
  time: string;
  eventType: string;
  elementId?: string;
  elementInstanceKey?: string;
  command: string;
  actor: string;
  details: Record<string, unknown>;
}

export interface HistoryPage {
  items: HistoryEvent[];
  page: { totalItems: number; nextFrom: number | null };
}

export function getInstanceHistory(api: ApiClient, processInstanceKey: string, from: number, limit: number, signal?: AbortSignal): Promise<HistoryPage> {
  return api.get<HistoryPage>(`/v2/process-instances/${encodeURIComponent(processInstanceKey)}/history?from=${from}&limit=${limit}`, { signal });
}

/** An incident (Camunda 8 shape). */
export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  errorType: string;
  errorMessage: string;
  state: 'ACTIVE' | 'RESOLVED';
  creationTime: string;
  jobKey?: string;
}

export function searchIncidents(api: ApiClient, processInstanceKey: string, signal?: AbortSignal): Promise<SearchResult<Incident>> {
  return api.post<SearchResult<Incident>>(
    '/v2/incidents/search',
    { filter: { processInstanceKey, state: 'ACTIVE' }, sort: [{ field: 'creationTime' }], page: { limit: 100 } },
    { signal },
  );
}

/** An open job of a listener (Camunda 8 job shape, the fields Operate shows). */
export interface ListenerJob {
  jobKey: string;
  type: string;
  elementId: string;
  elementInstanceKey: string;
  kind: 'EXECUTION_LISTENER' | 'TASK_LISTENER';
  listenerEventType: string;
}

/** The instance's listener jobs that an element or user task waits for (docs/listeners.md). */
export function searchListenerJobs(api: ApiClient, processInstanceKey: string, signal?: AbortSignal): Promise<SearchResult<ListenerJob>> {
  return api.post<SearchResult<ListenerJob>>(
    '/v2/jobs/search',
    { filter: { processInstanceKey, kind: { $in: ['EXECUTION_LISTENER', 'TASK_LISTENER'] }, state: { $in: ['CREATED', 'FAILED'] } }, page: { limit: 100 } },
    { signal },
  );
}

/** The incident types of a job that ran out of retries: the element's own job, or a listener's. */
export const NO_RETRIES_TYPES = ['JOB_NO_RETRIES', 'EXECUTION_LISTENER_NO_RETRIES', 'TASK_LISTENER_NO_RETRIES'];

/** Gives a job retries again (before resolving its JOB_NO_RETRIES incident). */
export function updateJobRetries(api: ApiClient, jobKey: string, retries: number): Promise<void> {
  return api.request<void>('PATCH', `/v2/jobs/${encodeURIComponent(jobKey)}`, { body: { changeset: { retries } } });
}

/** Resolves an incident: what failed runs again (the job is offered to workers again). */
export function resolveIncident(api: ApiClient, incidentKey: string): Promise<void> {
  return api.post<void>(`/v2/incidents/${encodeURIComponent(incidentKey)}/resolution`, {});
}

/**
 * Retries an incident the way Operate does: a job that ran out of retries gets `retries` again
 * first, then the incident is resolved; other incidents are resolved directly (after the cause,
 * e.g. a missing variable, was fixed).
 */
export async function retryIncident(api: ApiClient, incident: Incident, retries: number): Promise<void> {
  if (NO_RETRIES_TYPES.includes(incident.errorType) && incident.jobKey) await updateJobRetries(api, incident.jobKey, retries);
  await resolveIncident(api, incident.incidentKey);
}

/** Instance counts shared by processes and versions. */
export interface InstanceCounts {
  activeInstancesWithoutIncidentCount: number;
  activeInstancesWithIncidentCount: number;
  completedInstancesCount: number;
  terminatedInstancesCount: number;
}

/** Instance counts of one process, all versions. */
export interface ProcessInstanceStatistics extends InstanceCounts {
  processDefinitionId: string;
  tenantId: string;
  latestProcessDefinitionName: string;
  latestProcessDefinitionVersion: number;
  latestProcessDefinitionKey: string;
  hasMultipleVersions: boolean;
}

/** Instance counts of one version. */
export interface VersionInstanceStatistics extends InstanceCounts {
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  processDefinitionVersionTag?: string;
  tenantId: string;
}

/** Every deployed process with its instance counts (at most 1000 processes). */
export function getProcessStatistics(api: ApiClient, signal?: AbortSignal): Promise<{ items: ProcessInstanceStatistics[]; page: { totalItems: number } }> {
  return api.post('/v2/process-definitions/statistics/process-instances', { sort: [{ field: 'latestProcessDefinitionName' }], page: { limit: 1000 } }, { signal });
}

/** The versions of one process, newest first, with their instance counts. */
export async function getVersionStatistics(api: ApiClient, processDefinitionId: string, signal?: AbortSignal): Promise<VersionInstanceStatistics[]> {
  const result = await api.post<{ items: VersionInstanceStatistics[] }>(
    '/v2/process-definitions/statistics/process-instances-by-version',
    { filter: { processDefinitionId }, page: { limit: 1000 } },
    { signal },
  );
  return result.items;
}
