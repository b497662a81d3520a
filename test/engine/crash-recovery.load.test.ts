import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashTestProcessXml } from '../fixtures/generated-models.js';
import { mapConcurrent } from '../support/concurrency.js';
import { EngineProcess } from '../support/engine-process.js';
import { until } from '../support/eventually.js';
import { basicAuth } from '../support/test-engine.js';

/**
 * design.md invariants 1–3: nothing is lost when the engine is killed with SIGKILL at any
 * moment. Clients start instances and complete their tasks as fast as they can while the
 * engine is killed mid-load; after a restart every acknowledged change is there, no instance
 * is stuck between states, and every instance can be driven to its end.
 */
const engine = new EngineProcess();
const auth = { Authorization: basicAuth('demo'), 'Content-Type': 'application/json' };

async function call(path: string, body: unknown): Promise<{ status: number; json: any } | null> {
  try {
    const response = await fetch(engine.url + path, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    return { status: response.status, json: response.status === 204 ? null : await response.json() };
  } catch {
    return null; // the engine died under this request: not acknowledged
  }
}

let db: mysql.Connection;

beforeAll(async () => {
  if (!EngineProcess.isBuilt()) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  await engine.start();
  const form = new FormData();
  form.append('resources', new Blob([crashTestProcessXml('crash-order')]), 'crash-order.bpmn');
  const deployed = await fetch(`${engine.url}/v2/deployments`, { method: 'POST', headers: { Authorization: basicAuth('demo') }, body: form });
  expect(deployed.status).toBe(200);
  db = await engine.connect();
});

afterAll(async () => {
  await db?.end();
  await engine.drop();
});

async function openTasks(processInstanceKey?: string): Promise<Array<{ key: string; instance: string; element: string }>> {
  const [rows] = await db.query(
    `SELECT user_task_key, process_instance_key, element_id FROM user_tasks WHERE state = 'CREATED'${processInstanceKey ? ' AND process_instance_key = ?' : ''}`,
    processInstanceKey ? [processInstanceKey] : [],
  );
  return (rows as Array<Record<string, string>>).map((r) => ({ key: String(r.user_task_key), instance: String(r.process_instance_key), element: String(r.element_id) }));
}

describe('SIGKILL during load', () => {
  it('loses no acknowledged change and leaves every instance able to finish', async () => {
    const acknowledgedInstances = new Set<string>();
    const acknowledgedCompletions = new Set<string>();
    let alive = true;

    // Clients: each starts instances and works their tasks until the engine dies.
    const client = async () => {
      while (alive) {
        const created = await call('/v2/process-instances', { processDefinitionId: 'crash-order', variables: { steps: 0 } });
        if (!created) return;
        expect(created.status).toBe(200);
        acknowledgedInstances.add(created.json.processInstanceKey);
        for (let round = 0; round < 3 && alive; round++) {
          for (const task of await openTasks(created.json.processInstanceKey)) {
            const completed = await call(`/v2/user-tasks/${task.key}/completion`, { variables: { [`done_${task.element}`]: true } });
            if (!completed) return;
            expect(completed.status).toBe(204);
            acknowledgedCompletions.add(task.key);
          }
        }
      }
    };
    const clients = Array.from({ length: 8 }, () => client());
    // Kill mid-load: once clients have had more than 10 starts and 10 completions acknowledged (however busy the machine is).
    await until(async () => acknowledgedInstances.size > 10 && acknowledgedCompletions.size > 10, 'more than 10 acknowledged starts and completions', 120_000);
    alive = false;
    await engine.kill();
    await Promise.all(clients);
    expect(acknowledgedInstances.size).toBeGreaterThan(10);

    await engine.start();

    // Every acknowledged instance and completion survived.
    const [instances] = await db.query('SELECT process_instance_key, state FROM process_instances');
    const stored = new Map((instances as Array<Record<string, string>>).map((r) => [String(r.process_instance_key), String(r.state)]));
    for (const key of acknowledgedInstances) expect(stored.has(key), `instance ${key}`).toBe(true);
    const [completedTasks] = await db.query("SELECT user_task_key FROM user_tasks WHERE state = 'COMPLETED'");
    const completed = new Set((completedTasks as Array<Record<string, string>>).map((r) => String(r.user_task_key)));
    for (const key of acknowledgedCompletions) expect(completed.has(key), `task ${key}`).toBe(true);

    // Nothing is stuck between two states, and waiting elements and their tasks agree.
    const [transient] = await db.query("SELECT element_instance_key FROM element_instances WHERE lifecycle IN ('ACTIVATING', 'COMPLETING', 'TERMINATING') AND incident_key IS NULL");
    expect(transient).toEqual([]);
    const [waitingWithoutTask] = await db.query(
      "SELECT e.element_instance_key FROM element_instances e LEFT JOIN user_tasks t ON t.element_instance_key = e.element_instance_key AND t.state = 'CREATED' WHERE e.element_type = 'bpmn:UserTask' AND e.state = 'ACTIVE' AND t.user_task_key IS NULL",
    );
    expect(waitingWithoutTask).toEqual([]);
    const [taskWithoutElement] = await db.query(
      "SELECT t.user_task_key FROM user_tasks t JOIN element_instances e ON e.element_instance_key = t.element_instance_key WHERE t.state = 'CREATED' AND e.lifecycle <> 'ACTIVATED'",
    );
    expect(taskWithoutElement).toEqual([]);
    const [positions] = await db.query(
      'SELECT p.process_instance_key FROM process_instances p LEFT JOIN (SELECT process_instance_key, COUNT(*) AS n, MAX(position) AS top FROM process_instance_events GROUP BY process_instance_key) e ON e.process_instance_key = p.process_instance_key WHERE e.n IS NULL OR e.n <> p.event_position OR e.top <> p.event_position',
    );
    expect(positions).toEqual([]);

    // Every instance can be driven to its end: complete whatever is open until nothing is.
    for (let round = 0; round < 5; round++) {
      const open = await openTasks();
      if (open.length === 0) break;
      const statuses = await mapConcurrent(open, 8, async (task) => (await call(`/v2/user-tasks/${task.key}/completion`, { variables: { [`done_${task.element}`]: true } }))?.status);
      expect(statuses.filter((s) => s !== 204)).toEqual([]);
    }
    const [states] = await db.query('SELECT state, COUNT(*) AS n FROM process_instances GROUP BY state');
    expect((states as Array<Record<string, string>>).map((r) => [r.state, Number(r.n)])).toEqual([['COMPLETED', stored.size]]);
    const [steps] = await db.query("SELECT COUNT(*) AS n FROM variables WHERE name = 'steps' AND value <> '1'");
    expect(Number((steps as Array<Record<string, string>>)[0]!.n)).toBe(0);
  });
});
