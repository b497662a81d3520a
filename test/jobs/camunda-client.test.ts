import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createCamundaClient from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Camunda's own npm client (@camunda8/orchestration-cluster-api, the 8.8 line) works against
 * Baton unchanged: BASIC auth, deploy, start, a polling job worker, completion — with the
 * client's strict validation of requests and responses on, so every shape is Camunda's. Where
 * Baton refuses, the client sees Camunda's answer: 400 for a model with problems, 404 for
 * canceling an instance that has ended.
 */
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="client-test" targetNamespace="http://baton.local/test">
  <bpmn:process id="client-order" name="Client order" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="validate" name="Validate order"><bpmn:extensionElements><zeebe:taskDefinition type="validate-order" retries="2" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:exclusiveGateway id="valid" default="to-done" />
    <bpmn:serviceTask id="reject"><bpmn:extensionElements><zeebe:taskDefinition type="reject-order" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="done" />
    <bpmn:endEvent id="rejected" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="validate" />
    <bpmn:sequenceFlow id="f2" sourceRef="validate" targetRef="valid" />
    <bpmn:sequenceFlow id="to-done" sourceRef="valid" targetRef="done" />
    <bpmn:sequenceFlow id="to-reject" sourceRef="valid" targetRef="reject"><bpmn:conditionExpression>=valid = false</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f5" sourceRef="reject" targetRef="rejected" />
  </bpmn:process>
