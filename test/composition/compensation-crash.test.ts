import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapConcurrent } from '../support/concurrency.js';
import { EngineProcess } from '../support/engine-process.js';
import { until } from '../support/eventually.js';
import { basicAuth } from '../support/test-engine.js';

/**
 * Compensation is durable: the built engine is killed with SIGKILL while the compensation
 * handlers of many instances are being completed. After a restart every acknowledged handler
 * completion is there, the records in MySQL agree with the open handler tasks, and every
 * instance finishes its compensation — each handler exactly once, in the order chosen before the
 * crash (latest completed activity first).
 */
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="crash" targetNamespace="http://baton.local/test">
  <bpmn:process id="crash-saga" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${['hotel', 'flight', 'car']
      .map(
        (step) => `<bpmn:userTask id="${step}" />
    <bpmn:boundaryEvent id="${step}-undo" attachedToRef="${step}"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
    <bpmn:userTask id="cancel-${step}" isForCompensation="true" />
    <bpmn:association id="${step}-assoc" sourceRef="${step}-undo" targetRef="cancel-${step}" />`,
      )
      .join('\n    ')}
    <bpmn:intermediateThrowEvent id="undo-all"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="hotel" />
    <bpmn:sequenceFlow id="f2" sourceRef="hotel" targetRef="flight" />
    <bpmn:sequenceFlow id="f3" sourceRef="flight" targetRef="car" />
    <bpmn:sequenceFlow id="f4" sourceRef="car" targetRef="undo-all" />
    <bpmn:sequenceFlow id="f5" sourceRef="undo-all" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const INSTANCES = 12;
const engine = new EngineProcess();
const auth = { Authorization: basicAuth('demo'), 'Content-Type': 'application/json' };
let db: mysql.Connection;

async function call(path: string, body: unknown): Promise<{ status: number; json: any } | null> {
  try {
    const response = await fetch(engine.url + path, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    return { status: response.status, json: response.status === 204 ? null : await response.json() };
  } catch {
    return null; // the engine died under this request: not acknowledged
  }
}

async function openTasks(elementPrefix = ''): Promise<Array<{ key: string; instance: string; element: string }>> {
  const [rows] = await db.query("SELECT user_task_key, process_instance_key, element_id FROM user_tasks WHERE state = 'CREATED' AND element_id LIKE ? ORDER BY user_task_key", [`${elementPrefix}%`]);
  return (rows as Array<Record<string, string>>).map((r) => ({ key: String(r.user_task_key), instance: String(r.process_instance_key), element: String(r.element_id) }));
}

async function completeAll(tasks: Array<{ key: string }>): Promise<void> {
  const statuses = await mapConcurrent(tasks, 4, async (task) => (await call(`/v2/user-tasks/${task.key}/completion`, { variables: {} }))?.status);
  expect(statuses.filter((status) => status !== 204)).toEqual([]);
}

beforeAll(async () => {
  if (!EngineProcess.isBuilt()) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  await engine.start();
  const form = new FormData();
  form.append('resources', new Blob([MODEL]), 'crash-saga.bpmn');
  const deployed = await fetch(`${engine.url}/v2/deployments`, { method: 'POST', headers: { Authorization: basicAuth('demo') }, body: form });
  expect(deployed.status, await deployed.clone().text()).toBe(200);
  db = await engine.connect();
});

afterAll(async () => {
  await db?.end();
  await engine.drop();
});

describe('SIGKILL in the middle of compensations', () => {
  it('resumes every compensation after a restart and runs each handler exactly once, in the chosen order', async () => {
    for (let i = 0; i < INSTANCES; i++) expect((await call('/v2/process-instances', { processDefinitionId: 'crash-saga', variables: { trip: i } }))?.status).toBe(200);
    for (const step of ['hotel', 'flight', 'car']) await completeAll(await openTasks(step));
    await until(async () => (await openTasks('cancel-')).length === 3 * INSTANCES, 'every instance to be compensating with three handler tasks');

    // Clients complete the flight and car handler tasks as fast as they can; the engine is killed
    // once some were acknowledged. The hotel handlers stay open, so every instance is compensating.
    const acknowledged = new Set<string>();
    let alive = true;
    const handlerTasks = (await openTasks('cancel-')).filter((task) => task.element !== 'cancel-hotel');
    let next = 0;
    const client = async () => {
      while (alive && next < handlerTasks.length) {
        const task = handlerTasks[next++]!;
        const completed = await call(`/v2/user-tasks/${task.key}/completion`, { variables: {} });
        if (!completed) return;
        expect(completed.status).toBe(204);
        acknowledged.add(task.key);
      }
    };
    const clients = Array.from({ length: 4 }, () => client());
    await until(async () => acknowledged.size >= INSTANCES, 'some handler completions to be acknowledged before the kill', 60_000);
    alive = false;
    await engine.kill();
    await Promise.all(clients);

    await engine.start();

    // Every acknowledged completion is there; records and open handler tasks agree; nothing is stuck between states.
    const [done] = await db.query("SELECT user_task_key FROM user_tasks WHERE state = 'COMPLETED' AND element_id LIKE 'cancel-%'");
    const completed = new Set((done as Array<Record<string, string>>).map((r) => String(r.user_task_key)));
    for (const key of acknowledged) expect(completed.has(key), `handler task ${key}`).toBe(true);
    const [transient] = await db.query("SELECT element_instance_key FROM element_instances WHERE lifecycle IN ('ACTIVATING', 'COMPLETING', 'TERMINATING') AND incident_key IS NULL");
    expect(transient).toEqual([]);
    const [mismatched] = await db.query(
      `SELECT c.compensation_key FROM compensation_subscriptions c
         LEFT JOIN user_tasks t ON t.element_instance_key = c.handler_element_instance_key AND t.state = 'CREATED'
        WHERE c.state = 'COMPENSATING' AND t.user_task_key IS NULL`,
    );
    expect(mismatched).toEqual([]);
    expect((await openTasks('cancel-hotel')).length).toBe(INSTANCES);
    const [running] = await db.query("SELECT COUNT(*) AS n FROM process_instances WHERE state = 'ACTIVE'");
    expect(Number((running as Array<Record<string, string>>)[0]!.n)).toBe(INSTANCES);

    await completeAll(await openTasks('cancel-'));
    await until(async () => {
      const [states] = await db.query("SELECT COUNT(*) AS n FROM process_instances WHERE state = 'COMPLETED'");
      return Number((states as Array<Record<string, string>>)[0]!.n) === INSTANCES;
    }, 'every instance to complete');

    const [records] = await db.query('SELECT process_instance_key, element_id, state, ordinal FROM compensation_subscriptions ORDER BY process_instance_key, ordinal');
    const byInstance = new Map<string, string[]>();
    for (const r of records as Array<Record<string, unknown>>) {
      const key = String(r.process_instance_key);
      byInstance.set(key, [...(byInstance.get(key) ?? []), `${String(r.ordinal)} ${String(r.element_id)} ${String(r.state)}`]);
    }
    expect(byInstance.size).toBe(INSTANCES);
    for (const trail of byInstance.values()) expect(trail).toEqual(['1 car COMPENSATED', '2 flight COMPENSATED', '3 hotel COMPENSATED']);
    const [handled] = await db.query("SELECT process_instance_key, COUNT(*) AS n FROM process_instance_events WHERE event_type = 'COMPENSATION_HANDLER_COMPLETED' GROUP BY process_instance_key");
    expect((handled as Array<Record<string, unknown>>).map((r) => Number(r.n))).toEqual(Array.from({ length: INSTANCES }, () => 3));
  });
});
