import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineProcess } from '../support/engine-process.js';
import { eventually } from '../support/eventually.js';
import { basicAuth } from '../support/test-engine.js';

/**
 * The built engine (dist/) is killed (SIGKILL) while a complex gateway waits for its reset and a
 * standard loop is between iterations, and started again: the gateway does not fire again for the
 * late token (its reset state is rows in MySQL), and the loop goes on with the next loopCounter.
 */
const engine = new EngineProcess();

const job = (id: string, type: string) => `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements></bpmn:serviceTask>`;

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://baton.local/test">
  <bpmn:process id="restart-composition" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="split" />
    <bpmn:parallelGateway id="split" />
    <bpmn:sequenceFlow id="to-a" sourceRef="split" targetRef="a" />
    <bpmn:sequenceFlow id="to-b" sourceRef="split" targetRef="b" />
    ${job('a', 'rc-a')}
    ${job('b', 'rc-b')}
    <bpmn:sequenceFlow id="a-done" sourceRef="a" targetRef="first" />
    <bpmn:sequenceFlow id="b-done" sourceRef="b" targetRef="first" />
    <bpmn:complexGateway id="first">
      <bpmn:activationCondition xsi:type="bpmn:tFormalExpression">=complexGateway.arrivedTokens &gt;= 1</bpmn:activationCondition>
    </bpmn:complexGateway>
    <bpmn:sequenceFlow id="f-repeat" sourceRef="first" targetRef="repeat" />
    <bpmn:serviceTask id="repeat">
      <bpmn:extensionElements><zeebe:taskDefinition type="rc-repeat" /></bpmn:extensionElements>
      <bpmn:standardLoopCharacteristics loopMaximum="2" />
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f-end" sourceRef="repeat" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const call = (method: string, path: string, body?: unknown) => engine.call(method, path, body);

/** Activates and completes the one job of `type`; returns its variables. */
async function work(type: string): Promise<Record<string, unknown>> {
  const activated = await eventually(
    () => call('POST', '/v2/jobs/activation', { type, timeout: 30_000, maxJobsToActivate: 1, requestTimeout: -1 }),
    (result) => result.status === 200 && result.json.jobs.length === 1,
    `a job of type ${type}`,
    60_000,
  );
  const job = activated.json.jobs[0];
  expect((await call('POST', `/v2/jobs/${job.jobKey}/completion`, { variables: {} })).status).toBe(204);
  return job.variables;
}

describe.skipIf(!EngineProcess.isBuilt())('complex gateway and standard loop across a SIGKILL', () => {
  beforeAll(async () => {
    await engine.start();
  });
  afterAll(async () => {
    await engine.drop();
  });

  it('the fired gateway absorbs the late token after the restart, and the loop continues at loopCounter 2', async () => {
    const form = new FormData();
    form.append('resources', new Blob([MODEL]), 'restart-composition.bpmn');
    const deployed = await fetch(`${engine.url}/v2/deployments`, { method: 'POST', headers: { Authorization: basicAuth('demo') }, body: form });
    expect(deployed.status, await deployed.clone().text()).toBe(200);
    const started = await call('POST', '/v2/process-instances', { processDefinitionId: 'restart-composition' });
    const key = started.json.processInstanceKey as string;

    await work('rc-a');
    expect(await work('rc-repeat')).toMatchObject({ loopCounter: 1 });
    await engine.kill();
    await engine.start();

    await work('rc-b');
    expect(await work('rc-repeat')).toMatchObject({ loopCounter: 2 });
    await eventually(() => call('GET', `/v2/process-instances/${key}`), (result) => result.json.state === 'COMPLETED', 'the instance to complete', 60_000);

    const elements = (await call('POST', '/v2/element-instances/search', { filter: { processInstanceKey: key }, page: { limit: 100 } })).json.items as any[];
    expect(elements.filter((element) => element.elementId === 'first').map((element) => element.state)).toEqual(['COMPLETED']);
    expect(elements.filter((element) => element.elementId === 'repeat').map((element) => `${element.type} ${element.state}`)).toEqual([
      'MULTI_INSTANCE_BODY COMPLETED',
      'SERVICE_TASK COMPLETED',
      'SERVICE_TASK COMPLETED',
    ]);
    const history = (await call('GET', `/v2/process-instances/${key}/history?limit=1000`)).json.items as any[];
    expect(history.filter((event) => event.eventType.startsWith('COMPLEX_GATEWAY')).map((event) => event.eventType)).toEqual([
      'COMPLEX_GATEWAY_FIRED',
      'COMPLEX_GATEWAY_TOKEN_ABSORBED',
      'COMPLEX_GATEWAY_RESET',
    ]);
  });
});
