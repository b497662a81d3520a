import { expect } from 'vitest';
import { deploy } from '../support/deploy.js';
import { eventually } from '../support/eventually.js';
import { historyOf, instance, send } from '../support/process-api.js';
import type { TestEngine } from '../support/test-engine.js';

/**
 * What the event tests do through the REST API: deploy inline models, start instances, publish
 * and correlate messages, broadcast signals, read what an instance waits for, move the clock.
 */

/** The `<bpmn:definitions>` opening of the test models (Camunda 8 dialect, no diagram). */
export const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://baton.local/test">`;

/** A user task (Camunda user task). */
export function userTask(id: string): string {
  return `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>`;
}

/** A service task of a job type. */
export function serviceTask(id: string, type: string): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements></bpmn:serviceTask>`;
}

/** A `bpmn:message` with a FEEL correlation key. */
export function message(id: string, name: string, correlationKey = '=orderId'): string {
  return `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="${correlationKey}" /></bpmn:extensionElements></bpmn:message>`;
}

/** Deploys inline models (as demo) and expects 200; returns the body. */
export async function deployXml(engine: TestEngine, name: string, xml: string): Promise<any> {
  const response = await deploy(engine, [{ name, content: xml }]);
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

/** Starts an instance (as demo); returns its key. */
export async function start(engine: TestEngine, processDefinitionId: string, variables: Record<string, unknown> = {}): Promise<string> {
  const created = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId, variables });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body.processInstanceKey;
}

/** POST /v2/messages/publication as `user`; expects 200 and returns the message key. */
export async function publish(engine: TestEngine, body: Record<string, unknown>, user = 'demo'): Promise<string> {
  const published = await send(engine, 'POST', '/v2/messages/publication', body, user);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body.messageKey;
}

/** POST /v2/signals/broadcast as `user`; expects 200 and returns the signal key. */
export async function broadcast(engine: TestEngine, signalName: string, variables: Record<string, unknown> = {}, user = 'demo'): Promise<string> {
  const sent = await send(engine, 'POST', '/v2/signals/broadcast', { signalName, variables }, user);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return sent.body.signalKey;
}

/** GET /v2/process-instances/{key}/waits: the items. */
export async function waitsOf(engine: TestEngine, processInstanceKey: string): Promise<any[]> {
  const waits = await send(engine, 'GET', `/v2/process-instances/${processInstanceKey}/waits`);
  expect(waits.status, JSON.stringify(waits.body)).toBe(200);
  return waits.body.items;
}

/** Waits until the instance is in `state` (ACTIVE, COMPLETED, TERMINATED). */
export async function reaches(engine: TestEngine, processInstanceKey: string, state: string, timeoutMs?: number): Promise<any> {
  return eventually(() => instance(engine, processInstanceKey), (i) => i.state === state, `instance ${processInstanceKey} to be ${state}`, timeoutMs);
}

/** Waits until the instance waits for something described by `match` (e.g. `{ kind: 'signal', catchElementId: 'x' }`). */
export async function waitsFor(engine: TestEngine, processInstanceKey: string, match: Record<string, unknown>): Promise<any> {
  const items = await eventually(
    () => waitsOf(engine, processInstanceKey),
    (found) => found.some((item) => Object.entries(match).every(([k, v]) => item[k] === v)),
    `instance ${processInstanceKey} to wait for ${JSON.stringify(match)}`,
  );
  return items.find((item) => Object.entries(match).every(([k, v]) => item[k] === v));
}

/** `eventType elementId` of the audit log events of the given types, in order. */
export async function eventsOf(engine: TestEngine, processInstanceKey: string, types: string[]): Promise<string[]> {
  return (await historyOf(engine, processInstanceKey)).filter((e) => types.includes(e.eventType)).map((e) => `${e.eventType} ${e.elementId}`);
}

/** The instances of a process, oldest first. */
export async function instancesOf(engine: TestEngine, processDefinitionId: string): Promise<any[]> {
  const found = await send(engine, 'POST', '/v2/process-instances/search', { filter: { processDefinitionId }, sort: [{ field: 'processInstanceKey' }], page: { limit: 1000 } });
  expect(found.status).toBe(200);
  return found.body.items;
}

/** Pins the engine clock (needs clockControl). */
export async function pinClock(engine: TestEngine, at: Date | number): Promise<void> {
  const timestamp = typeof at === 'number' ? at : at.getTime();
  const pinned = await send(engine, 'PUT', '/v2/clock', { timestamp });
  expect(pinned.status, JSON.stringify(pinned.body)).toBe(204);
}

/** Lets the engine clock run with the system clock again. */
export async function resetClock(engine: TestEngine): Promise<void> {
  expect((await send(engine, 'POST', '/v2/clock/reset', {})).status).toBe(204);
}

/** Activates and completes the instance's one open job of `elementId`, with variables. */
export async function completeJob(engine: TestEngine, processInstanceKey: string, elementId: string, variables: Record<string, unknown> = {}): Promise<void> {
  const [job] = await eventually(
    async () => (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey, elementId, state: 'CREATED' } })).body.items,
    (items: any[]) => items.length > 0,
    `a job of ${elementId} in ${processInstanceKey}`,
  );
  const activated = await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { worker: 'events-test', timeout: 60_000 }, 'worker');
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  const completed = await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables }, 'worker');
  expect(completed.status, JSON.stringify(completed.body)).toBe(204);
}
