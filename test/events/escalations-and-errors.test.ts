import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { elementOf, historyOf, incidentsOf, instance, openTask, send, tasksOf } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { deployXml, HEADER, reaches, serviceTask, start, userTask } from './event-api.js';

/**
 * Escalations (within an instance and across a call activity, caught or not), errors (event
 * subprocesses, catch-all catchers, an error a called child does not catch raising its incident in
 * the child, where it was thrown) and link events, on a real engine.
 */
const FIXTURES = new URL('../../libs/engine-core/test/fixtures/', import.meta.url);

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

const ESCALATING_CHILD = `${HEADER}
  <bpmn:escalation id="late" escalationCode="LATE" />
  <bpmn:process id="esc-child" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateThrowEvent id="report-late"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:intermediateThrowEvent>
    ${userTask('child-work')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="report-late" />
    <bpmn:sequenceFlow id="f2" sourceRef="report-late" targetRef="child-work" />
    <bpmn:sequenceFlow id="f3" sourceRef="child-work" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const ESCALATION_PARENT = `${HEADER}
  <bpmn:escalation id="late" escalationCode="LATE" />
  <bpmn:process id="esc-parent" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="esc-child" /></bpmn:extensionElements></bpmn:callActivity>
    <bpmn:boundaryEvent id="on-late" attachedToRef="call" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="late" /></bpmn:boundaryEvent>
    ${userTask('chase')}
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="chased" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="on-late" targetRef="chase" />
    <bpmn:sequenceFlow id="f4" sourceRef="chase" targetRef="chased" />
  </bpmn:process>
