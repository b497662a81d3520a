import type { ApiClient } from './api-client';
import { ApiProblem } from './api-problem';
import type { RenderableForm } from './forms.api';
import type { Condition, SearchRequest, SearchResult } from './search';

/** The states of a user task while its task listeners run a transition (docs/listeners.md). */
export const LISTENER_STATES = ['CREATING', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'CANCELING'] as const;
export type ListenerState = (typeof LISTENER_STATES)[number];

/** The states of an open task: CREATED, or on its way through its listeners (not yet canceling). */
export const OPEN_TASK_STATES: UserTask['state'][] = ['CREATED', 'CREATING', 'ASSIGNING', 'UPDATING', 'COMPLETING'];

/** A user task (Camunda 8.8 shape): absent values are left out. */
export interface UserTask {
  userTaskKey: string;
  name: string;
  /** CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING: its task listeners run that transition. */
  state: 'CREATED' | 'COMPLETED' | 'CANCELED' | ListenerState;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  elementId: string;
  elementInstanceKey: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  processInstanceKey: string;
  processName?: string;
  /** ISO 8601. */
  creationDate: string;
  completionDate?: string;
  dueDate?: string;
  followUpDate?: string;
  /** 0..100, 50 unless the model says otherwise. */
  priority: number;
  formKey?: string;
  externalFormReference?: string;
  tenantId: string;
  /** Baton addition: the business id of the task's process instance. */
  businessId?: string;
  /** Baton addition: who started the task's process instance. */
  processInstanceStartedBy?: string;
  /** Baton addition: when the task's process instance started (ISO 8601). */
  processInstanceStartDate?: string;
  /**
   * Baton addition (single task only): the variables the model names as the task's context
   * (`taskVariables` zeebe:property); absent: every variable the task sees.
   */
  taskVariables?: string[];
}

/** `filter` of `POST /v2/user-tasks/search` (the subset the portal uses). */
export interface UserTaskFilter {
  state?: Condition<UserTask['state']>;
  assignee?: Condition<string>;
  processDefinitionId?: Condition<string>;
  processInstanceKey?: Condition<string>;
  dueDate?: Condition<string>;
  priority?: Condition<number>;
  /**
   * Baton addition: tasks offered to one of the caller's groups or to the caller as a candidate
   * user (true), whoever holds them now; or tasks the caller is no candidate for (false).
   */
  offeredToMe?: boolean;
}

/** Fields `POST /v2/user-tasks/search` sorts by. */
export type UserTaskSortField = 'creationDate' | 'dueDate' | 'priority' | 'name' | 'completionDate' | 'followUpDate';

/** A variable as a task sees it; `value` is JSON text (`"\"travel\""`, `2500`). */
export interface TaskVariable {
  name: string;
  value: string;
  isTruncated: boolean;
}

/** The user tasks the caller may see (the engine applies its visibility rule), one page. */
export function searchUserTasks(api: ApiClient, request: SearchRequest<UserTaskFilter, UserTaskSortField>, signal?: AbortSignal): Promise<SearchResult<UserTask>> {
  return api.post<SearchResult<UserTask>>('/v2/user-tasks/search', request, { signal });
}

/** One task; 404 `USER_TASK.NOT_FOUND` when it does not exist or the caller may not see it. */
export function getUserTask(api: ApiClient, userTaskKey: string, signal?: AbortSignal): Promise<UserTask> {
  return api.get<UserTask>(`/v2/user-tasks/${encodeURIComponent(userTaskKey)}`, { signal });
}

/** The task's form (linked form version or legacy embedded form), or null when it has none (204). */
export async function getUserTaskForm(api: ApiClient, userTaskKey: string, signal?: AbortSignal): Promise<RenderableForm | null> {
  const form = await api.get<RenderableForm | undefined>(`/v2/user-tasks/${encodeURIComponent(userTaskKey)}/form`, { signal });
  return form ?? null;
}

/**
 * Every variable the task sees, whole (not truncated), following the pages to the end. A page
 * whose values would make the answer too large (400 `RESPONSE.TOO_LARGE`) is asked for again with
 * as many items as the engine says fit (`itemsThatFit`).
 */
export async function getAllUserTaskVariables(api: ApiClient, userTaskKey: string, signal?: AbortSignal): Promise<TaskVariable[]> {
  const variables: TaskVariable[] = [];
  let after: string | undefined;
  let limit = 1000;
  for (;;) {
    let result: SearchResult<TaskVariable>;
    try {
      result = await api.post<SearchResult<TaskVariable>>(
        `/v2/user-tasks/${encodeURIComponent(userTaskKey)}/variables/search?truncateValues=false`,
        { page: { limit, ...(after ? { after } : {}) } },
        { signal },
      );
    } catch (error) {
      const fitting = error instanceof ApiProblem && error.code === 'RESPONSE.TOO_LARGE' ? Number(error.extensions.itemsThatFit) : 0;
      if (!(fitting > 0 && fitting < limit)) throw error;
      limit = fitting;
      continue;
    }
    variables.push(...result.items);
    if (result.items.length === 0 || variables.length >= result.page.totalItems || !result.page.endCursor) return variables;
    after = result.page.endCursor;
  }
}

/** Claims the task for `assignee` (employees may only claim for themselves, and only unassigned tasks). */
export function assignUserTask(api: ApiClient, userTaskKey: string, assignee: string): Promise<void> {
  // allowOverride false: never take a task a colleague claimed a moment ago (409 instead).
  return api.post<void>(`/v2/user-tasks/${encodeURIComponent(userTaskKey)}/assignment`, { assignee, allowOverride: false });
}

/** Releases the task (its assignee or an admin). */
export function unassignUserTask(api: ApiClient, userTaskKey: string): Promise<void> {
  return api.request<void>('DELETE', `/v2/user-tasks/${encodeURIComponent(userTaskKey)}/assignee`);
}

/** Completes the task with variables; an unassigned task is assigned to the caller in the same step. */
export function completeUserTask(api: ApiClient, userTaskKey: string, variables: Record<string, unknown>): Promise<void> {
  return api.post<void>(`/v2/user-tasks/${encodeURIComponent(userTaskKey)}/completion`, { variables });
}
