import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { eventually } from '../support/eventually.js';
import { elementTrail, incidentsOf, instance, send, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Standard loops (`bpmn:standardLoopCharacteristics`) through the REST API against MariaDB and
 * Redis: a service task a worker repeats until the data says stop, a script task with testBefore
 * that may run zero times, the statistics counting each iteration once (not the body), and the
 * deploy rules answered as Camunda answers a model with problems.
 */
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://baton.local/test">
  <bpmn:process id="poll-until-ready" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="poll" />
    <bpmn:serviceTask id="poll">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="poll-status" />
        <zeebe:ioMapping><zeebe:input source="=loopCounter" target="attempt" /><zeebe:output source="=status" target="lastStatus" /></zeebe:ioMapping>
      </bpmn:extensionElements>
      <bpmn:standardLoopCharacteristics loopMaximum="5">
        <bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=lastStatus != "ready"</bpmn:loopCondition>
      </bpmn:standardLoopCharacteristics>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f1" sourceRef="poll" targetRef="sum" />
    <bpmn:scriptTask id="sum">
      <bpmn:extensionElements><zeebe:script expression="=total + loopCounter" resultVariable="total" /></bpmn:extensionElements>
      <bpmn:standardLoopCharacteristics testBefore="true">
        <bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=loopCounter &lt; rounds</bpmn:loopCondition>
      </bpmn:standardLoopCharacteristics>
    </bpmn:scriptTask>
    <bpmn:sequenceFlow id="f2" sourceRef="sum" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
  const response = await deploy(engine, [{ name: 'poll-until-ready.bpmn', content: MODEL }]);
  expect(response.status, await response.clone().text()).toBe(200);
});
afterAll(async () => {
  await engine?.stop();
});

async function start(variables: Record<string, unknown>): Promise<string> {
  const { status, body } = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'poll-until-ready', variables });
  expect(status).toBe(200);
  return body.processInstanceKey as string;
}

/** Activates the one poll job of the instance and completes it with `status`; returns the job's variables. */
async function poll(processInstanceKey: string, status: string): Promise<Record<string, unknown>> {
  const activated = await eventually(
    () => send(engine, 'POST', '/v2/jobs/activation', { type: 'poll-status', timeout: 30_000, maxJobsToActivate: 5, requestTimeout: -1 }, 'worker'),
    (result) => result.body.jobs.length === 1,
    'the next poll job',
  );
  const job = activated.body.jobs[0];
  expect(job.processInstanceKey).toBe(processInstanceKey);
  expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables: { status } }, 'worker')).status).toBe(204);
  return job.variables;
}

describe('standard loop', () => {
  it('repeats the job while the condition holds, with loopCounter; outputs propagate; testBefore runs the script as often as asked', async () => {
    const key = await start({ rounds: 3, total: 0 });

    expect(await poll(key, 'pending')).toMatchObject({ attempt: 1, loopCounter: 1 });
    expect(await poll(key, 'pending')).toMatchObject({ attempt: 2, loopCounter: 2, lastStatus: 'pending' });
    expect(await poll(key, 'ready')).toMatchObject({ attempt: 3, loopCounter: 3 });

    await eventually(() => instance(engine, key), (body) => body.state === 'COMPLETED', 'the instance to complete');
    expect(await variablesIn(engine, key)).toMatchObject({ lastStatus: 'ready', total: 6, rounds: 3 });
    expect(await elementTrail(engine, key)).toEqual([
      'poll-until-ready PROCESS COMPLETED',
      'start START_EVENT COMPLETED',
      'poll MULTI_INSTANCE_BODY COMPLETED',
      'poll SERVICE_TASK COMPLETED',
      'poll SERVICE_TASK COMPLETED',
      'poll SERVICE_TASK COMPLETED',
      'sum MULTI_INSTANCE_BODY COMPLETED',
      'sum SCRIPT_TASK COMPLETED',
      'sum SCRIPT_TASK COMPLETED',
      'sum SCRIPT_TASK COMPLETED',
      'end END_EVENT COMPLETED',
    ]);

    // Operate's counts show the iterations, not the body around them.
    const statistics = await send(engine, 'GET', `/v2/process-instances/${key}/statistics/element-instances`);
    expect(statistics.body.items.filter((item: any) => item.elementId === 'poll' || item.elementId === 'sum')).toEqual([
      { elementId: 'poll', active: 0, canceled: 0, incidents: 0, completed: 3 },
      { elementId: 'sum', active: 0, canceled: 0, incidents: 0, completed: 3 },
    ]);
  });

  it('testBefore with a false condition runs the activity zero times; loopMaximum stops a condition that stays true', async () => {
    const key = await start({ rounds: 0, total: 0 });
    for (let i = 0; i < 5; i++) await poll(key, 'pending');

    await eventually(() => instance(engine, key), (body) => body.state === 'COMPLETED', 'the instance to complete');
    const trail = await elementTrail(engine, key);
    expect(trail.filter((line) => line.startsWith('poll SERVICE_TASK'))).toHaveLength(5);
    expect(trail.filter((line) => line.startsWith('sum '))).toEqual(['sum MULTI_INSTANCE_BODY COMPLETED']);
    expect(await variablesIn(engine, key)).toMatchObject({ total: 0, lastStatus: 'pending' });
  });

  it('a loop condition that is not a boolean is a CONDITION_ERROR incident, resolvable after fixing the data', async () => {
    const key = await start({ total: 0 });
    await poll(key, 'ready');

    const [incident] = await eventually(() => incidentsOf(engine, key), (items) => items.length === 1, 'an incident');
    expect(incident).toMatchObject({ elementId: 'sum', errorType: 'CONDITION_ERROR', state: 'ACTIVE' });
    expect((await send(engine, 'PUT', `/v2/element-instances/${key}/variables`, { variables: { rounds: 2 } })).status).toBe(204);
    expect((await send(engine, 'POST', `/v2/incidents/${incident.incidentKey}/resolution`, {})).status).toBe(204);

    await eventually(() => instance(engine, key), (body) => body.state === 'COMPLETED', 'the instance to complete');
    expect(await variablesIn(engine, key)).toMatchObject({ total: 3 });
  });

  it('refuses a loop without an end and a negative loop maximum, naming the elements', async () => {
    const xml = MODEL.replace('id="poll-until-ready"', 'id="bad-loops"')
      .replace('loopMaximum="5"', 'loopMaximum="-1"')
      .replace(/<bpmn:standardLoopCharacteristics testBefore="true">[\s\S]*?<\/bpmn:standardLoopCharacteristics>/, '<bpmn:standardLoopCharacteristics testBefore="true" />');
    const response = await deploy(engine, [{ name: 'bad-loops.bpmn', content: xml }]);
    const body = (await response.json()) as { title: string; detail: string };

    expect(response.status).toBe(400);
    expect(body.title).toBe('INVALID_ARGUMENT');
    expect(body.detail).toContain(`Expected the loop maximum (bpmn:standardLoopCharacteristics loopMaximum) of bpmn:ServiceTask 'poll' to be an integer ≥ 0 but found -1`);
    expect(body.detail).toContain(`on the standard loop of bpmn:ScriptTask 'sum' but found neither: the loop would never end`);
  });
});
