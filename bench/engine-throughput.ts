/**
 * Engine throughput on this machine: how fast Baton starts instances and completes user tasks
 * over its REST API, sequentially (latency) and with concurrent clients (throughput), against
 * the built engine running as its own process (as `npm start` runs it) on real MariaDB.
 *
 *   npm run build && npm run bench
 *
 * Prints one table; asserts nothing (tests never assert on timings).
 */
import { createWorker, type BatonWorker } from '#worker-sdk';
import { parallelForkJoinXml } from '../test/fixtures/generated-models.js';
import { mapConcurrent } from '../test/support/concurrency.js';
import { EngineProcess } from '../test/support/engine-process.js';
import { basicAuth } from '../test/support/test-engine.js';

const ONE_TASK = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="bench" targetNamespace="http://baton.local/bench">
  <bpmn:process id="one-task" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="task"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** start → three service tasks in a row → end: jobs through the outbox, BullMQ and libs/worker-sdk. */
const THREE_JOBS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="bench-jobs" targetNamespace="http://baton.local/bench">
  <bpmn:process id="three-jobs" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="a"><bpmn:extensionElements><zeebe:taskDefinition type="bench-a" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="b"><bpmn:extensionElements><zeebe:taskDefinition type="bench-b" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="c"><bpmn:extensionElements><zeebe:taskDefinition type="bench-c" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a" />
    <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b" />
    <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="c" />
    <bpmn:sequenceFlow id="f4" sourceRef="c" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const engine = new EngineProcess();
const headers = { Authorization: basicAuth('demo'), 'Content-Type': 'application/json' };
const rows: Array<{ workload: string; operations: number; seconds: number; p50: number; p95: number }> = [];

async function timed(path: string, body: unknown): Promise<{ ms: number; json: any }> {
  const started = performance.now();
  const response = await fetch(engine.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return { ms: performance.now() - started, json };
}

async function measure(workload: string, items: number, concurrency: number, work: (i: number) => Promise<number>): Promise<void> {
  const started = performance.now();
  const latencies = await mapConcurrent(Array.from({ length: items }, (_, i) => i), concurrency, (_, i) => work(i));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  rows.push({ workload, operations: items, seconds, p50: latencies[Math.floor(items * 0.5)]!, p95: latencies[Math.floor(items * 0.95)]! });
}

async function openTasks(processDefinitionId: string, limit: number): Promise<string[]> {
  const keys: string[] = [];
  let after: string | undefined;
  while (keys.length < limit) {
    const { json } = await timed('/v2/user-tasks/search', { filter: { state: 'CREATED', processDefinitionId }, page: { limit: 1000, ...(after ? { after } : {}) } });
    keys.push(...json.items.map((t: { userTaskKey: string }) => t.userTaskKey));
    if (!json.page.endCursor || json.items.length === 0) break;
    after = json.page.endCursor;
  }
  return keys.slice(0, limit);
}

async function main(): Promise<void> {
  await engine.start();
  try {
    for (const [name, xml] of [['one-task.bpmn', ONE_TASK], ['fan.bpmn', parallelForkJoinXml('fan', 10)], ['three-jobs.bpmn', THREE_JOBS]] as const) {
      const form = new FormData();
      form.append('resources', new Blob([xml]), name);
      await fetch(`${engine.url}/v2/deployments`, { method: 'POST', headers: { Authorization: headers.Authorization }, body: form });
    }
    // Warm up connections and caches.
    await measure('warm-up', 50, 4, async () => (await timed('/v2/process-instances', { processDefinitionId: 'one-task' })).ms);
    rows.length = 0;

    await measure('start instance, 1 client', 300, 1, async (i) => (await timed('/v2/process-instances', { processDefinitionId: 'one-task', variables: { i } })).ms);
    await measure('start instance, 16 clients', 2000, 16, async (i) => (await timed('/v2/process-instances', { processDefinitionId: 'one-task', variables: { i } })).ms);
    const tasks = await openTasks('one-task', 2000);
    await measure('complete user task, 16 clients', tasks.length, 16, async (i) => (await timed(`/v2/user-tasks/${tasks[i]}/completion`, { variables: { done: true } })).ms);

    await measure('start 10-branch fork/join, 16 clients', 100, 16, async () => (await timed('/v2/process-instances', { processDefinitionId: 'fan' })).ms);
    const branches = await openTasks('fan', 1000);
    await measure('complete fork/join branches, 32 clients', branches.length, 32, async (i) => (await timed(`/v2/user-tasks/${branches[i]}/completion`, {})).ms);

    // Service tasks end to end: each client starts an instance and waits for it to complete
    // (awaitCompletion) while three worker-sdk workers (8 handlers each) work its jobs.
    const workers: BatonWorker[] = ['bench-a', 'bench-b', 'bench-c'].map((type) =>
      createWorker({
        type,
        concurrency: 8,
        engine: { url: engine.url },
        redis: { prefix: engine.database },
        log: { info: () => undefined, warn: (message, fields) => console.error(message, fields), error: (message, fields) => console.error(message, fields) },
        handler: async (job) => ({ [job.type]: true }),
      }),
    );
    try {
      await measure('instance through 3 service tasks (worker-sdk), 16 clients', 500, 16, async () => (await timed('/v2/process-instances', { processDefinitionId: 'three-jobs', awaitCompletion: true, requestTimeout: 60_000 })).ms);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
  } finally {
    // Stopped before the database is dropped, so that it exits by itself (a CPU profile asked for
    // with BATON_ENGINE_NODE_ARGS=--cpu-prof is written at exit).
    await engine.stop();
    await engine.drop();
  }

  console.log(`Baton engine throughput — ${new Date().toISOString()}, Node ${process.version}, client and engine on this machine\n`);
  console.log('| workload | operations | ops/s | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(`| ${row.workload} | ${row.operations} | ${(row.operations / row.seconds).toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} |`);
  }
}

await main();
