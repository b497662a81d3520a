import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { eventually } from '../support/eventually.js';
import { elementTrail, historyOf, incidentsOf, instance, send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The complex gateway (BPMN 2.0.2 §13.3.6) through the REST API against MariaDB and Redis: a join
 * that fires once two of three reviews are in, absorbs the third without firing again, and keeps
 * its waiting-for-reset state in the database between commands; a fork with conditions; deploy
 * problems answered as Camunda answers a model with problems (400).
 */
const job = (id: string, type: string) => `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements></bpmn:serviceTask>`;

const TWO_OF_THREE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://baton.local/test">
  <bpmn:process id="two-of-three" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="split" />
    <bpmn:parallelGateway id="split" />
    <bpmn:sequenceFlow id="to-legal" sourceRef="split" targetRef="legal" />
    <bpmn:sequenceFlow id="to-finance" sourceRef="split" targetRef="finance" />
    <bpmn:sequenceFlow id="to-tech" sourceRef="split" targetRef="tech" />
    ${job('legal', 'review-legal')}
    ${job('finance', 'review-finance')}
    ${job('tech', 'review-tech')}
    <bpmn:sequenceFlow id="legal-done" sourceRef="legal" targetRef="quorum" />
    <bpmn:sequenceFlow id="finance-done" sourceRef="finance" targetRef="quorum" />
    <bpmn:sequenceFlow id="tech-done" sourceRef="tech" targetRef="quorum" />
    <bpmn:complexGateway id="quorum">
      <bpmn:activationCondition xsi:type="bpmn:tFormalExpression">=complexGateway.arrivedTokens &gt;= 2 and count(complexGateway.arrivedFlows) = complexGateway.arrivedTokens and complexGateway.incomingFlows = 3</bpmn:activationCondition>
    </bpmn:complexGateway>
    <bpmn:sequenceFlow id="f-decide" sourceRef="quorum" targetRef="decide" />
    ${job('decide', 'decide')}
    <bpmn:sequenceFlow id="f-end" sourceRef="decide" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const FORK = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://baton.local/test">
  <bpmn:process id="complex-fork" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
    <bpmn:complexGateway id="fork" default="to-manual" />
    <bpmn:sequenceFlow id="to-email" sourceRef="fork" targetRef="email"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=channels.email</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="to-sms" sourceRef="fork" targetRef="sms"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=channels.sms</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="to-manual" sourceRef="fork" targetRef="manual" />
    <bpmn:task id="email" /><bpmn:task id="sms" /><bpmn:task id="manual" />
    <bpmn:sequenceFlow id="e1" sourceRef="email" targetRef="end1" /><bpmn:endEvent id="end1" />
    <bpmn:sequenceFlow id="e2" sourceRef="sms" targetRef="end2" /><bpmn:endEvent id="end2" />
    <bpmn:sequenceFlow id="e3" sourceRef="manual" targetRef="end3" /><bpmn:endEvent id="end3" />
  </bpmn:process>
</bpmn:definitions>`;

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
  for (const [name, content] of [
    ['two-of-three.bpmn', TWO_OF_THREE],
    ['complex-fork.bpmn', FORK],
  ]) {
    const response = await deploy(engine, [{ name: name!, content: content! }]);
    expect(response.status, await response.clone().text()).toBe(200);
  }
});
afterAll(async () => {
  await engine?.stop();
});

async function start(processDefinitionId: string, variables: Record<string, unknown> = {}): Promise<string> {
  const { status, body } = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId, variables });
  expect(status).toBe(200);
  return body.processInstanceKey as string;
}

/** Activates and completes the one job of `type` (a REST worker, as Camunda's clients do it). */
async function work(type: string, variables: Record<string, unknown> = {}): Promise<void> {
  const activated = await eventually(
    () => send(engine, 'POST', '/v2/jobs/activation', { type, timeout: 30_000, maxJobsToActivate: 1, requestTimeout: -1 }, 'worker'),
    (result) => result.body.jobs.length === 1,
    `a job of type ${type}`,
  );
  const completion = await send(engine, 'POST', `/v2/jobs/${activated.body.jobs[0].jobKey}/completion`, { variables }, 'worker');
  expect(completion.status).toBe(204);
}

async function joinTokens(processInstanceKey: string): Promise<string[]> {
  const rows = await engine.infrastructure.dataSource.query('SELECT flow_id, count FROM join_tokens WHERE process_instance_key = ? ORDER BY flow_id', [processInstanceKey]);
  return (rows as Array<{ flow_id: string; count: number }>).map((row) => `${row.flow_id}×${row.count}`);
}

describe('complex gateway', () => {
  it('fires once when two of three flows delivered, absorbs the third, and the decision runs once', async () => {
    const key = await start('two-of-three');

    await work('review-finance', { finance: 'ok' });
    expect(await joinTokens(key)).toEqual(['finance-done×1']);
    await work('review-tech', { tech: 'ok' });
    // Fired: the reset state (which flows delivered) is stored with the instance.
    expect(await joinTokens(key)).toEqual(['complex-reset:finance-done×1', 'complex-reset:tech-done×1']);
    await work('review-legal', { legal: 'late' });
    expect(await joinTokens(key)).toEqual([]);

    await work('decide');
    await eventually(() => instance(engine, key), (body) => body.state === 'COMPLETED', 'the instance to complete');
    expect(await elementTrail(engine, key)).toEqual([
      'two-of-three PROCESS COMPLETED',
      'start START_EVENT COMPLETED',
      'split PARALLEL_GATEWAY COMPLETED',
      'legal SERVICE_TASK COMPLETED',
      'finance SERVICE_TASK COMPLETED',
      'tech SERVICE_TASK COMPLETED',
      'quorum UNKNOWN COMPLETED',
      'decide SERVICE_TASK COMPLETED',
      'end END_EVENT COMPLETED',
    ]);
    const gatewayEvents = (await historyOf(engine, key)).filter((event) => event.eventType.startsWith('COMPLEX_GATEWAY')).map((event) => event.eventType);
    expect(gatewayEvents).toEqual(['COMPLEX_GATEWAY_FIRED', 'COMPLEX_GATEWAY_TOKEN_ABSORBED', 'COMPLEX_GATEWAY_RESET']);
  });

  it('as a fork takes every flow whose condition is true, else the default flow', async () => {
    const both = await start('complex-fork', { channels: { email: true, sms: true } });
    const none = await start('complex-fork', { channels: { email: false, sms: false } });

    expect((await elementTrail(engine, both)).filter((line) => /^(email|sms|manual) /.test(line))).toEqual(['email TASK COMPLETED', 'sms TASK COMPLETED']);
    expect((await elementTrail(engine, none)).filter((line) => /^(email|sms|manual) /.test(line))).toEqual(['manual TASK COMPLETED']);
  });

  it('as a fork with no true condition and no default flow: CONDITION_ERROR incident', async () => {
    const xml = FORK.replace('id="complex-fork"', 'id="complex-fork-strict"').replace(' default="to-manual"', '').replace(
      '<bpmn:sequenceFlow id="to-manual" sourceRef="fork" targetRef="manual" />',
      '<bpmn:sequenceFlow id="to-manual" sourceRef="fork" targetRef="manual"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=false</bpmn:conditionExpression></bpmn:sequenceFlow>',
    );
    expect((await deploy(engine, [{ name: 'strict.bpmn', content: xml }])).status).toBe(200);
    const key = await start('complex-fork-strict', { channels: { email: false, sms: false } });

    const incidents = await eventually(() => incidentsOf(engine, key), (items) => items.length === 1, 'an incident');
    expect(incidents[0]).toMatchObject({ elementId: 'fork', errorType: 'CONDITION_ERROR', state: 'ACTIVE' });
  });

  it('refuses an activation condition on a gateway that does not join, and one that does not parse', async () => {
    const lonely = TWO_OF_THREE.replace('id="two-of-three"', 'id="bad-complex"').replace(
      '<bpmn:complexGateway id="quorum">',
      '<bpmn:complexGateway id="lonely"><bpmn:activationCondition xsi:type="bpmn:tFormalExpression">=true</bpmn:activationCondition></bpmn:complexGateway><bpmn:sequenceFlow id="x1" sourceRef="start" targetRef="lonely" /><bpmn:sequenceFlow id="x2" sourceRef="lonely" targetRef="end" /><bpmn:complexGateway id="quorum">',
    ).replace(/>=complexGateway[^<]*</, '>=complexGateway.arrivedTokens &gt;=<');

    const response = await deploy(engine, [{ name: 'bad-complex.bpmn', content: lonely }]);
    const body = (await response.json()) as { title: string; detail: string };
    expect(response.status).toBe(400);
    expect(body.title).toBe('INVALID_ARGUMENT');
    expect(body.detail).toContain(`Expected no activation condition on bpmn:ComplexGateway 'lonely', which has one incoming flow and so never joins, but found '=true'`);
    expect(body.detail).toContain(`in the activation condition of bpmn:ComplexGateway 'quorum' does not parse`);
  });
});
