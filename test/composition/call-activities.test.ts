import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { present, until } from '../support/eventually.js';
import { incidentsOf, send, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { HEADER } from './composition-models.js';

/**
 * Call activities over REST against MariaDB (Camunda 8: components/modeler/bpmn/call-activities):
 * the called process id as a FEEL expression evaluated at activation (a result that is not a
 * string is an incident EXTRACT_VALUE_ERROR, resolvable once the variable is fixed), and the
 * variable propagation switches `propagateAllParentVariables` and `propagateAllChildVariables`.
 */
let engine: TestEngine;

/** A caller of `processId` (static or `=expr`) with the given calledElement attributes and mappings. */
function caller(id: string, processId: string, attributes: string, ioMapping = ''): string {
  return `${HEADER}
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:callActivity id="call">
      <bpmn:extensionElements><zeebe:calledElement processId="${processId}" ${attributes} />${ioMapping}</bpmn:extensionElements>
    </bpmn:callActivity>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** A child that waits at a user task, whose completion variables become the child's. */
function child(id: string): string {
  return `${HEADER}
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="child-start" />
    <bpmn:userTask id="hold"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="child-end" />
    <bpmn:sequenceFlow id="c1" sourceRef="child-start" targetRef="hold" />
    <bpmn:sequenceFlow id="c2" sourceRef="hold" targetRef="child-end" />
  </bpmn:process>
</bpmn:definitions>`;
}

beforeAll(async () => {
  engine = await startTestEngine();
  for (const [name, xml] of [
    ['called-a.bpmn', child('called-a')],
    ['called-b.bpmn', child('called-b')],
    ['call-by-feel.bpmn', caller('call-by-feel', '=&quot;called-&quot; + kind', 'propagateAllChildVariables="true"')],
    ['call-local-only.bpmn', caller('call-local-only', 'called-a', 'propagateAllParentVariables="false" propagateAllChildVariables="true"', '<zeebe:ioMapping><zeebe:input source="=order.id" target="orderId" /></zeebe:ioMapping>')],
    ['call-keep-child.bpmn', caller('call-keep-child', 'called-a', 'propagateAllChildVariables="false"')],
  ] as const) {
    const response = await deploy(engine, [{ name, content: xml }]);
    expect(response.status, await response.clone().text()).toBe(200);
  }
});
afterAll(async () => {
  await engine?.stop();
});

async function start(processDefinitionId: string, variables: Record<string, unknown>): Promise<string> {
  const { status, body } = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId, variables });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.processInstanceKey;
}

/** The child instance the parent started (waits for it). */
async function childOf(parentKey: string): Promise<any> {
  return present(async () => (await send(engine, 'POST', '/v2/process-instances/search', { filter: { parentProcessInstanceKey: parentKey } })).body.items[0], `the child of ${parentKey}`);
}

/** Completes the child's user task with variables and waits for the parent to complete. */
async function finishChild(parentKey: string, childKey: string, variables: Record<string, unknown>): Promise<void> {
  const task = await present(async () => (await send(engine, 'POST', '/v2/user-tasks/search', { filter: { processInstanceKey: childKey } })).body.items[0], 'the child task');
  expect((await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables })).status).toBe(204);
  await until(async () => (await send(engine, 'GET', `/v2/process-instances/${parentKey}`)).body.state === 'COMPLETED', 'the parent completes');
}

describe('call activities', () => {
  it('evaluates the called process id as FEEL at activation', async () => {
    const parent = await start('call-by-feel', { kind: 'b' });
    const called = await childOf(parent);
    expect(called.processDefinitionId).toBe('called-b');
    await finishChild(parent, called.processInstanceKey, { answer: 42 });
    expect(await variablesIn(engine, parent)).toMatchObject({ kind: 'b', answer: 42 });
  });

  it('a process id expression that gives no string is an incident EXTRACT_VALUE_ERROR; fixed and resolved, it calls', async () => {
    const parent = await start('call-by-feel', { kind: 7 });
    const incident = await present(async () => (await incidentsOf(engine, parent)).find((i) => i.state === 'ACTIVE'), 'the incident');
    expect(incident).toMatchObject({ elementId: 'call', errorType: 'EXTRACT_VALUE_ERROR' });
    expect(incident.errorMessage).toContain('STRING');
    expect((await send(engine, 'POST', '/v2/process-instances/search', { filter: { parentProcessInstanceKey: parent } })).body.items).toEqual([]);
    expect((await send(engine, 'PUT', `/v2/element-instances/${parent}/variables`, { variables: { kind: 'a' } })).status).toBe(204);
    expect((await send(engine, 'POST', `/v2/incidents/${incident.incidentKey}/resolution`)).status).toBe(204);
    expect((await childOf(parent)).processDefinitionId).toBe('called-a');
  });

  it('propagateAllParentVariables="false": the child gets only the call activity’s input mappings', async () => {
    const parent = await start('call-local-only', { order: { id: 'o-1' }, secret: 'not for the child' });
    const called = await childOf(parent);
    expect(await variablesIn(engine, called.processInstanceKey)).toEqual({ orderId: 'o-1' });
    await finishChild(parent, called.processInstanceKey, { shipped: true });
    // the child's root variables come back; orderId lives on as the call activity's local, not at the root
    const root = await variablesIn(engine, parent);
    expect(root).toEqual({ order: { id: 'o-1' }, secret: 'not for the child', shipped: true });
  });

  it('propagateAllChildVariables="false" without output mappings: nothing comes back from the child', async () => {
    const parent = await start('call-keep-child', { order: 1 });
    const called = await childOf(parent);
    expect(await variablesIn(engine, called.processInstanceKey)).toEqual({ order: 1 });
    await finishChild(parent, called.processInstanceKey, { shipped: true });
    expect(await variablesIn(engine, parent)).toEqual({ order: 1 });
  });
});
