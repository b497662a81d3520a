import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneJobXml } from '../fixtures/job-models.js';
import { deploy } from '../support/deploy.js';
import { openTask, send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Operations statistics over HTTP, with real instances driven through the REST API: element
 * counts per definition and per instance (active, incidents, completed, canceled), the sequence
 * flows an instance took, instance counts per process and version, and element duration
 * percentiles over a period (exact, thanks to the pinned engine clock).
 */
let engine: TestEngine;

/** start → user task `review` (no candidates: demo may complete it) → end. */
function reviewXml(processId: string, name = 'Review'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="stats" targetNamespace="http://baton.local/test">
  <bpmn:process id="${processId}" name="${name} process" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="review" name="${name}" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="to-review" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="to-end" sourceRef="review" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

async function deployXml(processId: string, xml: string): Promise<string> {
  const response = await deploy(engine, [{ name: `${processId}.bpmn`, content: xml }]);
  const body = (await response.json()) as any;
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.deployments[0].processDefinition.processDefinitionKey;
}

async function start(processDefinitionId: string): Promise<string> {
  const { status, body } = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.processInstanceKey;
}

async function ok(method: string, path: string, json?: unknown, user = 'demo'): Promise<any> {
  const { status, body } = await send(engine, method, path, json, user);
  expect(status, `${method} ${path}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

async function pinClock(epochMillis: number): Promise<void> {
  await ok('PUT', '/v2/clock', { timestamp: epochMillis });
}

beforeAll(async () => {
  engine = await startTestEngine({ clockControl: true });
});
afterAll(async () => {
  await engine?.stop();
});

describe('element statistics, sequence flows and instance counts', () => {
  const processId = 'stat-jobs';
  let definitionKey: string;
  let completed: string;
  let failed: string;
  let waiting: string;
  let canceled: string;

  beforeAll(async () => {
    // Given four instances of a one-job process (retries 1): one completed by a REST worker, one
    // whose job failed with no retries left (incident), one waiting for its job, one canceled
    definitionKey = await deployXml(processId, oneJobXml(processId, 'stat-work', { retries: 1 }));
    [completed, failed, waiting, canceled] = [await start(processId), await start(processId), await start(processId), await start(processId)];
    const { jobs } = await ok('POST', '/v2/jobs/activation', { type: 'stat-work', timeout: 60_000, maxJobsToActivate: 10, requestTimeout: -1 }, 'worker');
    const jobOf = (instanceKey: string) => jobs.find((job: any) => job.processInstanceKey === instanceKey).jobKey;
    await ok('POST', `/v2/jobs/${jobOf(completed)}/completion`, { variables: { done: true } }, 'worker');
    await ok('POST', `/v2/jobs/${jobOf(failed)}/failure`, { retries: 0, errorMessage: 'printer on fire' }, 'worker');
    await ok('POST', `/v2/process-instances/${canceled}/cancellation`, {});
  });

  it('counts each element of a definition: active, incidents, completed and canceled', async () => {
    const body = await ok('POST', `/v2/process-definitions/${definitionKey}/statistics/element-instances`, {});
    expect(body.items).toEqual([
      { elementId: 'end', active: 0, canceled: 0, incidents: 0, completed: 1 },
      { elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 4 },
      { elementId: 'work', active: 1, canceled: 1, incidents: 1, completed: 1 },
    ]);
    // No body at all is the same as an empty filter (Camunda's body is optional)
    expect((await ok('POST', `/v2/process-definitions/${definitionKey}/statistics/element-instances`)).items).toEqual(body.items);
  });

  it('counts only the instances the process-instance filter selects', async () => {
    const active = await ok('POST', `/v2/process-definitions/${definitionKey}/statistics/element-instances`, { filter: { state: 'ACTIVE' } });
    expect(active.items).toEqual([
      { elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 2 },
      { elementId: 'work', active: 1, canceled: 0, incidents: 1, completed: 0 },
    ]);
    const withIncident = await ok('POST', `/v2/process-definitions/${definitionKey}/statistics/element-instances`, { filter: { hasIncident: true } });
    expect(withIncident.items.find((i: any) => i.elementId === 'work')).toEqual({ elementId: 'work', active: 0, canceled: 0, incidents: 1, completed: 0 });
    const one = await ok('POST', `/v2/process-definitions/${definitionKey}/statistics/element-instances`, { filter: { processInstanceKey: { $in: [completed, canceled] } } });
    expect(one.items).toEqual([
      { elementId: 'end', active: 0, canceled: 0, incidents: 0, completed: 1 },
      { elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 2 },
      { elementId: 'work', active: 0, canceled: 1, incidents: 0, completed: 1 },
    ]);
  });

  it('counts the elements of one instance', async () => {
    expect((await ok('GET', `/v2/process-instances/${failed}/statistics/element-instances`)).items).toEqual([
      { elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 1 },
      { elementId: 'work', active: 0, canceled: 0, incidents: 1, completed: 0 },
    ]);
    expect((await ok('GET', `/v2/process-instances/${waiting}/statistics/element-instances`)).items).toEqual([
      { elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 1 },
      { elementId: 'work', active: 1, canceled: 0, incidents: 0, completed: 0 },
    ]);
  });

  it('lists the sequence flows an instance took, each once, in the order taken', async () => {
    const flows = await ok('GET', `/v2/process-instances/${completed}/sequence-flows`);
    expect(flows.items).toEqual([
      { sequenceFlowId: `${completed}_f1`, processInstanceKey: completed, processDefinitionKey: definitionKey, processDefinitionId: processId, elementId: 'f1', tenantId: '<default>' },
      { sequenceFlowId: `${completed}_f2`, processInstanceKey: completed, processDefinitionKey: definitionKey, processDefinitionId: processId, elementId: 'f2', tenantId: '<default>' },
    ]);
    expect((await ok('GET', `/v2/process-instances/${failed}/sequence-flows`)).items.map((f: any) => f.elementId)).toEqual(['f1']);
  });

  it('counts instances per process and per version, listing processes and versions without instances too', async () => {
    const idle = await deployXml('stat-idle', reviewXml('stat-idle', 'Idle'));
    const perProcess = await ok('POST', '/v2/process-definitions/statistics/process-instances', {});
    expect(perProcess.items).toEqual([
      {
        processDefinitionId: 'stat-idle', tenantId: '<default>', latestProcessDefinitionName: 'Idle process', latestProcessDefinitionVersion: 1, latestProcessDefinitionKey: idle,
        hasMultipleVersions: false, activeInstancesWithoutIncidentCount: 0, activeInstancesWithIncidentCount: 0, completedInstancesCount: 0, terminatedInstancesCount: 0,
      },
      {
        processDefinitionId: processId, tenantId: '<default>', latestProcessDefinitionName: processId, latestProcessDefinitionVersion: 1, latestProcessDefinitionKey: definitionKey,
        hasMultipleVersions: false, activeInstancesWithoutIncidentCount: 1, activeInstancesWithIncidentCount: 1, completedInstancesCount: 1, terminatedInstancesCount: 1,
      },
    ]);
    expect(perProcess.page).toEqual({ totalItems: 2 });

    // A second version: the process has several versions now, each counted on its own
    const v2 = await deployXml(processId, oneJobXml(processId, 'stat-work-v2', { retries: 1 }));
    await start(processId);
    const again = await ok('POST', '/v2/process-definitions/statistics/process-instances', { sort: [{ field: 'activeInstancesWithoutIncidentCount', order: 'DESC' }], page: { limit: 1 } });
    expect(again.items).toEqual([expect.objectContaining({ processDefinitionId: processId, hasMultipleVersions: true, latestProcessDefinitionVersion: 2, latestProcessDefinitionKey: v2, activeInstancesWithoutIncidentCount: 2 })]);
    expect(again.page).toEqual({ totalItems: 2 });

    const perVersion = await ok('POST', '/v2/process-definitions/statistics/process-instances-by-version', { filter: { processDefinitionId: processId } });
    expect(perVersion.items).toEqual([
      {
        processDefinitionId: processId, processDefinitionKey: v2, processDefinitionName: processId, processDefinitionVersion: 2, tenantId: '<default>',
        activeInstancesWithoutIncidentCount: 1, activeInstancesWithIncidentCount: 0, completedInstancesCount: 0, terminatedInstancesCount: 0,
      },
      {
        processDefinitionId: processId, processDefinitionKey: definitionKey, processDefinitionName: processId, processDefinitionVersion: 1, tenantId: '<default>',
        activeInstancesWithoutIncidentCount: 1, activeInstancesWithIncidentCount: 1, completedInstancesCount: 1, terminatedInstancesCount: 1,
      },
    ]);
    const ascending = await ok('POST', '/v2/process-definitions/statistics/process-instances-by-version', { filter: { processDefinitionId: processId }, sort: [{ field: 'processDefinitionVersion' }], page: { from: 1, limit: 5 } });
    expect(ascending.items.map((v: any) => v.processDefinitionVersion)).toEqual([2]);
    expect(ascending.page).toEqual({ totalItems: 2 });
  });

  it('answers bad input precisely: unknown keys 404, malformed keys, filters and sorts 400', async () => {
    const expectProblem = async (method: string, path: string, json: unknown, status: number, code: string) => {
      const { status: actual, body } = await send(engine, method, path, json);
      expect(actual, JSON.stringify(body)).toBe(status);
      expect(body.code).toBe(code);
      expect(body.detail).toEqual(expect.any(String));
    };
    await expectProblem('POST', '/v2/process-definitions/424242/statistics/element-instances', {}, 404, 'PROCESS_DEFINITION.NOT_FOUND');
    await expectProblem('POST', '/v2/process-definitions/not-a-key/statistics/element-instances', {}, 400, 'REQUEST.INVALID_KEY');
    await expectProblem('POST', `/v2/process-definitions/${definitionKey}/statistics/element-instances`, { filter: { color: 'red' } }, 400, 'SEARCH.UNKNOWN_FILTER');
    await expectProblem('POST', `/v2/process-definitions/${definitionKey}/statistics/element-instances`, { filter: { state: 7 } }, 400, 'SEARCH.INVALID_FILTER_VALUE');
    await expectProblem('POST', `/v2/process-definitions/${definitionKey}/statistics/element-instances`, { filter: 'ACTIVE' }, 400, 'REQUEST.INVALID_BODY');
    await expectProblem('GET', '/v2/process-instances/424242/statistics/element-instances', undefined, 404, 'PROCESS_INSTANCE.NOT_FOUND');
    await expectProblem('GET', '/v2/process-instances/424242/sequence-flows', undefined, 404, 'PROCESS_INSTANCE.NOT_FOUND');
    await expectProblem('POST', '/v2/process-definitions/statistics/process-instances', { sort: [{ field: 'color' }] }, 400, 'SEARCH.UNKNOWN_SORT_FIELD');
    await expectProblem('POST', '/v2/process-definitions/statistics/process-instances', { page: { limit: 0 } }, 400, 'REQUEST.INVALID_BODY');
    await expectProblem('POST', '/v2/process-definitions/statistics/process-instances-by-version', {}, 400, 'REQUEST.INVALID_BODY');
    await expectProblem('POST', '/v2/process-definitions/statistics/process-instances-by-version', { filter: { processDefinitionId: 'nope' } }, 404, 'PROCESS_DEFINITION.NOT_FOUND');
  });

  it('lets admins and analysts read statistics, not employees', async () => {
    expect((await send(engine, 'GET', `/v2/process-instances/${completed}/sequence-flows`, undefined, 'anna')).status).toBe(200);
    expect((await send(engine, 'POST', '/v2/process-definitions/statistics/process-instances', {}, 'anna')).status).toBe(200);
    for (const [method, path, json] of [
      ['POST', `/v2/process-definitions/${definitionKey}/statistics/element-instances`, {}],
      ['GET', `/v2/process-instances/${completed}/statistics/element-instances`, undefined],
      ['GET', `/v2/process-instances/${completed}/sequence-flows`, undefined],
      ['POST', '/v2/process-definitions/statistics/process-instances', {}],
      ['POST', '/v2/process-definitions/statistics/process-instances-by-version', { filter: { processDefinitionId: processId } }],
      ['POST', `/v2/process-definitions/${definitionKey}/statistics/element-durations`, { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z' }],
    ] as const) {
      const { status, body } = await send(engine, method, path, json, 'emma');
      expect(status, `${method} ${path}`).toBe(403);
      expect(body.code).toBe('AUTH.FORBIDDEN');
    }
    expect((await engine.request('/v2/process-definitions/statistics/process-instances', { user: null, json: {} })).status).toBe(401);
  });
});

describe('element durations', () => {
  const processId = 'stat-review';
  const T0 = Date.UTC(2030, 0, 7, 9, 0, 0);
  const DAY = 86_400_000;
  let definitionKey: string;
  /** Instance i (1..10) starts at T0 + i minutes and its review takes i seconds: it ends at T0 + i * 61 s. */
  const endOf = (i: number) => T0 + i * 61_000;

  beforeAll(async () => {
    definitionKey = await deployXml(processId, reviewXml(processId));
    try {
      for (let i = 1; i <= 10; i++) {
        await pinClock(T0 + i * 60_000);
        const instanceKey = await start(processId);
        const task = await openTask(engine, instanceKey, 'review');
        await pinClock(endOf(i));
        await ok('POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: { i } });
      }
      // One more instance is canceled after 30 s: its review is terminated, counted but not measured
      await pinClock(T0 + 11 * 60_000);
      const canceled = await start(processId);
      await pinClock(T0 + 11 * 60_000 + 30_000);
      await ok('POST', `/v2/process-instances/${canceled}/cancellation`, {});
    } finally {
      await ok('POST', '/v2/clock/reset');
    }
  });

  async function durations(from: number, to: number, user = 'demo') {
    return send(engine, 'POST', `/v2/process-definitions/${definitionKey}/statistics/element-durations`, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }, user);
  }

  it('reports P50/P95/P99, min, max and mean per element, the process first, with completed and terminated counts', async () => {
    const { status, body } = await durations(T0, T0 + DAY, 'anna');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ processDefinitionKey: definitionKey, processDefinitionId: processId, processDefinitionVersion: 1, from: new Date(T0).toISOString(), to: new Date(T0 + DAY).toISOString() });
    // Durations 1 s .. 10 s: continuous percentiles at rank 1 + p * 9 (PERCENTILE_CONT)
    const measured = { minMs: 1000, p50Ms: 5500, p95Ms: 9550, p99Ms: 9910, maxMs: 10000, meanMs: 5500 };
    // ...in flow order: the process, then the elements in the order they were first entered
    expect(body.items).toEqual([
      { elementId: processId, elementName: 'Review process', elementType: 'PROCESS', completedCount: 10, terminatedCount: 1, ...measured },
      { elementId: 'start', elementType: 'START_EVENT', completedCount: 11, terminatedCount: 0, minMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0, meanMs: 0 },
      { elementId: 'review', elementName: 'Review', elementType: 'USER_TASK', completedCount: 10, terminatedCount: 1, ...measured },
      { elementId: 'end', elementType: 'END_EVENT', completedCount: 10, terminatedCount: 0, minMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0, meanMs: 0 },
    ]);
  });

  it('counts only element instances that ended in [from, to)', async () => {
    // Reviews 1..4 ended before endOf(5); review 5 ends exactly at `to`, which is exclusive
    const { body } = await durations(T0, endOf(5));
    const review = body.items.find((item: any) => item.elementId === 'review');
    expect(review).toEqual({ elementId: 'review', elementName: 'Review', elementType: 'USER_TASK', completedCount: 4, terminatedCount: 0, minMs: 1000, p50Ms: 2500, p95Ms: 3850, p99Ms: 3970, maxMs: 4000, meanMs: 2500 });
    // `from` is inclusive: from the end of review 10 on, only it (and the canceled one) remain
    const late = (await durations(endOf(10), T0 + DAY)).body.items.find((item: any) => item.elementId === 'review');
    expect(late).toMatchObject({ completedCount: 1, terminatedCount: 1, minMs: 10000, p50Ms: 10000, p99Ms: 10000, maxMs: 10000 });
    // A period with nothing in it: no items
    expect((await durations(T0 - DAY, T0)).body.items).toEqual([]);
  });

  it('gives the same percentiles as the database\'s own PERCENTILE_CONT where it has one (MariaDB)', async () => {
    const { db } = engine.config;
    const connection = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, database: db.name });
    try {
      const [[version]] = (await connection.query('SELECT VERSION() AS v')) as any;
      if (!String(version.v).includes('MariaDB')) return; // MySQL has no PERCENTILE_CONT: the exact values above are the check there
      const [rows] = (await connection.query(
        `SELECT DISTINCT
           PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY TIMESTAMPDIFF(MICROSECOND, start_date, end_date) / 1000) OVER () AS p50,
           PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY TIMESTAMPDIFF(MICROSECOND, start_date, end_date) / 1000) OVER () AS p95,
           PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY TIMESTAMPDIFF(MICROSECOND, start_date, end_date) / 1000) OVER () AS p99
         FROM element_instances WHERE process_definition_key = ? AND element_id = 'review' AND state = 'COMPLETED'`,
        [definitionKey],
      )) as any;
      const review = (await durations(T0, T0 + DAY)).body.items.find((item: any) => item.elementId === 'review');
      expect([review.p50Ms, review.p95Ms, review.p99Ms]).toEqual([Number(rows[0].p50), Number(rows[0].p95), Number(rows[0].p99)]);
    } finally {
      await connection.end();
    }
  });

  it('refuses a bad period (400), an unknown definition (404) and employees (403)', async () => {
    const invalid = await durations(T0 + DAY, T0);
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'STATISTICS.INVALID_PERIOD' });
    expect(invalid.body.detail).toContain("Expected 'to' to be later than 'from'");
    expect((await durations(T0, T0)).body.code).toBe('STATISTICS.INVALID_PERIOD');
    for (const body of [{ from: '2030-01-01T00:00:00Z' }, { from: 'yesterday', to: '2030-01-01T00:00:00Z' }, { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z', elementId: 'x' }]) {
      const response = await send(engine, 'POST', `/v2/process-definitions/${definitionKey}/statistics/element-durations`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('REQUEST.INVALID_BODY');
    }
    const unknown = await send(engine, 'POST', '/v2/process-definitions/424242/statistics/element-durations', { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PROCESS_DEFINITION.NOT_FOUND');
    expect((await durations(T0, T0 + DAY, 'emma')).status).toBe(403);
  });
});
