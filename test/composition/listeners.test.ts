import createCamundaClient from '@camunda8/orchestration-cluster-api';
import { createWorker, TaskListenerResult } from '#worker-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { eventually } from '../support/eventually.js';
import { incidentsOf, instance, send, tasksOf, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Execution listeners and user task listeners through the REST API against MariaDB and Redis,
 * worked by Camunda's own npm client (strict validation: every job shape, `kind` and
 * `listenerEventType` included, is Camunda's).
 */
const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://baton.local/test">`;

/**
 * An order process with a process start listener and a start and an end listener on its service task.
 * Each test deploys it under its own id and job types: a worker stopped at the end of one test may
 * still have a long poll in flight that the engine answers, and must not take the next test's jobs.
 */
function executionModel(id: string): string {
  return `${HEADER}
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:extensionElements>
      <zeebe:executionListeners><zeebe:executionListener eventType="start" type="${id}-process-start" /></zeebe:executionListeners>
    </bpmn:extensionElements>
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="charge" />
    <bpmn:serviceTask id="charge">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="${id}-charge" />
        <zeebe:executionListeners>
          <zeebe:executionListener eventType="start" type="${id}-prepare" retries="1" />
          <zeebe:executionListener eventType="end" type="${id}-audit" />
        </zeebe:executionListeners>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="charge" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

const TASKS = `${HEADER}
  <bpmn:process id="tl-review" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:taskListeners>
          <zeebe:taskListener eventType="assigning" type="tl-assign" />
          <zeebe:taskListener eventType="updating" type="tl-update" />
          <zeebe:taskListener eventType="completing" type="tl-complete" />
          <zeebe:taskListener eventType="canceling" type="tl-cancel" />
        </zeebe:taskListeners>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

let engine: TestEngine;
let client: ReturnType<typeof createCamundaClient>;

beforeAll(async () => {
  engine = await startTestEngine();
  client = createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: engine.url,
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'demo',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'demo',
      CAMUNDA_SDK_VALIDATION: 'strict',
      CAMUNDA_SDK_LOG_LEVEL: 'error',
    } as never,
  });
  for (const [name, content] of [['el-order.bpmn', executionModel('el-order')], ['el-retry.bpmn', executionModel('el-retry')], ['tl-review.bpmn', TASKS]] as const) {
    const response = await deploy(engine, [{ name, content }]);
    expect(response.status, await response.clone().text()).toBe(200);
  }
});
afterAll(async () => {
  await engine?.stop();
});

/** A worker of Camunda's client for one job type; `handle` gets the job and completes it its way. */
function worker(jobType: string, handle: (job: any) => Promise<unknown>) {
  return client.createJobWorker({ jobType, maxParallelJobs: 2, jobTimeoutMs: 20_000, pollIntervalMs: 50, jobHandler: handle } as never);
}

async function start(processDefinitionId: string, variables: Record<string, unknown> = {}): Promise<string> {
  const { status, body } = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId, variables });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.processInstanceKey as string;
}

async function waitForState(processInstanceKey: string, state: string): Promise<void> {
  await eventually(() => instance(engine, processInstanceKey), (found) => found.state === state, `process instance ${processInstanceKey} to be ${state}`, 30_000);
}

async function taskOf(processInstanceKey: string, state?: string): Promise<any> {
  return eventually(
    async () => (await tasksOf(engine, processInstanceKey))[0],
    (task) => task !== undefined && (state === undefined || task.state === state),
    `the user task of ${processInstanceKey}${state ? ` to be ${state}` : ''}`,
    30_000,
  );
}

