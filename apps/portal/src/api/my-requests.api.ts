import type { ApiClient } from './api-client';
import type { Condition, SearchRequest, SearchResult } from './search';

/** Where a request stands, in the requester's words. */
export type RequestStatus = 'IN_PROGRESS' | 'DELAYED' | 'COMPLETED' | 'CANCELED';

/** One step of a request: a task, call activity or wait, with its user task when it is one. */
export interface RequestStep {
  elementInstanceKey: string;
  elementId: string;
  elementName: string;
  elementType: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident: boolean;
  startDate: string;
  endDate?: string;
  userTask?: { userTaskKey: string; state: string; assignee?: string; candidateGroups: string[]; candidateUsers: string[] };
}

/** A process instance the caller started (`POST /v2/my-requests/search`, a Baton addition). */
export interface MyRequest {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  businessId?: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident: boolean;
  startDate: string;
  endDate?: string;
  status: RequestStatus;
  currentSteps: RequestStep[];
}

/** A request with every step it took. */
export interface MyRequestDetails extends MyRequest {
  steps: RequestStep[];
}

export interface MyRequestFilter {
  state?: Condition<MyRequest['state']>;
  processDefinitionId?: Condition<string>;
  businessId?: Condition<string>;
}

export type MyRequestSortField = 'startDate' | 'endDate' | 'processDefinitionName' | 'businessId';

/** The caller's own requests, one page (newest first unless sorted otherwise). */
export function searchMyRequests(api: ApiClient, request: SearchRequest<MyRequestFilter, MyRequestSortField>, signal?: AbortSignal): Promise<SearchResult<MyRequest>> {
  return api.post<SearchResult<MyRequest>>('/v2/my-requests/search', request, { signal });
}

/** One of the caller's requests with its steps; 404 when it is not theirs. */
export function getMyRequest(api: ApiClient, processInstanceKey: string, signal?: AbortSignal): Promise<MyRequestDetails> {
  return api.get<MyRequestDetails>(`/v2/my-requests/${encodeURIComponent(processInstanceKey)}`, { signal });
}
