import { get, search } from '../fixtures/queries/scenario.js';
import type { TestEngine } from './test-engine.js';

/**
 * Read-side views of one process instance, as the command tests assert them: element instances,
 * variables, user tasks, incidents and the audit log, always through the REST API (as demo).
 */

/** Any request as `user`; returns status and body (parsed JSON, or null for an empty body). */
export async function send(engine: TestEngine, method: string, path: string, json?: unknown, user = 'demo'): Promise<{ status: number; body: any }> {
  const response = await engine.request(path, { method, user, ...(json === undefined ? {} : { json }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The instance's element instances (the process included), in key order. */
export async function elementsOf(engine: TestEngine, processInstanceKey: string): Promise<any[]> {
  const { body } = await search(engine, '/v2/element-instances/search', { filter: { processInstanceKey }, page: { limit: 1000 } });
  return body.items;
}

/** `elementId TYPE STATE` of each element instance, in key order (activation order). */
export async function elementTrail(engine: TestEngine, processInstanceKey: string): Promise<string[]> {
  return (await elementsOf(engine, processInstanceKey)).map((e) => `${e.elementId} ${e.type} ${e.state}`);
}

/** The one element instance of `elementId` (fails the test when there are several or none). */
export async function elementOf(engine: TestEngine, processInstanceKey: string, elementId: string): Promise<any> {
  const found = (await elementsOf(engine, processInstanceKey)).filter((e) => e.elementId === elementId);
  if (found.length !== 1) throw new Error(`Expected one instance of '${elementId}' in ${processInstanceKey} but found ${found.length}`);
  return found[0];
}

/** The variables of one scope as name → parsed value. */
export async function variablesIn(engine: TestEngine, scopeKey: string): Promise<Record<string, unknown>> {
  const { body } = await search(engine, '/v2/variables/search?truncateValues=false', { filter: { scopeKey }, page: { limit: 1000 } });
  return Object.fromEntries(body.items.map((v: any) => [v.name, JSON.parse(v.value)]));
}

/** The instance's user tasks that `user` may see, in key order. */
export async function tasksOf(engine: TestEngine, processInstanceKey: string, user = 'demo'): Promise<any[]> {
  return (await search(engine, '/v2/user-tasks/search', { filter: { processInstanceKey } }, user)).body.items;
}

/** The instance's one open (CREATED) user task of `elementId`. */
export async function openTask(engine: TestEngine, processInstanceKey: string, elementId: string): Promise<any> {
  const found = (await tasksOf(engine, processInstanceKey)).filter((t) => t.elementId === elementId && t.state === 'CREATED');
  if (found.length !== 1) throw new Error(`Expected one open task '${elementId}' in ${processInstanceKey} but found ${found.length}`);
  return found[0];
}

/** The instance's incidents, in key order. */
export async function incidentsOf(engine: TestEngine, processInstanceKey: string): Promise<any[]> {
  return (await search(engine, '/v2/incidents/search', { filter: { processInstanceKey } })).body.items;
}

/** The instance's whole audit log. */
export async function historyOf(engine: TestEngine, processInstanceKey: string): Promise<any[]> {
  return (await get(engine, `/v2/process-instances/${processInstanceKey}/history?limit=1000`)).body.items;
}

/** GET /v2/process-instances/{key} as demo. */
export async function instance(engine: TestEngine, processInstanceKey: string): Promise<any> {
  return (await get(engine, `/v2/process-instances/${processInstanceKey}`)).body;
}