describe('execution listeners', () => {
  it("run in model order as jobs of kind EXECUTION_LISTENER that Camunda's client works; their variables reach the element and the process", async () => {
    const seen: string[] = [];
    const record = (job: any) => seen.push(`${job.type} ${job.kind} ${job.listenerEventType}`);
    const workers = [
      worker('el-order-process-start', async (job) => (record(job), job.complete({ channel: 'web' }))),
      worker('el-order-prepare', async (job) => (record(job), job.complete({ fee: 2 }))),
      worker('el-order-charge', async (job) => (record(job), job.complete({ charged: job.variables.amount + job.variables.fee, channel: job.variables.channel }))),
      worker('el-order-audit', async (job) => (record(job), job.complete({ audited: true }))),
    ];
    try {
      const key = await start('el-order', { amount: 40 });
      await waitForState(key, 'COMPLETED');
      expect(seen).toEqual([
        'el-order-process-start EXECUTION_LISTENER START',
        'el-order-prepare EXECUTION_LISTENER START',
        'el-order-charge BPMN_ELEMENT UNSPECIFIED',
        'el-order-audit EXECUTION_LISTENER END',
      ]);
      expect(await variablesIn(engine, key)).toEqual({ amount: 40, channel: 'web', charged: 42, audited: true });
      const listenerJobs = await client.searchJobs({ filter: { processInstanceKey: key, kind: 'EXECUTION_LISTENER' }, sort: [{ field: 'jobKey', order: 'ASC' }] } as never, { consistency: { waitUpToMs: 0 } } as never);
      expect((listenerJobs as any).items.map((job: any) => `${job.type} ${job.listenerEventType} ${job.state}`)).toEqual([
        'el-order-process-start START COMPLETED',
        'el-order-prepare START COMPLETED',
        'el-order-audit END COMPLETED',
      ]);
    } finally {
      for (const w of workers) w.stop();
    }
  });

  it('a listener job failed without retries is an EXECUTION_LISTENER_NO_RETRIES incident; after new retries and resolution only that listener runs again', async () => {
    const key = await start('el-retry', { amount: 1 });
    const processStart = await eventually(
      async () => (await send(engine, 'POST', '/v2/jobs/activation', { type: 'el-retry-process-start', timeout: 10_000, maxJobsToActivate: 1, requestTimeout: -1 })).body.jobs,
      (jobs: any[]) => jobs.length === 1,
      'the process start listener job',
    );
    expect(processStart[0]).toMatchObject({ kind: 'EXECUTION_LISTENER', listenerEventType: 'START', elementId: 'el-retry' });
    expect((await send(engine, 'POST', `/v2/jobs/${processStart[0].jobKey}/completion`, {})).status).toBe(204);

    const prepare = await eventually(
      async () => (await send(engine, 'POST', '/v2/jobs/activation', { type: 'el-retry-prepare', timeout: 10_000, maxJobsToActivate: 1, requestTimeout: -1 })).body.jobs,
      (jobs: any[]) => jobs.length === 1,
      'the start listener job of charge',
    );
    expect((await send(engine, 'POST', `/v2/jobs/${prepare[0].jobKey}/failure`, { retries: 0, errorMessage: 'pricing service down' })).status).toBe(204);
    const [incident] = await eventually(() => incidentsOf(engine, key), (found) => found.length === 1, 'the incident');
    expect(incident).toMatchObject({ errorType: 'EXECUTION_LISTENER_NO_RETRIES', errorMessage: 'pricing service down', elementId: 'charge', jobKey: prepare[0].jobKey });

    expect((await send(engine, 'PATCH', `/v2/jobs/${prepare[0].jobKey}`, { changeset: { retries: 1 } })).status).toBe(204);
    expect((await send(engine, 'POST', `/v2/incidents/${incident.incidentKey}/resolution`, {})).status).toBe(204);
    const again = await eventually(
      async () => (await send(engine, 'POST', '/v2/jobs/activation', { type: 'el-retry-prepare', timeout: 10_000, maxJobsToActivate: 1, requestTimeout: -1 })).body.jobs,
      (jobs: any[]) => jobs.length === 1,
      'the same listener job offered again',
    );
    expect(again[0].jobKey).toBe(prepare[0].jobKey);
    // A BPMN error from a listener job is not supported: an incident, not a boundary event.
    expect((await send(engine, 'POST', `/v2/jobs/${again[0].jobKey}/error`, { errorCode: 'NO_PRICE' })).status).toBe(204);
    const incidents = await eventually(() => incidentsOf(engine, key), (found) => found.filter((i: any) => i.state === 'ACTIVE').length === 1, 'the error incident');
    expect(incidents.find((i: any) => i.state === 'ACTIVE')).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'charge' });
    expect((await send(engine, 'POST', `/v2/process-instances/${key}/cancellation`, {})).status).toBe(204);
  });
});

