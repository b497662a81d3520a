import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineProcess } from '../support/engine-process.js';
import { eventually } from '../support/eventually.js';
import { basicAuth } from '../support/test-engine.js';
import { HEADER, message, userTask } from './event-api.js';

/**
 * The built engine (dist/) is killed (SIGKILL) with a timer start schedule and a buffered message
 * pending, and started again: both survive in MySQL. The schedule's occurrence that came due while
 * the engine was down starts one instance (not one per missed period), and the buffered message
 * still reaches an instance that subscribes after the restart. The engine clock is pinned through
 * PUT /v2/clock, so that "while it was down" needs no waiting.
 */
const engine = new EngineProcess();
const ENV = { BATON_CLOCK_CONTROL: 'true' };

const SCHEDULED = `${HEADER}
  <bpmn:process id="rs-scheduled" isExecutable="true">
    <bpmn:startEvent id="every-ten-minutes"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT10M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
    ${userTask('handle')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="every-ten-minutes" targetRef="handle" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const WAITING = `${HEADER}
  ${message('confirmed', 'delivery-confirmed')}
  <bpmn:process id="rs-waiting" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="confirmed" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const call = (method: string, path: string, body?: unknown) => engine.call(method, path, body);

async function deploy(name: string, xml: string): Promise<void> {
  const form = new FormData();
  form.append('resources', new Blob([xml]), name);
  const deployed = await fetch(`${engine.url}/v2/deployments`, { method: 'POST', headers: { Authorization: basicAuth('demo') }, body: form });
  expect(deployed.status, await deployed.clone().text()).toBe(200);
}

async function instancesOf(processDefinitionId: string): Promise<any[]> {
  return (await call('POST', '/v2/process-instances/search', { filter: { processDefinitionId } })).json.items;
}

describe.skipIf(!EngineProcess.isBuilt())('a restart with a timer start schedule and a buffered message pending', () => {
  beforeAll(async () => {
    await engine.start(ENV);
  });

  afterAll(async () => {
    await engine.drop();
  });

  it('keeps both: the missed occurrence fires once, and the message reaches a later subscription', async () => {
    const start = Date.now();
    expect((await call('PUT', '/v2/clock', { timestamp: start })).status).toBe(204);
    await deploy('rs-scheduled.bpmn', SCHEDULED);
    await deploy('rs-waiting.bpmn', WAITING);
    const published = await call('POST', '/v2/messages/publication', { name: 'delivery-confirmed', correlationKey: 'd-1', timeToLive: 24 * 3_600_000, variables: { signedBy: 'Ada' } });
    expect(published.status).toBe(200);

    await engine.kill();
    await engine.start(ENV);

    // An hour has passed while the engine was down: six occurrences, one start.
    expect((await call('PUT', '/v2/clock', { timestamp: start + 3_600_000 + 1_000 })).status).toBe(204);
    const [started] = await eventually(() => instancesOf('rs-scheduled'), (items) => items.length === 1, 'the scheduled start');
    expect(started.state).toBe('ACTIVE');
    const db = await engine.connect();
    try {
      const [rows] = (await db.query("SELECT due_date FROM start_timers WHERE process_definition_id = 'rs-scheduled'")) as [any[], unknown];
      expect(rows.map((r) => new Date(r.due_date).getTime())).toEqual([start + 70 * 60_000]);
    } finally {
      await db.end();
    }

    const waiting = await call('POST', '/v2/process-instances', { processDefinitionId: 'rs-waiting', variables: { orderId: 'd-1' } });
    expect(waiting.status).toBe(200);
    const instance = (await call('GET', `/v2/process-instances/${waiting.json.processInstanceKey}`)).json;
    expect(instance.state).toBe('COMPLETED');
    expect(await instancesOf('rs-scheduled')).toHaveLength(1);
  });
});
