import fs from 'node:fs';
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBpmn } from '#bpmn';
import { deploy } from '../support/deploy.js';
import { eventually, sleep, until } from '../support/eventually.js';
import { send } from '../support/process-api.js';
import { connectToEngineDatabase, startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Every real model of ../shared/models/camunda8 whose run class is `auto` or `jobs` (index.json)
 * runs to completion on a real engine (MariaDB, Redis, BullMQ timers, the pending-command outbox
 * between call activities and their children), driven over the REST API by a generic test
 * worker: it activates and completes every job, and when nothing but timers is left it moves the
 * engine clock (PUT /v2/clock) to the next due timer (or, for a process started by a timer start
 * event, to its first occurrence). Models that need particular input
 * variables or worker answers to reach their end get them below, from what the model reads.
 */
const CORPUS = new URL('../../../shared/models/camunda8/', import.meta.url);
const FIXTURES = new URL('../../libs/engine-core/test/fixtures/', import.meta.url);
const available = fs.existsSync(new URL('../index.json', CORPUS));

type JobAnswer = { variables?: Record<string, unknown> } | { errorCode: string; variables?: Record<string, unknown> };
interface Job {
  jobKey: string;
  type: string;
  processDefinitionId: string;
  customHeaders: Record<string, string>;
}

interface Scenario {
  /** Variables to start with. */
  variables?: Record<string, unknown>;
  /** Other files to deploy first (called processes): corpus names, or `fixture:<file>`. */
  deployAlso?: string[];
  /** What the worker answers a job (default: complete without variables). */
  answer?: (job: Job) => JobAnswer;
  /** Checks on the finished root instance. */
  check?: (run: FinishedRun) => Promise<void> | void;
}

interface FinishedRun {
  processInstanceKey: string;
  variables: Record<string, unknown>;
  /** Every instance the run created (the root and called children), with their process ids and states. */
  instances: Array<{ processDefinitionId: string; state: string; parentProcessInstanceKey?: string }>;
  history: Array<{ eventType: string; elementId?: string }>;
}

const chaosExperiment = {
  title: 'leader dies',
  description: 'the leader is terminated',
  'steady-state-hypothesis': { probes: [{ name: 'ready', provider: { path: 'verify-readiness', timeout: 900 } }] },
  method: [{ name: 'kill', provider: { path: 'terminate-leader' }, pauses: { after: 5 } }],
};

/** What individual models need; every other `auto`/`jobs` model runs with no input and plain completions. */
const SCENARIOS: Record<string, Scenario> = {
  'camunda-7-to-8-migration__test-with-error-event': {
    answer: (job): JobAnswer => (job.customHeaders['delegateExpression'] === '${errorThrowingDelegate}' ? { errorCode: 'test-error' } : {}),
    check: ({ history }) => expect(history.some((e) => e.eventType === 'ERROR_CAUGHT')).toBe(true),
  },
  'camunda-8-benchmark__complex_process': {
    // Its real callee runs a DMN decision (run class `external`); a stand-in with the same process id
    // and a job returns a decision result.
    deployAlso: ['fixture:benchmark-subprocess-stub.bpmn'],
    variables: { list: ['a', 'b', 'c'], benchmark_starter_id: 'x' },
    check: ({ instances }) => expect(instances.filter((i) => i.processDefinitionId === 'benchmark-subprocess' && i.state === 'COMPLETED')).toHaveLength(3),
  },
  'camunda-8-benchmark__typical_process': { variables: { benchmark_starter_id: 'b1', var2: true } },
  'camunda-8-js-sdk__conditional-pathway': { variables: { conditionVariable: true } },
  'zeebe-simple-monitor__ship-parcel': { variables: { orderId: 'o-1', totalPrice: 150 } },
  'zeebe-process-test__looping-servicetask': {
    variables: { totalLoops: 3 },
    check: ({ history, variables }) => {
      expect(history.filter((e) => e.eventType === 'JOB_CREATED')).toHaveLength(3);
      expect(variables).toMatchObject({ loopAmount: 3 });
    },
  },
  'camunda-8-js-sdk__Client-ThrowError': {
    variables: { something: 'broken' },
    answer: (job): JobAnswer => (job.type === 'throw-bpmn-error-task' ? { errorCode: 'BUSINESS_ERROR', variables: { something: 'went wrong' } } : {}),
    check: ({ variables }) => expect(variables).toEqual({ something: 'went wrong' }),
  },
  'pyzeebe__test': { variables: { input: 'in', should_throw: false }, answer: () => ({ variables: { output: 'out' } }) },
  'spring-zeebe__demoProcess': {
    variables: { a: 'A' },
    answer: (job): JobAnswer => (job.type === 'fail' ? { errorCode: 'DOESNT_WORK' } : {}),
    check: ({ variables }) => expect(variables).toEqual({ a: 'A', bar: 'A' }),
  },
  'zeebe-chaos__actionRunner': {
    variables: { action: { name: 'kill', provider: { path: 'terminate-leader', timeout: 60 }, pauses: { after: 5 } }, testReport: { failureMessages: [] } },
    check: ({ variables }) => expect(variables).toMatchObject({ successfulRun: true }),
  },
  'zeebe-chaos__chaosExperiment': {
    deployAlso: ['zeebe-chaos__actionRunner'],
    variables: { experiment: chaosExperiment, title: chaosExperiment.title, steadyState: chaosExperiment['steady-state-hypothesis'], method: chaosExperiment.method, testReport: { failureMessages: [] } },
    check: ({ variables, instances }) => {
      expect(variables).toMatchObject({ successfulExperiment: true });
      expect(instances.map((i) => `${i.processDefinitionId}:${i.state}`)).toEqual(['chaosExperiment:COMPLETED', 'actionRunner:COMPLETED', 'actionRunner:COMPLETED', 'actionRunner:COMPLETED']);
    },
  },
  'zeebe-chaos__chaosToolkit': {
    deployAlso: ['zeebe-chaos__chaosExperiment', 'zeebe-chaos__actionRunner'],
    variables: { clusterPlan: 'small', clusterName: 'c1', clusterId: 'id-1' },
    answer: (job): JobAnswer => (job.type === 'readExperiments' ? { variables: { experiments: [chaosExperiment] } } : {}),
    check: ({ variables }) => expect(variables).toMatchObject({ testReport: { testResult: 'PASSED' } }),
  },
  'zeebe-client-csharp-accelerator__thread-test': {
    variables: { inputCollection: [1, 2, 3], correlationId: 'c-1' },
    answer: (job): JobAnswer => (job.type === 'MultiThreadJobHandler' ? { variables: { threadId: `t-${job.jobKey}` } } : {}),
    check: ({ variables }) => expect((variables['usedThreads'] as unknown[]).length).toBe(3),
  },
  'zeebe-process-test__call-activity': {
    deployAlso: ['zeebe-process-test__start-end'],
    variables: { x: 1 },
    check: ({ instances }) => expect(instances.map((i) => `${i.processDefinitionId}:${i.state}`)).toEqual(['call-activity:COMPLETED', 'start-end:COMPLETED']),
  },
  'zeebe-process-test__multiple-call-activity': {
    deployAlso: ['zeebe-process-test__call-activity', 'zeebe-process-test__start-end', 'zeebe-process-test__alternate-start-end'],
    variables: { x: 1 },
    check: ({ instances, variables }) => {
      expect(instances).toHaveLength(4);
      expect(instances.every((i) => i.state === 'COMPLETED')).toBe(true);
      expect(variables).toEqual({ x: 1 });
    },
  },
  'zeebe-process-test__test_timer_events': {
    check: ({ history }) => {
      expect(history.some((e) => e.eventType === 'ELEMENT_COMPLETED' && e.elementId === 'EndEvent_FastFlow')).toBe(true);
      expect(history.some((e) => e.eventType === 'TIMER_TRIGGERED' && e.elementId === 'TimerEvent_Wait30d')).toBe(false);
    },
  },
};

/**
 * Models of run class `auto`/`jobs` with a qualifier that this test does not run to the end, and
 * why. Anything else of those classes must be in the run list.
 */
const NOT_RUN: Record<string, string> = {
  'zeebe-chaos__call': 'calls itself without end (its run class says so); see the cancellation test below',
  'zeebe-client-csharp__timerProcess': 'has no end event: its timers loop for ever, multiplying (see the test below)',
};

interface IndexEntry {
  run: string;
}

function corpusModels(): Array<[string, IndexEntry]> {
  if (!available) return [];
  const index = JSON.parse(fs.readFileSync(new URL('../index.json', CORPUS), 'utf8')) as { camunda8: Record<string, IndexEntry> };
  return Object.entries(index.camunda8)
    .filter(([, entry]) => /^(auto|jobs)\b/.test(entry.run))
    .map(([file, entry]) => [file.replace(/\.bpmn$/, ''), entry]);
}

const MODELS = corpusModels();
const RUNNABLE = MODELS.filter(([name]) => !(name in NOT_RUN));

describe.skipIf(!available)('real models run to completion on the engine (auto and jobs run classes)', () => {
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

  it('covers every auto/jobs model: each is run below or listed with the reason it cannot end', () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(30);
    for (const name of Object.keys(NOT_RUN)) expect(MODELS.map(([model]) => model)).toContain(name);
  });

  it.each(RUNNABLE.map(([name, entry]) => [name, entry.run]))('%s (%s)', async (name) => {
    const scenario = SCENARIOS[name] ?? {};
    for (const other of scenario.deployAlso ?? []) await deployFile(other);
    const xml = await deployFile(name);
    const compiled = await compileBpmn(xml, { resourceName: `${name}.bpmn` });
    if (!compiled.ok) throw new Error(`${name} does not compile`);
    const process = compiled.processes[0]!;

    const processInstanceKey = process.timerStartEvents && process.startEventId === undefined ? await startByTimer(process.id) : await start(process.id, process.startEventId === undefined ? process.messageStartEvents![0]!.messageName : null, scenario.variables ?? {});
    await driveToEnd(processInstanceKey, scenario.answer ?? (() => ({})));

    const root = (await send(engine, 'GET', `/v2/process-instances/${processInstanceKey}`)).body;
    const incidents = (await send(engine, 'POST', '/v2/incidents/search', { filter: { processInstanceKey, state: 'ACTIVE' } })).body.items;
    expect(incidents, JSON.stringify(incidents)).toEqual([]);
    expect(root.state).toBe('COMPLETED');

    const run: FinishedRun = { processInstanceKey, variables: await rootVariables(processInstanceKey), instances: await instancesOfRun(processInstanceKey), history: await history(processInstanceKey) };
    expect(run.instances.every((i) => i.state === 'COMPLETED'), JSON.stringify(run.instances)).toBe(true);
    await scenario.check?.(run);
  });

  it('zeebe-chaos call: a process that calls itself keeps going until its root is cancelled, which cancels every level', async () => {
    await deployFile('zeebe-chaos__call');
    const root = await start('super', null, {});
    // Each level starts the next through the outbox between instances.
    await until(async () => (await instancesOfRun(root)).length >= 5, 'five levels of calls', 20_000);
    const levels = await instancesOfRun(root);
    expect(levels[1]!.parentProcessInstanceKey).toBe(root);

    const child = (await send(engine, 'POST', '/v2/process-instances/search', { filter: { parentProcessInstanceKey: root } })).body.items[0];
    const refused = await send(engine, 'POST', `/v2/process-instances/${child.processInstanceKey}/cancellation`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PROCESS_INSTANCE.IS_CALLED');

    expect((await send(engine, 'POST', `/v2/process-instances/${root}/cancellation`, {})).status).toBe(204);
    await until(async () => (await instancesOfRun(root)).every((i) => i.state === 'TERMINATED'), 'every level terminated', 20_000);
    // Nothing is left behind in the outbox.
    await until(async () => (await pendingCommands()) === 0, 'no pending commands', 20_000);
  });

  it('zeebe-client-csharp timerProcess: its one-second timers fire on their own (BullMQ, real time) and multiply until it is cancelled', async () => {
    expect((await send(engine, 'POST', '/v2/clock/reset', {})).status).toBe(204);
    await deployFile('zeebe-client-csharp__timerProcess');
    const root = await start('timerProcess', null, {});
    const fired = async () => (await history(root)).filter((e) => e.eventType === 'TIMER_TRIGGERED').length;
    // Four timers, each looping back to the fork, which starts four more.
    await until(async () => (await fired()) >= 4, 'the first four timers to fire', 20_000);
    expect((await send(engine, 'POST', `/v2/process-instances/${root}/cancellation`, {})).status).toBe(204);
    expect((await send(engine, 'GET', `/v2/process-instances/${root}`)).body.state).toBe('TERMINATED');
    const active = (await db.query(`SELECT COUNT(*) AS n FROM timers WHERE state = 'ACTIVE' AND process_instance_key = ?`, [root])) as unknown as [Array<{ n: number }>];
    expect(Number(active[0][0]!.n)).toBe(0);
    const canceled = (await history(root)).filter((e) => e.eventType === 'TIMER_CANCELED').length;
    expect(canceled).toBeGreaterThanOrEqual(4);
  });

  async function deployFile(name: string): Promise<string> {
    const url = name.startsWith('fixture:') ? new URL(name.slice('fixture:'.length), FIXTURES) : new URL(`${name}.bpmn`, CORPUS);
    const xml = fs.readFileSync(url, 'utf8');
    const response = await deploy(engine, [{ name: url.pathname.split('/').pop()!, content: xml }]);
    expect(response.status, `${name}: ${await response.clone().text()}`).toBe(200);
    return xml;
  }

  async function start(processId: string, messageName: string | null, variables: Record<string, unknown>): Promise<string> {
    if (messageName !== null) {
      const correlated = await send(engine, 'POST', '/v2/messages/correlation', { name: messageName, correlationKey: '', variables });
      expect(correlated.status, JSON.stringify(correlated.body)).toBe(200);
      return correlated.body.processInstanceKey;
    }
    const created = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: processId, variables });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body.processInstanceKey;
  }

  /** A process started by its timer start event: the engine clock moves to the schedule's first occurrence. */
  async function startByTimer(processId: string): Promise<string> {
    const [rows] = (await db.query('SELECT MIN(due_date) AS due FROM start_timers WHERE process_definition_id = ?', [processId])) as [Array<{ due: Date }>, unknown];
    expect((await send(engine, 'PUT', '/v2/clock', { timestamp: Math.max(rows[0]!.due.getTime(), Date.now()) })).status).toBe(204);
    const [started] = await eventually(
      async () => (await send(engine, 'POST', '/v2/process-instances/search', { filter: { processDefinitionId: processId } })).body.items as any[],
      (items) => items.length > 0,
      `the instance the timer of ${processId} starts`,
    );
    return started.processInstanceKey;
  }

  /**
   * The generic worker: completes (or answers) every activatable job of the run; when only timers
   * are left, pins the engine clock to the earliest one; waits while children are being started.
   */
  async function driveToEnd(root: string, answer: (job: Job) => JobAnswer): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const state = (await send(engine, 'GET', `/v2/process-instances/${root}`)).body.state;
      if (state !== 'ACTIVE') return;
      // A child being started or reporting back: look again once it is done.
      if ((await pendingCommands()) > 0) {
        await sleep(50);
        continue;
      }
      const keys = (await instancesOfRun(root)).filter((i) => i.state === 'ACTIVE').map((i) => i.key);
      if (keys.length === 0) continue; // it ended just now
      const jobs = (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey: { $in: keys }, state: 'CREATED' }, page: { limit: 100 } })).body.items as Job[];
      if (jobs.length > 0) {
        for (const job of jobs) await work(job, answer);
        continue;
      }
      const incidents = (await send(engine, 'POST', '/v2/incidents/search', { filter: { processInstanceKey: { $in: keys }, state: 'ACTIVE' } })).body.items;
      if (incidents.length > 0) return;
      const next = await nextTimer(keys);
      if (next !== null) {
        expect((await send(engine, 'PUT', '/v2/clock', { timestamp: Math.max(next, Date.now()) })).status).toBe(204);
        await until(async () => (await nextTimer(keys)) !== next, 'the due timer to fire', 20_000);
        continue;
      }
      await sleep(50);
    }
    throw new Error(`Instance ${root} did not end within 60 s`);
  }

  async function work(job: Job, answer: (job: Job) => JobAnswer): Promise<void> {
    const activated = await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { worker: 'model-runs', timeout: 60_000 }, 'worker');
    if (activated.status === 409) return; // a backoff, or activated meanwhile
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    const reply = answer(job);
    const result =
      'errorCode' in reply
        ? await send(engine, 'POST', `/v2/jobs/${job.jobKey}/error`, { errorCode: reply.errorCode, variables: reply.variables ?? {} }, 'worker')
        : await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables: reply.variables ?? {} }, 'worker');
    expect(result.status, JSON.stringify(result.body)).toBe(204);
  }

  /** The root and every instance it called, directly or not, in start order. */
  async function instancesOfRun(root: string): Promise<Array<FinishedRun['instances'][number] & { key: string }>> {
    const found: Array<FinishedRun['instances'][number] & { key: string }> = [];
    let level = [root];
    const rootInstance = (await send(engine, 'GET', `/v2/process-instances/${root}`)).body;
    found.push({ key: root, processDefinitionId: rootInstance.processDefinitionId, state: rootInstance.state });
    while (level.length > 0) {
      const children = (await send(engine, 'POST', '/v2/process-instances/search', { filter: { parentProcessInstanceKey: { $in: level } }, page: { limit: 1000 } })).body.items as any[];
      for (const child of children) found.push({ key: child.processInstanceKey, processDefinitionId: child.processDefinitionId, state: child.state, parentProcessInstanceKey: child.parentProcessInstanceKey });
      level = children.map((child) => child.processInstanceKey);
    }
    return found;
  }

  async function nextTimer(processInstanceKeys: string[]): Promise<number | null> {
    const [rows] = (await db.query(`SELECT MIN(due_date) AS due FROM timers WHERE state = 'ACTIVE' AND process_instance_key IN (?)`, [processInstanceKeys])) as [Array<{ due: Date | null }>, unknown];
    return rows[0]?.due ? rows[0].due.getTime() : null;
  }

  async function pendingCommands(): Promise<number> {
    const [rows] = (await db.query('SELECT COUNT(*) AS n FROM pending_commands')) as [Array<{ n: number }>, unknown];
    return Number(rows[0]!.n);
  }

  async function rootVariables(processInstanceKey: string): Promise<Record<string, unknown>> {
    const items = (await send(engine, 'POST', '/v2/variables/search?truncateValues=false', { filter: { processInstanceKey, scopeKey: processInstanceKey }, page: { limit: 1000 } })).body.items as Array<{ name: string; value: string }>;
    return Object.fromEntries(items.map((v) => [v.name, JSON.parse(v.value)]));
  }

  async function history(processInstanceKey: string): Promise<FinishedRun['history']> {
    return (await send(engine, 'GET', `/v2/process-instances/${processInstanceKey}/history?limit=10000`)).body.items;
  }
});
