import type { ApiClient } from '../../api/api-client';
import { getInstanceWaits, type InstanceWait } from '../../api/events.api';
import {
  getInstanceElementStatistics,
  getProcessInstance,
  getSequenceFlowsTaken,
  searchElementInstances,
  searchIncidents,
  searchListenerJobs,
  searchProcessInstances,
  searchVariables,
  type ElementInstance,
  type ElementStatistics,
  type Incident,
  type ListenerJob,
  type ProcessInstance,
  type Variable,
} from '../../api/monitoring.api';

/** Variables shown at once; the page says when there are more. */
export const VARIABLE_LIMIT = 200;

/** Everything the instance page shows except the diagram XML and the history, read together. */
export interface InstanceSnapshot {
  instance: ProcessInstance;
  statistics: ElementStatistics[];
  flowsTaken: string[];
  incidents: Incident[];
  /** Listener jobs elements and user tasks wait for. */
  listenerJobs: ListenerJob[];
  elements: ElementInstance[];
  variables: Variable[];
  variableCount: number;
  /** Instances this one's call activities started (searched by their `parentProcessInstanceKey`). */
  calledInstances: ProcessInstance[];
  /** What its waiting elements wait for (messages, signals, timers, conditions). */
  waits: InstanceWait[];
}

export async function loadInstanceSnapshot(api: ApiClient, processInstanceKey: string, signal: AbortSignal): Promise<InstanceSnapshot> {
  const [instance, statistics, flowsTaken, incidents, elements, variables, called, waits, listenerJobs] = await Promise.all([
    getProcessInstance(api, processInstanceKey, signal),
    getInstanceElementStatistics(api, processInstanceKey, signal),
    getSequenceFlowsTaken(api, processInstanceKey, signal),
    searchIncidents(api, processInstanceKey, signal),
    searchElementInstances(api, processInstanceKey, signal),
    searchVariables(api, processInstanceKey, VARIABLE_LIMIT, signal),
    searchProcessInstances(api, { filter: { parentProcessInstanceKey: processInstanceKey }, page: { limit: 50 } }, signal),
    getInstanceWaits(api, processInstanceKey, signal),
    searchListenerJobs(api, processInstanceKey, signal),
  ]);
  return {
    instance,
    statistics,
    flowsTaken,
    incidents: incidents.items,
    listenerJobs: listenerJobs.items,
    elements: elements.items,
    variables: variables.items,
    variableCount: variables.page.totalItems,
    calledInstances: called.items,
    waits,
  };
}

/** Element id → name (or id) from the instance's element instances. */
export function elementNamesOf(elements: ElementInstance[]): Map<string, string> {
  return new Map(elements.map((e) => [e.elementId, e.elementName ?? e.elementId]));
}

/** Element instance key → "Name (type)", to name variable scopes. */
export function scopeNamesOf(elements: ElementInstance[]): Map<string, string> {
  return new Map(elements.map((e) => [e.elementInstanceKey, e.elementName ?? e.elementId]));
}
