/** Typed call for element duration metrics (Baton's `.../statistics/element-durations`). */
import type { ApiClient } from './api-client';

/** How long one element's completed instances took in the period, in milliseconds (null: none completed). */
export interface ElementDuration {
  elementId: string;
  elementName?: string;
  /** Camunda's element type: `PROCESS` is the whole instance. */
  elementType: string;
  completedCount: number;
  terminatedCount: number;
  minMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  meanMs: number | null;
}

export interface ElementDurations {
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  from: string;
  to: string;
  /** The process itself first, then in the order the elements were first entered. */
  items: ElementDuration[];
}

/** Durations of the definition's element instances that ended in [from, to). */
export function getElementDurations(api: ApiClient, processDefinitionKey: string, period: { from: string; to: string }, signal?: AbortSignal): Promise<ElementDurations> {
  return api.post<ElementDurations>(`/v2/process-definitions/${encodeURIComponent(processDefinitionKey)}/statistics/element-durations`, period, { signal });
}