</bpmn:definitions>`;

const ERROR_SUBPROCESSES = `${HEADER}
  <bpmn:error id="bad" errorCode="BAD" />
  <bpmn:process id="err-esp" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${serviceTask('work', 'err-work')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:subProcess id="on-bad" triggeredByEvent="true">
      <bpmn:startEvent id="bad-caught"><bpmn:errorEventDefinition errorRef="bad" /></bpmn:startEvent>
      ${userTask('repair')}
      <bpmn:endEvent id="repaired" />
      <bpmn:sequenceFlow id="b1" sourceRef="bad-caught" targetRef="repair" />
      <bpmn:sequenceFlow id="b2" sourceRef="repair" targetRef="repaired" />
    </bpmn:subProcess>
    <bpmn:subProcess id="on-any" triggeredByEvent="true">
      <bpmn:startEvent id="any-caught"><bpmn:errorEventDefinition /></bpmn:startEvent>
      <bpmn:endEvent id="gave-up" />
      <bpmn:sequenceFlow id="a1" sourceRef="any-caught" targetRef="gave-up" />
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

const ERRING_CHILD = `${HEADER}
  <bpmn:process id="err-child" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${serviceTask('child-job', 'err-child-job')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="child-job" />
    <bpmn:sequenceFlow id="f2" sourceRef="child-job" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const ERROR_PARENT = `${HEADER}
  <bpmn:process id="err-parent" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="err-child" /></bpmn:extensionElements></bpmn:callActivity>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('escalations, errors and links', () => {
  let engine: TestEngine;

  beforeAll(async () => {
    engine = await startTestEngine();
    await deployXml(engine, 'escalation-events.bpmn', fixture('escalation-events.bpmn'));
    await deployXml(engine, 'subprocess-error-esp.bpmn', fixture('subprocess-error-esp.bpmn'));
    await deployXml(engine, 'link-events.bpmn', fixture('link-events.bpmn'));
    for (const [name, xml] of Object.entries({ ESCALATING_CHILD, ESCALATION_PARENT, ERROR_SUBPROCESSES, ERRING_CHILD, ERROR_PARENT })) await deployXml(engine, `${name}.bpmn`, xml);
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function completeTask(processInstanceKey: string, elementId: string): Promise<void> {
    const task = await eventually(() => tasksOf(engine, processInstanceKey), (tasks) => tasks.some((t) => t.elementId === elementId && t.state === 'CREATED'), `task ${elementId}`);
    const open = task.find((t) => t.elementId === elementId && t.state === 'CREATED');
    expect((await send(engine, 'POST', `/v2/user-tasks/${open.userTaskKey}/completion`, {})).status).toBe(204);
  }

  async function throwError(processInstanceKey: string, elementId: string, errorCode: string): Promise<void> {
    const [job] = await eventually(
      async () => (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey, elementId, state: 'CREATED' } })).body.items,
      (items: any[]) => items.length > 0,
      `the job of ${elementId}`,
    );
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { worker: 'events', timeout: 60_000 }, 'worker')).status).toBe(200);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/error`, { errorCode, errorMessage: 'it broke' }, 'worker')).status).toBe(204);
  }

  async function childOf(parent: string): Promise<string> {
    const [child] = await eventually(
      async () => (await send(engine, 'POST', '/v2/process-instances/search', { filter: { parentProcessInstanceKey: parent } })).body.items,
      (items: any[]) => items.length === 1,
      `the child of ${parent}`,
    );
    return child.processInstanceKey;
  }

  it('within an instance: a non-interrupting boundary takes its code, a catch-all interrupting one any code, and an escalation nobody catches does not stop the instance', async () => {
    const key = await start(engine, 'escalation-events');
    await eventually(() => tasksOf(engine, key), (tasks) => tasks.length === 2, 'the notify and inner tasks');
    expect((await tasksOf(engine, key)).map((t) => t.elementId).sort()).toEqual(['inner-task', 'notify']);
    const history = await historyOf(engine, key);
    expect(history.filter((e) => e.eventType.startsWith('ESCALATION')).map((e) => `${e.eventType} ${e.details.escalationCode}`)).toEqual(['ESCALATION_CAUGHT LATE', 'ESCALATION_NOT_CAUGHT NOBODY']);

    await completeTask(key, 'inner-task');
    await eventually(() => elementOf(engine, key, 'aborted').catch(() => null), (e) => e?.state === 'COMPLETED', 'the catch-all path');
    expect((await elementOf(engine, key, 'sub2')).state).toBe('TERMINATED');
    await completeTask(key, 'notify');
    await reaches(engine, key, 'COMPLETED');
  });

  it('across a call activity: the child escalates, the boundary on the parent\'s call activity catches it (non-interrupting), the child goes on', async () => {
    const parent = await start(engine, 'esc-parent');
    const child = await childOf(parent);
    await eventually(() => tasksOf(engine, parent), (tasks) => tasks.some((t) => t.elementId === 'chase'), 'the chase task in the parent');
    expect((await elementOf(engine, parent, 'call')).state).toBe('ACTIVE');
    expect((await openTask(engine, child, 'child-work')).state).toBe('CREATED');
    const caught = (await historyOf(engine, parent)).find((e) => e.eventType === 'ESCALATION_CAUGHT');
    expect(caught).toMatchObject({ command: 'THROW_ESCALATION_AT', actor: 'demo', details: { escalationCode: 'LATE', catchElementId: 'on-late', interrupting: false } });
    expect((await historyOf(engine, child)).some((e) => e.eventType === 'ESCALATION_ESCALATED_TO_PARENT')).toBe(true);

    await completeTask(child, 'child-work');
    await completeTask(parent, 'chase');
    await reaches(engine, parent, 'COMPLETED');
  });

  it('an error event subprocess catches its code (interrupting the work), a catch-all one every other code', async () => {
    const caught = await start(engine, 'err-esp');
    await throwError(caught, 'work', 'BAD');
    await eventually(() => tasksOf(engine, caught), (tasks) => tasks.some((t) => t.elementId === 'repair'), 'the repair task');
    expect((await elementOf(engine, caught, 'work')).state).toBe('TERMINATED');
    await completeTask(caught, 'repair');
    await reaches(engine, caught, 'COMPLETED');

    const other = await start(engine, 'err-esp');
    await throwError(other, 'work', 'SOMETHING_ELSE');
    await reaches(engine, other, 'COMPLETED');
    expect((await elementOf(engine, other, 'gave-up')).state).toBe('COMPLETED');
    expect(await incidentsOf(engine, other)).toEqual([]);
  });

  it('an error event subprocess inside an embedded subprocess', async () => {
    const key = await start(engine, 'subprocess-error-esp');
    await throwError(key, 'job', 'BAD');
    await completeTask(key, 'fix');
    await reaches(engine, key, 'COMPLETED');
    expect((await elementOf(engine, key, 'fix-it')).type).toBe('EVENT_SUB_PROCESS');
  });

  it('an error the called child does not catch, and nobody above it: the incident is raised in the child, at the job that threw it', async () => {
    const parent = await start(engine, 'err-parent');
    const child = await childOf(parent);
    await throwError(child, 'child-job', 'NOBODY_CATCHES');
    const [incident] = await eventually(() => incidentsOf(engine, child), (items) => items.length === 1, 'the incident in the child');
    expect(incident).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'child-job', processInstanceKey: child, state: 'ACTIVE' });
    expect(incident.errorMessage).toContain("'NOBODY_CATCHES'");
    expect(await incidentsOf(engine, parent)).toEqual([]);
    expect((await instance(engine, child)).hasIncident).toBe(true);
    expect((await instance(engine, parent)).state).toBe('ACTIVE');
  });

  it('a link throw event continues at its link catch event', async () => {
    const key = await start(engine, 'link-events');
    expect((await elementOf(engine, key, 'land')).state).toBe('COMPLETED');
    await completeTask(key, 'task');
    await reaches(engine, key, 'COMPLETED');
  });
});