</bpmn:definitions>`;

let engine: TestEngine;
let client: ReturnType<typeof createCamundaClient>;
let deployment: Awaited<ReturnType<ReturnType<typeof createCamundaClient>['deployResourcesFromFiles']>>;

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
  const file = join(tmpdir(), `client-order-${Date.now()}.bpmn`);
  await writeFile(file, MODEL);
  deployment = await client.deployResourcesFromFiles([file]);
});
afterAll(async () => {
  await engine?.stop();
});

/** Writes a model to a temporary file, as the client deploys files by name. */
async function modelFile(name: string, xml: string): Promise<string> {
  const file = join(tmpdir(), `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}.bpmn`);
  await writeFile(file, xml);
  return file;
}

/** What the client throws for an HTTP error: an `HttpSdkError` with the problem's fields. */
async function sdkError(call: Promise<unknown>): Promise<{ name: string; status: number; title?: string; detail?: string; instance?: string }> {
  try {
    await call;
  } catch (error) {
    return error as never;
  }
  throw new Error('Expected the client call to fail, but it succeeded');
}

async function waitForState(processInstanceKey: string, state: string): Promise<void> {
  await eventually(
    async () => ((await client.getProcessInstance({ processInstanceKey } as never, { consistency: { waitUpToMs: 0 } } as never)) as { state: string }).state,
    (current) => current === state,
    `process instance ${processInstanceKey} to reach ${state}`,
    10_000,
  );
}

describe("Camunda's npm client against Baton", () => {
  it('deploys, starts, works jobs with createJobWorker, and sees the instance complete', async () => {
    expect(deployment.processes).toEqual([expect.objectContaining({ processDefinitionId: 'client-order', processDefinitionVersion: 1 })]);

    const handled: string[] = [];
    const worker = client.createJobWorker({
      jobType: 'validate-order',
      maxParallelJobs: 4,
      jobTimeoutMs: 10_000,
      pollIntervalMs: 50,
      jobHandler: async (job: any) => {
        handled.push(job.jobKey);
        return job.complete({ valid: job.variables.amount < 1000, validatedBy: "camunda-client" });
      },
    } as never);
    const rejecter = client.createJobWorker({
      jobType: 'reject-order',
      maxParallelJobs: 2,
      jobTimeoutMs: 10_000,
      pollIntervalMs: 50,
      jobHandler: async (job: any) => job.complete({ rejected: true }),
    } as never);

    try {
      const small = await client.createProcessInstance({ processDefinitionId: 'client-order', variables: { amount: 10 } } as never);
      const large = await client.createProcessInstance({ processDefinitionId: 'client-order', variables: { amount: 5000 } } as never);
      await waitForState((small as any).processInstanceKey, 'COMPLETED');
      await waitForState((large as any).processInstanceKey, 'COMPLETED');
      expect(handled).toHaveLength(2);

      const variables = await client.searchVariables({ filter: { processInstanceKey: (large as any).processInstanceKey } } as never, { consistency: { waitUpToMs: 0 } } as never);
      const byName = Object.fromEntries((variables as any).items.map((v: any) => [v.name, JSON.parse(v.value)]));
      expect(byName).toEqual({ amount: 5000, valid: false, validatedBy: 'camunda-client', rejected: true });

      const elements = await client.searchElementInstances({ filter: { processInstanceKey: (large as any).processInstanceKey } } as never, { consistency: { waitUpToMs: 0 } } as never);
      expect((elements as any).items.map((e: any) => e.elementId).sort()).toEqual(['client-order', 'rejected', 'reject', 'start', 'valid', 'validate'].sort());
    } finally {
      worker.stop();
      rejecter.stop();
    }
  });

  it('fails a job with retries through the client and sees the incident when none are left', async () => {
    const worker = client.createJobWorker({
      jobType: 'validate-order',
      maxParallelJobs: 1,
      jobTimeoutMs: 10_000,
      pollIntervalMs: 50,
      jobHandler: async (job: any) => job.fail({ errorMessage: 'validation service down', retries: job.retries - 1, retryBackOff: 0 }),
    } as never);
    try {
      const instance = await client.createProcessInstance({ processDefinitionId: 'client-order', variables: { amount: 1 } } as never);
      let incidents: any[] = [];
      for (let i = 0; i < 100 && incidents.length === 0; i++) {
        incidents = ((await client.searchIncidents({ filter: { processInstanceKey: (instance as any).processInstanceKey } } as never, { consistency: { waitUpToMs: 0 } } as never)) as any).items;
        if (incidents.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(incidents).toEqual([expect.objectContaining({ errorType: 'JOB_NO_RETRIES', errorMessage: 'validation service down', state: 'ACTIVE', elementId: 'validate' })]);
    } finally {
      worker.stop();
    }
  });

  it('cancels an instance: the client’s bodiless POST passes the engine’s content-type and cross-origin checks', async () => {
    const instance = (await client.createProcessInstance({ processDefinitionId: 'client-order', variables: { amount: 1 } } as never)) as any;
    await client.cancelProcessInstance({ processInstanceKey: instance.processInstanceKey } as never);
    await waitForState(instance.processInstanceKey, 'TERMINATED');
  });

  it('reads topology and the current user in Camunda shapes', async () => {
    const topology = await client.getTopology();
    expect(topology).toMatchObject({ clusterSize: 1, partitionsCount: 1 });
    const me = await client.getAuthentication();
    expect(me).toMatchObject({ username: 'demo', roles: ['admin'] });
  });

  it('sees 400 INVALID_ARGUMENT for a model with problems, as from Camunda', async () => {
    const broken = MODEL.replace('client-order', 'client-broken').replace(' type="reject-order"', '');
    const error = await sdkError(client.deployResourcesFromFiles([await modelFile('client-broken', broken)]));
    expect(error).toMatchObject({ name: 'HttpSdkError', status: 400, title: 'INVALID_ARGUMENT', instance: '/v2/deployments' });
    expect(error.detail).toContain("bpmn:ServiceTask 'reject'");
  });

  it('sees 404 NOT_FOUND when canceling an instance that was terminated or completed, as from Camunda', async () => {
    const running = (await client.createProcessInstance({ processDefinitionId: 'client-order', variables: { amount: 1 } } as never)) as any;
    await client.cancelProcessInstance({ processInstanceKey: running.processInstanceKey } as never);
    await waitForState(running.processInstanceKey, 'TERMINATED');
    const again = await sdkError(client.cancelProcessInstance({ processInstanceKey: running.processInstanceKey } as never));
    expect(again).toMatchObject({ name: 'HttpSdkError', status: 404, title: 'NOT_FOUND', detail: `Process instance ${running.processInstanceKey} was terminated, so there is nothing to cancel` });

    const instant = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="client-instant-defs" targetNamespace="http://baton.local/test">
  <bpmn:process id="client-instant" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
    await client.deployResourcesFromFiles([await modelFile('client-instant', instant)]);
    const done = (await client.createProcessInstance({ processDefinitionId: 'client-instant' } as never)) as any;
    await waitForState(done.processInstanceKey, 'COMPLETED');
    const late = await sdkError(client.cancelProcessInstance({ processInstanceKey: done.processInstanceKey } as never));
    expect(late).toMatchObject({ name: 'HttpSdkError', status: 404, title: 'NOT_FOUND', detail: `Process instance ${done.processInstanceKey} is already completed, so there is nothing to cancel` });
  });
});
