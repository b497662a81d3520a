import type { ApiClient } from './api-client';
import type { RenderableForm } from './forms.api';
import type { Condition, SearchRequest, SearchResult } from './search';

/** A deployed process version (Camunda 8 shape). */
export interface ProcessDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  version: number;
  versionTag?: string;
  resourceName: string;
  tenantId: string;
  hasStartForm: boolean;
}

/** `filter` of `POST /v2/process-definitions/search` (the subset the portal uses). */
export interface ProcessDefinitionFilter {
  processDefinitionId?: Condition<string>;
  processDefinitionKey?: Condition<string>;
  name?: Condition<string>;
  /** Only the newest version of each process id. */
  isLatestVersion?: boolean;
  /** Baton addition: only processes `POST /v2/process-instances` can start (they have a none start event). */
  hasNoneStartEvent?: boolean;
}

/** The name people know a process by: its name, else its id. */
export function processLabel(definition: Pick<ProcessDefinition, 'name' | 'processDefinitionId'>): string {
  return definition.name || definition.processDefinitionId;
}

/** One page of process definitions. */
export function searchProcessDefinitions(
  api: ApiClient,
  request: SearchRequest<ProcessDefinitionFilter, 'name' | 'processDefinitionId' | 'version' | 'processDefinitionKey'>,
  signal?: AbortSignal,
): Promise<SearchResult<ProcessDefinition>> {
  return api.post<SearchResult<ProcessDefinition>>('/v2/process-definitions/search', request, { signal });
}

/**
 * The latest version of every process (matching `filter`), sorted by {@link processLabel}. At
 * most `limit`: a portal lists dozens of processes, not thousands. @default limit 500
 */
export async function latestProcessDefinitions(api: ApiClient, filter: ProcessDefinitionFilter = {}, signal?: AbortSignal, limit = 500): Promise<ProcessDefinition[]> {
  const result = await searchProcessDefinitions(api, { filter: { ...filter, isLatestVersion: true }, sort: [{ field: 'processDefinitionId' }], page: { limit } }, signal);
  return result.items.sort((a, b) => processLabel(a).localeCompare(processLabel(b)));
}

/** One process definition; 404 `PROCESS_DEFINITION.NOT_FOUND` for an unknown key. */
export function getProcessDefinition(api: ApiClient, processDefinitionKey: string, signal?: AbortSignal): Promise<ProcessDefinition> {
  return api.get<ProcessDefinition>(`/v2/process-definitions/${encodeURIComponent(processDefinitionKey)}`, { signal });
}

/** The start event's form, or null when it has none (204). */
export async function getStartForm(api: ApiClient, processDefinitionKey: string, signal?: AbortSignal): Promise<RenderableForm | null> {
  const form = await api.get<RenderableForm | undefined>(`/v2/process-definitions/${encodeURIComponent(processDefinitionKey)}/form`, { signal });
  return form ?? null;
}