describe('user task listeners', () => {
  it('assignment and completion wait for their listeners; corrections apply; a denied completion is a 409 with the reason and leaves the task created', async () => {
    let completing: 'deny' | 'approve' = 'deny';
    const workers = [
      worker('tl-assign', async (job) => {
        expect(job).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'ASSIGNING' });
        expect(job.customHeaders['io.camunda.zeebe:assignee']).toBe('anna');
        await client.completeJob({ jobKey: job.jobKey, result: { type: 'userTask', corrections: { priority: 90, candidateGroups: ['audit'] } } } as never);
        return job.ignore();
      }),
      worker('tl-complete', async (job) => {
        const result = completing === 'deny' ? { type: 'userTask', denied: true, deniedReason: 'a comment is required' } : { type: 'userTask', corrections: { dueDate: '2026-12-24T10:00:00.000Z' } };
        await client.completeJob({ jobKey: job.jobKey, result } as never);
        return job.ignore();
      }),
    ];
    try {
      const key = await start('tl-review');
      const task = await taskOf(key, 'CREATED');
      const assigned = await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/assignment`, { assignee: 'anna' });
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(204);
      expect(await taskOf(key)).toMatchObject({ state: 'CREATED', assignee: 'anna', priority: 90, candidateGroups: ['audit'] });

      const denied = await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: { ok: true } }, 'anna');
      expect(denied.status).toBe(409);
      expect(denied.body).toMatchObject({
        code: 'USER_TASK.TRANSITION_DENIED',
        deniedReason: 'a comment is required',
        detail: `Completion of the user task with key '${task.userTaskKey}' was denied by a task listener. Reason to deny: 'a comment is required'`,
      });
      expect(await taskOf(key)).toMatchObject({ state: 'CREATED', assignee: 'anna' });

      completing = 'approve';
      const completed = await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: { ok: true, comment: 'fine' } }, 'anna');
      expect(completed.status, JSON.stringify(completed.body)).toBe(204);
      await waitForState(key, 'COMPLETED');
      expect(await taskOf(key)).toMatchObject({ state: 'COMPLETED', dueDate: '2026-12-24T10:00:00.000Z' });
      expect(await variablesIn(engine, key)).toEqual({ ok: true, comment: 'fine' });
    } finally {
      for (const w of workers) w.stop();
    }
  });

  it('a listener job result is validated strictly (400), variables are refused, the task refuses other commands meanwhile; canceling runs the canceling listener', async () => {
    const key = await start('tl-review');
    const task = await taskOf(key, 'CREATED');
    // The assignment waits for its listener, which this test works by hand.
    const assignment = send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/assignment`, { assignee: 'bob' });
    const jobs = await eventually(
      async () => (await send(engine, 'POST', '/v2/jobs/activation', { type: 'tl-assign', timeout: 10_000, maxJobsToActivate: 1, requestTimeout: -1 })).body.jobs,
      (found: any[]) => found.length === 1,
      'the assigning listener job',
    );
    const jobKey = jobs[0].jobKey;
    expect(jobs[0]).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'ASSIGNING' });
    const adHoc = await send(engine, 'POST', `/v2/jobs/${jobKey}/completion`, { result: { type: 'adHocSubProcess' } });
    expect(adHoc).toMatchObject({ status: 400, body: { code: 'JOB.RESULT_NOT_APPLICABLE' } });
    for (const result of [{ corrections: { priority: 101 } }, { corrections: { dueDate: 'tomorrow' } }, { corrections: { candidateUsers: 'bob' } }, { denied: 'yes' }]) {
      const answer = await send(engine, 'POST', `/v2/jobs/${jobKey}/completion`, { result });
      expect(answer.status, JSON.stringify(result)).toBe(400);
      expect(answer.body.code).toBe('REQUEST.INVALID_BODY');
    }
    const withVariables = await send(engine, 'POST', `/v2/jobs/${jobKey}/completion`, { variables: { x: 1 } });
    expect(withVariables).toMatchObject({ status: 400, body: { code: 'JOB.LISTENER_VARIABLES' } });
    // While the listener runs, the task is ASSIGNING and other commands on it are refused.
    expect((await taskOf(key)).state).toBe('ASSIGNING');
    const busy = await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, {});
    expect(busy).toMatchObject({ status: 409, body: { code: 'USER_TASK.LISTENERS_RUNNING' } });
    expect((await send(engine, 'POST', `/v2/jobs/${jobKey}/completion`, { result: { type: 'userTask', corrections: { assignee: 'carl' } } })).status).toBe(204);
    expect((await assignment).status).toBe(204);
    expect(await taskOf(key)).toMatchObject({ state: 'CREATED', assignee: 'carl' });

    // Canceling the instance runs the canceling listener: the task is CANCELING until its job completes.
    expect((await send(engine, 'POST', `/v2/process-instances/${key}/cancellation`, {})).status).toBe(204);
    expect((await taskOf(key)).state).toBe('CANCELING');
    const [cancelJob] = await eventually(
      async () => (await send(engine, 'POST', '/v2/jobs/activation', { type: 'tl-cancel', timeout: 10_000, maxJobsToActivate: 1, requestTimeout: -1 })).body.jobs,
      (found: any[]) => found.length === 1,
      'the canceling listener job',
    );
    expect(cancelJob).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'CANCELING' });
    expect((await send(engine, 'POST', `/v2/jobs/${cancelJob.jobKey}/completion`, { result: { type: 'userTask', denied: true } })).body.code).toBe('JOB.DENIAL_NOT_ALLOWED');
    expect((await send(engine, 'POST', `/v2/jobs/${cancelJob.jobKey}/completion`, {})).status).toBe(204);
    await taskOf(key, 'CANCELED');
  });
});

