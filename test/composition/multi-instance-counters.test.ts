import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { until } from '../support/eventually.js';
import { elementsOf, send, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { multiInstanceXml } from './composition-models.js';

/**
 * Multi-instance counters through the REST API against MariaDB (Camunda 8:
 * components/modeler/bpmn/multi-instance, "Completion condition"). The completion condition is
 * true exactly when the counters equal the wanted ones, so the instance completing early shows
 * the values the condition saw; the counters the body keeps are read from its element instance row.
 */
let engine: TestEngine;
let db: mysql.Connection;
let seq = 0;

const WANTED = '=numberOfInstances = want.instances and numberOfActiveInstances = want.active and numberOfCompletedInstances = want.completed and numberOfTerminatedInstances = want.terminated';
const want = (instances: number, active: number, completed: number, terminated: number) => ({ instances, active, completed, terminated });

beforeAll(async () => {
  engine = await startTestEngine({ clockControl: true });
  const c = engine.config.db;
  db = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, database: c.name });
});
afterAll(async () => {
  await db?.end();
  await engine?.stop();
});

async function startModel(variables: Record<string, unknown>, options: Parameters<typeof multiInstanceXml>[2]) {
  const type = `mi-${++seq}`;
  const processId = `mi-process-${seq}`;
  expect((await deploy(engine, [{ name: `${processId}.bpmn`, content: multiInstanceXml(processId, type, options) }])).status).toBe(200);
  const started = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: processId, variables });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return { type, processInstanceKey: started.body.processInstanceKey as string };
}

async function activate(type: string, max = 10): Promise<any[]> {
  const { status, body } = await send(engine, 'POST', '/v2/jobs/activation', { type, timeout: 60_000, maxJobsToActivate: max, requestTimeout: -1 }, 'worker');
  expect(status).toBe(200);
  return body.jobs;
}

async function complete(job: any, variables: Record<string, unknown>): Promise<void> {
  const { status, body } = await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables }, 'worker');
  expect(status, JSON.stringify(body)).toBe(204);
}

async function stateOf(processInstanceKey: string): Promise<string> {
  return (await send(engine, 'GET', `/v2/process-instances/${processInstanceKey}`)).body.state;
}

/** The body's counters as stored with its element instance. */
async function countersOf(processInstanceKey: string): Promise<unknown> {
  const [rows] = (await db.query("SELECT multi_instance FROM element_instances WHERE process_instance_key = ? AND element_type = 'bpmn:MultiInstanceBody'", [processInstanceKey])) as any;
  const value = rows[0]?.multi_instance;
  return typeof value === 'string' ? JSON.parse(value) : value;
}

async function innerStates(processInstanceKey: string): Promise<string[]> {
  return (await elementsOf(engine, processInstanceKey)).filter((e) => e.elementId === 'work' && e.type === 'SERVICE_TASK').map((e) => e.state).sort();
}

describe('multi-instance counters over REST', () => {
  it('parallel: the condition met at the second of three completions terminates the third; the body counts 3 created, 2 completed, 1 terminated', async () => {
    const { type, processInstanceKey } = await startModel({ items: [1, 2, 3], want: want(3, 1, 2, 0) }, { completionCondition: WANTED });
    const jobs = await activate(type);
    expect(jobs).toHaveLength(3);
    await complete(jobs[0], { result: 'a' });
    expect(await stateOf(processInstanceKey)).toBe('ACTIVE');
    expect(await countersOf(processInstanceKey)).toEqual({ numberOfInstances: 3, numberOfCompletedInstances: 1, numberOfTerminatedInstances: 0 });
    await complete(jobs[1], { result: 'b' });
    await until(async () => (await stateOf(processInstanceKey)) === 'COMPLETED', 'the instance completes');
    expect(await countersOf(processInstanceKey)).toEqual({ numberOfInstances: 3, numberOfCompletedInstances: 2, numberOfTerminatedInstances: 1 });
    expect(await innerStates(processInstanceKey)).toEqual(['COMPLETED', 'COMPLETED', 'TERMINATED']);
    expect(await variablesIn(engine, processInstanceKey)).toMatchObject({ results: ['a', 'b', null] });
    // the third job was canceled with its inner instance: completing it now is refused
    expect((await send(engine, 'POST', `/v2/jobs/${jobs[2].jobKey}/completion`, { variables: {} }, 'worker')).status).toBe(404);
  });

  it('sequential: instances are counted as they are created; the second completion sees 2 created, 0 active, 2 completed', async () => {
    const { type, processInstanceKey } = await startModel({ items: [1, 2, 3], want: want(2, 0, 2, 0) }, { sequential: true, completionCondition: WANTED });
    expect(await countersOf(processInstanceKey)).toEqual({ numberOfInstances: 1, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 });
    const [first] = await activate(type);
    await complete(first, { result: 'a' });
    expect(await countersOf(processInstanceKey)).toEqual({ numberOfInstances: 2, numberOfCompletedInstances: 1, numberOfTerminatedInstances: 0 });
    const [second] = await activate(type);
    await complete(second, { result: 'b' });
    await until(async () => (await stateOf(processInstanceKey)) === 'COMPLETED', 'the instance completes');
    expect(await innerStates(processInstanceKey)).toEqual(['COMPLETED', 'COMPLETED']);
    expect(await variablesIn(engine, processInstanceKey)).toMatchObject({ results: ['a', 'b', null] });
  });

  it('an interrupting timer boundary on the body terminates the running inner instances and counts them', async () => {
    const { type, processInstanceKey } = await startModel({ items: [1, 2, 3] }, { timeout: 'PT1H' });
    const jobs = await activate(type);
    await complete(jobs[0], { result: 'a' });
    expect((await send(engine, 'PUT', '/v2/clock', { timestamp: Date.now() + 2 * 3600_000 })).status).toBe(204);
    try {
      await until(async () => (await stateOf(processInstanceKey)) === 'COMPLETED', 'the boundary timer ends the instance', 60_000);
    } finally {
      await send(engine, 'POST', '/v2/clock/reset', {});
    }
    expect(await countersOf(processInstanceKey)).toEqual({ numberOfInstances: 3, numberOfCompletedInstances: 1, numberOfTerminatedInstances: 2 });
    expect(await innerStates(processInstanceKey)).toEqual(['COMPLETED', 'TERMINATED', 'TERMINATED']);
  });

  it('cancelling the instance counts the running inner instances terminated', async () => {
    const { type, processInstanceKey } = await startModel({ items: [1, 2] }, {});
    const jobs = await activate(type);
    await complete(jobs[1], { result: 'b' });
    expect((await send(engine, 'POST', `/v2/process-instances/${processInstanceKey}/cancellation`)).status).toBe(204);
    expect(await stateOf(processInstanceKey)).toBe('TERMINATED');
    expect(await countersOf(processInstanceKey)).toEqual({ numberOfInstances: 2, numberOfCompletedInstances: 1, numberOfTerminatedInstances: 1 });
  });
});
