import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { elementOf, historyOf, instance, send, tasksOf, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { broadcast, deployXml, HEADER, instancesOf, reaches, start, userTask, waitsFor, waitsOf } from './event-api.js';

/**
 * Signals on a real engine: intermediate catch, boundary (interrupting and not), event subprocess
 * start, signal start events (latest version only), throw and end events that broadcast, an
 * unknown name (200, wakes nothing), bad input, and a broadcast that wakes its subscribers in
 * batches — each exactly once.
 */
function signal(id: string, name: string): string {
  return `<bpmn:signal id="${id}" name="${name}" />`;
}

const CATCH = `${HEADER}
  ${signal('go', 'go')}
  <bpmn:process id="sig-catch" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait-go"><bpmn:signalEventDefinition signalRef="go" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait-go" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait-go" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const BOUNDARY = `${HEADER}
  ${signal('stop', 'stop-all')}
  ${signal('ping', 'ping')}
  <bpmn:process id="sig-boundary" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${userTask('work')}
    <bpmn:boundaryEvent id="stopped" attachedToRef="work"><bpmn:signalEventDefinition signalRef="stop" /></bpmn:boundaryEvent>
    <bpmn:boundaryEvent id="pinged" attachedToRef="work" cancelActivity="false"><bpmn:signalEventDefinition signalRef="ping" /></bpmn:boundaryEvent>
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="stop-end" />
    <bpmn:endEvent id="ping-end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="stopped" targetRef="stop-end" />
    <bpmn:sequenceFlow id="f4" sourceRef="pinged" targetRef="ping-end" />
  </bpmn:process>
</bpmn:definitions>`;

const EVENT_SUBPROCESS = `${HEADER}
  ${signal('stop', 'stop-all')}
  <bpmn:process id="sig-esp" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${userTask('work')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:subProcess id="on-stop" triggeredByEvent="true">
      <bpmn:startEvent id="stop-received"><bpmn:signalEventDefinition signalRef="stop" /></bpmn:startEvent>
      <bpmn:endEvent id="stop-done" />
      <bpmn:sequenceFlow id="s1" sourceRef="stop-received" targetRef="stop-done" />
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

function startedBySignal(version: 'signal' | 'none'): string {
  const startEvent = version === 'signal' ? '<bpmn:startEvent id="launched"><bpmn:signalEventDefinition signalRef="launch" /></bpmn:startEvent>' : '<bpmn:startEvent id="launched" />';
  return `${HEADER}
  ${signal('launch', 'launch')}
  <bpmn:process id="sig-start" isExecutable="true">
    ${startEvent}
    ${userTask('handle')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="launched" targetRef="handle" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** Throws `go` mid-way (its own catch event waits beside it) and ends by broadcasting `launch`. */
const THROW = `${HEADER}
  ${signal('go', 'go')}
  ${signal('launch', 'launch')}
  <bpmn:process id="sig-throw" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:intermediateCatchEvent id="own-go"><bpmn:signalEventDefinition signalRef="go" /></bpmn:intermediateCatchEvent>
    ${userTask('prepare')}
    <bpmn:intermediateThrowEvent id="throw-go"><bpmn:signalEventDefinition signalRef="go" /></bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="caught-end" />
    <bpmn:endEvent id="launch-end"><bpmn:signalEventDefinition signalRef="launch" /></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="own-go" />
    <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="prepare" />
    <bpmn:sequenceFlow id="f4" sourceRef="own-go" targetRef="caught-end" />
    <bpmn:sequenceFlow id="f5" sourceRef="prepare" targetRef="throw-go" />
    <bpmn:sequenceFlow id="f6" sourceRef="throw-go" targetRef="launch-end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('signals', () => {
  let engine: TestEngine;

  beforeAll(async () => {
    engine = await startTestEngine();
    for (const [name, xml] of Object.entries({ CATCH, BOUNDARY, EVENT_SUBPROCESS, THROW, START: startedBySignal('signal') })) await deployXml(engine, `sig-${name}.bpmn`, xml);
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it('a broadcast wakes every instance waiting at a catch event, with its variables, and says who sent it', async () => {
    const keys = [await start(engine, 'sig-catch'), await start(engine, 'sig-catch')];
    for (const key of keys) expect(await waitsOf(engine, key)).toMatchObject([{ kind: 'signal', signalName: 'go', catchElementId: 'wait-go', interrupting: true }]);
    const signalKey = await broadcast(engine, 'go', { reason: 'ready' }, 'worker');
    for (const key of keys) {
      await reaches(engine, key, 'COMPLETED');
      expect(await variablesIn(engine, key)).toEqual({ reason: 'ready' });
      expect((await historyOf(engine, key)).find((e) => e.eventType === 'SIGNAL_CAUGHT')).toMatchObject({ command: 'TRIGGER_SIGNAL', actor: 'worker', elementId: 'wait-go', details: { signalKey, signalName: 'go' } });
    }
  });

  it('boundary events: a non-interrupting one runs beside the task, an interrupting one ends it; an event subprocess start interrupts its process', async () => {
    const withBoundary = await start(engine, 'sig-boundary');
    const withSubprocess = await start(engine, 'sig-esp');
    await broadcast(engine, 'ping');
    await eventually(() => elementOf(engine, withBoundary, 'ping-end').catch(() => null), (e) => e?.state === 'COMPLETED', 'the ping path');
    expect((await elementOf(engine, withBoundary, 'work')).state).toBe('ACTIVE');

    await broadcast(engine, 'stop-all');
    await reaches(engine, withBoundary, 'COMPLETED');
    expect((await elementOf(engine, withBoundary, 'work')).state).toBe('TERMINATED');
    expect((await elementOf(engine, withBoundary, 'stop-end')).state).toBe('COMPLETED');
    await reaches(engine, withSubprocess, 'COMPLETED');
    expect((await elementOf(engine, withSubprocess, 'work')).state).toBe('TERMINATED');
    expect((await elementOf(engine, withSubprocess, 'on-stop')).state).toBe('COMPLETED');
    expect((await tasksOf(engine, withSubprocess)).map((t) => t.state)).toEqual(['CANCELED']);
  });

  it('a signal start event starts the latest version, before the answer; a version without it is started by it no more', async () => {
    const before = (await instancesOf(engine, 'sig-start')).length;
    await broadcast(engine, 'launch', { batch: 1 });
    const started = await instancesOf(engine, 'sig-start');
    expect(started).toHaveLength(before + 1);
    const latest = started.at(-1);
    expect(latest).toMatchObject({ state: 'ACTIVE', processDefinitionVersion: 1 });
    expect(await variablesIn(engine, latest.processInstanceKey)).toEqual({ batch: 1 });
    expect((await elementOf(engine, latest.processInstanceKey, 'launched')).state).toBe('COMPLETED');

    await deployXml(engine, 'sig-START.bpmn', startedBySignal('none'));
    await broadcast(engine, 'launch');
    expect(await instancesOf(engine, 'sig-start')).toHaveLength(before + 1);
    await deployXml(engine, 'sig-START.bpmn', startedBySignal('signal'));
  });

  it('a throw event broadcasts to every waiting instance (its own included) and an end event starts processes by its signal', async () => {
    const other = await start(engine, 'sig-catch');
    const launched = (await instancesOf(engine, 'sig-start')).length;
    const thrower = await start(engine, 'sig-throw');
    await waitsFor(engine, thrower, { catchElementId: 'own-go' });
    const [prepare] = await tasksOf(engine, thrower);
    expect((await send(engine, 'POST', `/v2/user-tasks/${prepare.userTaskKey}/completion`, {}, 'demo')).status).toBe(204);

    await reaches(engine, thrower, 'COMPLETED');
    await reaches(engine, other, 'COMPLETED');
    expect((await elementOf(engine, thrower, 'caught-end')).state).toBe('COMPLETED');
    expect((await historyOf(engine, other)).find((e) => e.eventType === 'SIGNAL_CAUGHT')).toMatchObject({ command: 'TRIGGER_SIGNAL', actor: 'demo' });
    await eventually(() => instancesOf(engine, 'sig-start'), (items) => items.length === launched + 1, 'the instance the end event started');
    expect((await historyOf(engine, thrower)).filter((e) => e.eventType === 'SIGNAL_THROWN').map((e) => e.elementId)).toEqual(['throw-go', 'launch-end']);
  });

  it('a signal nothing waits for is fine: 200, it wakes nothing; bad input is refused precisely', async () => {
    const waiting = await start(engine, 'sig-catch');
    const answer = await send(engine, 'POST', '/v2/signals/broadcast', { signalName: 'nobody-listens' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ signalKey: expect.stringMatching(/^\d+$/), tenantId: '<default>' });
    expect((await instance(engine, waiting)).state).toBe('ACTIVE');

    const cases: Array<[Record<string, unknown>, string, string?]> = [
      [{}, 'REQUEST.INVALID_BODY', 'signalName'],
      [{ signalName: '' }, 'REQUEST.INVALID_BODY', 'signalName'],
      [{ signalName: 's'.repeat(257) }, 'REQUEST.INVALID_BODY', 'signalName'],
      [{ signalName: 'go', variables: [1] }, 'REQUEST.INVALID_BODY', 'variables'],
      [{ signalName: 'go', name: 'go' }, 'REQUEST.INVALID_BODY'],
      [{ signalName: 'go', tenantId: 'other' }, 'SIGNAL.UNKNOWN_TENANT'],
    ];
    for (const [body, code, property] of cases) {
      const refused = await send(engine, 'POST', '/v2/signals/broadcast', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.code, JSON.stringify(body)).toBe(code);
      if (property) expect(refused.body.violations.map((v: any) => v.property)).toContain(property);
    }
    expect((await instance(engine, waiting)).state).toBe('ACTIVE');
    expect((await engine.request('/v2/signals/broadcast', { json: { signalName: 'go' }, user: null })).status).toBe(401);
    expect((await send(engine, 'POST', '/v2/signals/broadcast', { signalName: 'go' }, 'emma')).status).toBe(403);
    expect((await instance(engine, waiting)).state).toBe('ACTIVE');
  });
});

describe('a signal broadcast in batches', () => {
  let engine: TestEngine;

  beforeAll(async () => {
    engine = await startTestEngine({ events: { signalBatchSize: 3 } });
    await deployXml(engine, 'sig-catch.bpmn', CATCH);
  });

  afterAll(async () => {
    await engine?.stop();
  });

  it('wakes every waiting instance exactly once, a few per transaction, and only those that waited before it', async () => {
    const keys: string[] = [];
    for (let i = 0; i < 10; i++) keys.push(await start(engine, 'sig-catch', { i }));
    await broadcast(engine, 'go');
    const late = await start(engine, 'sig-catch');
    for (const key of keys) await reaches(engine, key, 'COMPLETED');
    for (const key of keys) expect((await historyOf(engine, key)).filter((e) => e.eventType === 'SIGNAL_CAUGHT')).toHaveLength(1);
    expect((await instance(engine, late)).state).toBe('ACTIVE');
  });
});
