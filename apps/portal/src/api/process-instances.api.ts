import type { ApiClient } from './api-client';

/** Body of `POST /v2/process-instances` as the portal sends it: the definition by key, and variables. */
export interface StartProcessRequest {
  processDefinitionKey: string;
  variables?: Record<string, unknown>;
}

/** Answer of `POST /v2/process-instances`. */
export interface StartedProcessInstance {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  tenantId: string;
  businessId: string | null;
}

/** Starts an instance at the process's none start event. */
export function startProcessInstance(api: ApiClient, request: StartProcessRequest): Promise<StartedProcessInstance> {
  return api.post<StartedProcessInstance>('/v2/process-instances', request);
}