describe('user task listeners with the worker SDK', () => {
  it('a handler returns TaskListenerResult.deny or .accept with corrections; the update request answers accordingly', async () => {
    const sdkWorker = createWorker({
      type: 'tl-update',
      handler: (job) => {
        expect(job).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'UPDATING' });
        const priority = Number(job.customHeaders['io.camunda.zeebe:priority']);
        return priority > 80 ? TaskListenerResult.deny(`priority ${priority} needs a manager`) : TaskListenerResult.accept({ candidateGroups: ['team'] });
      },
      engine: { url: engine.url, auth: { username: 'worker', password: 'worker' } },
      redis: { url: engine.config.redis.url, prefix: engine.config.redis.bullPrefix },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    try {
      const key = await start('tl-review');
      const task = await taskOf(key, 'CREATED');
      const denied = await send(engine, 'PATCH', `/v2/user-tasks/${task.userTaskKey}`, { changeset: { priority: 95 } });
      expect(denied).toMatchObject({ status: 409, body: { code: 'USER_TASK.TRANSITION_DENIED', deniedReason: 'priority 95 needs a manager' } });
      expect(await taskOf(key)).toMatchObject({ state: 'CREATED', priority: 50, candidateGroups: [] });
      const accepted = await send(engine, 'PATCH', `/v2/user-tasks/${task.userTaskKey}`, { changeset: { priority: 70 } });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(204);
      expect(await taskOf(key)).toMatchObject({ state: 'CREATED', priority: 70, candidateGroups: ['team'] });
      expect((await send(engine, 'POST', `/v2/process-instances/${key}/cancellation`, {})).status).toBe(204);
    } finally {
      await sdkWorker.close();
    }
  });
});
