import fs from 'node:fs';
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBpmn, type ExecutableProcess } from '#bpmn';
import { deploy } from '../support/deploy.js';
import { eventually, sleep } from '../support/eventually.js';
import { send } from '../support/process-api.js';
import { connectToEngineDatabase, startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The real models of ../shared/models/camunda8 of run class `interactive` that wait for messages
 * or signals run to their end on a real engine, driven over the REST API: jobs are completed,
 * user tasks completed, a waiting catch event or receive task gets its message (POST
 * /v2/messages/publication with the correlation key it waits for, shown by /waits) or signal (POST
 * /v2/signals/broadcast), and when only timers are left the engine clock moves to the next one.
 * Processes started by a message or a signal are started that way. What a model needs to take the
 * path to its end (variables, message variables) is given below, read from the model.
 */
const CORPUS = new URL('../../../shared/models/camunda8/', import.meta.url);
const available = fs.existsSync(new URL('../index.json', CORPUS));

/** Variables the models' correlation keys and gateways read (each model reads some of them). */
const VARIABLES = {
  orderId: 'order-1',
  items: ['item-1', 'item-2'],
  uniqueId: 'unique-1',
  myCorrKey: 'corr-1',
  scoringRequestId: 'scoring-1',
  scoringRetryCount: 0,
  CorrelationId_RetrievePayment: 'payment-1',
  CorrelationId_FetchGoods: 'goods-1',
  CorrelationId_ShipGoods: 'shipment-1',
  traceId: 'trace-1',
  key: 'key-1',
  stringValue: 'value-1',
  paymentRequestId: 'payment-request-1',
  correlationKey: 'correlation-1',
  prId: 'pr-1',
  paymentId: 'payment-1',
};

interface Scenario {
  /** Start variables besides VARIABLES. */
  variables?: Record<string, unknown>;
  /** Variables of the message with this name when it is published. */
  messageVariables?: Record<string, Record<string, unknown>>;
  /** Messages (names) never to publish: the other way out of an event-based gateway loops. */
  avoid?: string[];
  /** Other files to deploy first (called processes). */
  deployAlso?: string[];
}

const SCENARIOS: Record<string, Scenario> = {
  'camunda-8-benchmark__msg_process': { avoid: ['NOTDELIVERED'] },
  'zeebe-simple-monitor__payment': { variables: { success: false }, messageVariables: { 'Payment Details updated': { success: true } } },
  'zeebe-process-test__pr-created': { deployAlso: ['zeebe-process-test__automated-tests'], messageVariables: { reviewReceived: { reviewResult: 'approved' } } },
};

interface IndexEntry {
  run: string;
  elementCounts: Record<string, number>;
}

function interactiveModels(): string[] {
  if (!available) return [];
  const index = JSON.parse(fs.readFileSync(new URL('../index.json', CORPUS), 'utf8')) as { camunda8: Record<string, IndexEntry> };
  return Object.entries(index.camunda8)
    .filter(([, entry]) => /^interactive\b/.test(entry.run) && Object.keys(entry.elementCounts).some((kind) => /^(intermediateCatch|boundary|eventSubProcessStart|startEvent):(message|signal)|^ReceiveTask$/.test(kind)))
    .map(([file]) => file.replace(/\.bpmn$/, ''));
}

const MODELS = interactiveModels();

describe.skipIf(!available)('interactive real models that wait for messages or signals run to their end', () => {
  let engine: TestEngine;
  let db: mysql.Connection;

  beforeAll(async () => {
    engine = await startTestEngine({ clockControl: true });
    db = await connectToEngineDatabase(engine.config.db);
  });

  afterAll(async () => {
    await db?.end();
    await engine?.stop();
  });

  it('covers the models of index.json that wait for messages or signals', () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(MODELS)('%s', async (name) => {
    const scenario = SCENARIOS[name] ?? {};
    for (const other of scenario.deployAlso ?? []) await deployFile(other);
    const process = await deployFile(name);
    const variables = { ...VARIABLES, ...scenario.variables };
    const root = await start(process, variables);
    await driveToEnd(root, process, scenario);

    const instance = (await send(engine, 'GET', `/v2/process-instances/${root}`)).body;
    const incidents = (await send(engine, 'POST', '/v2/incidents/search', { filter: { processInstanceKey: root, state: 'ACTIVE' } })).body.items;
    expect(incidents, JSON.stringify(incidents)).toEqual([]);
    expect(instance.state).toBe('COMPLETED');
    const history = (await send(engine, 'GET', `/v2/process-instances/${root}/history?limit=10000`)).body.items as any[];
    const caught = history.filter((e) => e.eventType === 'MESSAGE_CORRELATED' || e.eventType === 'SIGNAL_CAUGHT');
    const startedByEvent = process.startEventId === undefined;
    expect(caught.length > 0 || startedByEvent, 'a message or signal was caught, or started the instance').toBe(true);
  });

  async function deployFile(name: string): Promise<ExecutableProcess> {
    const xml = fs.readFileSync(new URL(`${name}.bpmn`, CORPUS), 'utf8');
    const response = await deploy(engine, [{ name: `${name}.bpmn`, content: xml }]);
    expect(response.status, `${name}: ${await response.clone().text()}`).toBe(200);
    const compiled = await compileBpmn(xml, { resourceName: `${name}.bpmn` });
    if (!compiled.ok) throw new Error(`${name} does not compile`);
    return compiled.processes[0]!;
  }

  /** Starts at the none start event, or by the message or signal of its start event. */
  async function start(process: ExecutableProcess, variables: Record<string, unknown>): Promise<string> {
    if (process.startEventId !== undefined) {
      const created = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: process.id, variables });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      return created.body.processInstanceKey;
    }
    const [byMessage] = process.messageStartEvents ?? [];
    if (byMessage) {
      const correlated = await send(engine, 'POST', '/v2/messages/correlation', { name: byMessage.messageName, variables });
      expect(correlated.status, JSON.stringify(correlated.body)).toBe(200);
      return correlated.body.processInstanceKey;
    }
    const [bySignal] = process.signalStartEvents ?? [];
    if (!bySignal) throw new Error(`${process.id} starts neither by message nor by signal`);
    const before = await instanceKeys(process.id);
    const sent = await send(engine, 'POST', '/v2/signals/broadcast', { signalName: bySignal.signalName, variables });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const after = await instanceKeys(process.id);
    const started = after.filter((key) => !before.includes(key));
    expect(started).toHaveLength(1);
    return started[0]!;
  }

  async function instanceKeys(processDefinitionId: string): Promise<string[]> {
    return (await send(engine, 'POST', '/v2/process-instances/search', { filter: { processDefinitionId }, page: { limit: 1000 } })).body.items.map((i: any) => i.processInstanceKey);
  }

  /**
   * The generic driver: jobs and user tasks first; then the message or signal a catch event or
   * receive task waits for (not those of boundary events and event subprocesses: those are the
   * exceptional paths); when only timers are left, the clock moves to the earliest.
   */
  async function driveToEnd(root: string, process: ExecutableProcess, scenario: Scenario): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if ((await send(engine, 'GET', `/v2/process-instances/${root}`)).body.state !== 'ACTIVE') return;
      if ((await pendingCommands()) > 0) {
        await sleep(50);
        continue;
      }
      const keys = await activeInstancesOfRun(root);
      if (keys.length === 0) continue;
      const jobs = (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey: { $in: keys }, state: 'CREATED' } })).body.items as any[];
      if (jobs.length > 0) {
        for (const job of jobs) await completeJob(job.jobKey);
        continue;
      }
      const tasks = (await send(engine, 'POST', '/v2/user-tasks/search', { filter: { processInstanceKey: { $in: keys }, state: 'CREATED' } })).body.items as any[];
      if (tasks.length > 0) {
        for (const task of tasks) await completeTask(task);
        continue;
      }
      const incidents = (await send(engine, 'POST', '/v2/incidents/search', { filter: { processInstanceKey: { $in: keys }, state: 'ACTIVE' } })).body.items;
      if (incidents.length > 0) return;
      const waits = (await Promise.all(keys.map((key) => waitsOf(key)))).flat();
      const caught = waits.filter((w) => {
        const node = process.elements[w.catchElementId];
        return (node?.type === 'bpmn:IntermediateCatchEvent' || node?.type === 'bpmn:ReceiveTask') && !(w.kind === 'message' && scenario.avoid?.includes(w.messageName));
      });
      const wait = caught.find((w) => w.kind === 'message' || w.kind === 'signal');
      if (wait) {
        await trigger(wait, scenario);
        await eventually(async () => (await Promise.all(keys.map((key) => waitsOf(key)))).flat(), (now) => !now.some((w) => same(w, wait)), `${JSON.stringify(wait)} to be taken`);
        continue;
      }
      const timers = waits.filter((w) => w.kind === 'timer').map((w) => Date.parse(w.dueDate));
      if (timers.length > 0) {
        const next = Math.min(...timers);
        expect((await send(engine, 'PUT', '/v2/clock', { timestamp: Math.max(next, Date.now()) })).status).toBe(204);
        await eventually(async () => (await Promise.all(keys.map((key) => waitsOf(key)))).flat(), (now) => !now.some((w) => w.kind === 'timer' && Date.parse(w.dueDate) === next), 'the due timer to fire');
        continue;
      }
      await sleep(50);
    }
    throw new Error(`Instance ${root} did not end within 60 s; it waits for ${JSON.stringify(await waitsOf(root))}`);
  }

  async function trigger(wait: any, scenario: Scenario): Promise<void> {
    if (wait.kind === 'message') {
      const published = await send(engine, 'POST', '/v2/messages/publication', { name: wait.messageName, correlationKey: wait.correlationKey, variables: scenario.messageVariables?.[wait.messageName] ?? {} });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
    } else {
      const sent = await send(engine, 'POST', '/v2/signals/broadcast', { signalName: wait.signalName });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    }
  }

  function same(a: any, b: any): boolean {
    return a.elementInstanceKey === b.elementInstanceKey && a.catchElementId === b.catchElementId;
  }

  /** Completes a user task as demo, who takes it over first when the model assigns it to someone else. */
  async function completeTask(task: { userTaskKey: string; assignee?: string }): Promise<void> {
    if (task.assignee && task.assignee !== 'demo') {
      const taken = await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/assignment`, { assignee: 'demo', allowOverride: true });
      expect(taken.status, JSON.stringify(taken.body)).toBe(204);
    }
    const completed = await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, {});
    expect(completed.status, JSON.stringify(completed.body)).toBe(204);
  }

  async function completeJob(jobKey: string): Promise<void> {
    const activated = await send(engine, 'POST', `/v2/jobs/${jobKey}/activation`, { worker: 'interactive', timeout: 60_000 }, 'worker');
    if (activated.status === 409) return;
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect((await send(engine, 'POST', `/v2/jobs/${jobKey}/completion`, { variables: {} }, 'worker')).status).toBe(204);
  }

  async function waitsOf(key: string): Promise<any[]> {
    return (await send(engine, 'GET', `/v2/process-instances/${key}/waits`)).body.items;
  }

  async function activeInstancesOfRun(root: string): Promise<string[]> {
    const found = [root];
    let level = [root];
    while (level.length > 0) {
      const children = (await send(engine, 'POST', '/v2/process-instances/search', { filter: { parentProcessInstanceKey: { $in: level } }, page: { limit: 1000 } })).body.items as any[];
      found.push(...children.filter((c) => c.state === 'ACTIVE').map((c) => c.processInstanceKey));
      level = children.map((c) => c.processInstanceKey);
    }
    return found;
  }

  async function pendingCommands(): Promise<number> {
    const [rows] = (await db.query('SELECT COUNT(*) AS n FROM pending_commands')) as [Array<{ n: number }>, unknown];
    return Number(rows[0]!.n);
  }
});
