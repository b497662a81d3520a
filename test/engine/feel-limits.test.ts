import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { present, until } from '../support/eventually.js';
import { incidentsOf, instance, send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Issue 8, item 2: one FEEL expression used to take the engine down. `count(for x in 1..n return x)`
 * on a gateway, started by an employee with n = 1e9, answered nothing for a minute and then
 * exhausted the heap; behind a timer it did so again after every restart. Now every evaluation is
 * bounded (docs/security.md, "FEEL evaluation"): such a start is answered, the gateway gets an
 * incident, and the engine goes on serving everyone else.
 */
const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://baton.local/test">`;

/** A gateway whose first flow has `condition`; the default flow ends elsewhere. `timer`: a timer catch event before the gateway. */
function gatewayProcess(id: string, condition: string, timer?: string): string {
  const wait = timer
    ? `<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${timer}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f-start" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f-wait" sourceRef="wait" targetRef="gw" />`
    : '<bpmn:sequenceFlow id="f-start" sourceRef="start" targetRef="gw" />';
  return `${HEADER}
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${wait}
    <bpmn:exclusiveGateway id="gw" default="f-none" />
    <bpmn:sequenceFlow id="f-some" sourceRef="gw" targetRef="some"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f-none" sourceRef="gw" targetRef="none" />
    <bpmn:endEvent id="some" />
    <bpmn:endEvent id="none" />
  </bpmn:process>
</bpmn:definitions>`;
}

const HUGE_RANGE = '=count(for x in 1..n return x) &gt; 0';
const RANGE_MESSAGE = "Expected a range of at most 100000 elements, but the range [1..1000000000] in the expression 'count(for x in 1..n return x) > 0' has 1000000000";
/** No range and no function call per step: only the time limit (the watchdog) stops it. */
const CARTESIAN = '=count(for x in l, y in l return x) &gt; 0';

describe('FEEL limits on a running engine', () => {
  let engine: TestEngine;

  beforeAll(async () => {
    engine = await startTestEngine({ clockControl: true });
    const deployed = await deploy(engine, [
      { name: 'feel-huge-range.bpmn', content: gatewayProcess('feel-huge-range', HUGE_RANGE) },
      { name: 'feel-cartesian.bpmn', content: gatewayProcess('feel-cartesian', CARTESIAN) },
      { name: 'feel-after-timer.bpmn', content: gatewayProcess('feel-after-timer', HUGE_RANGE, 'PT1H') },
    ]);
    expect(deployed.status, await deployed.clone().text()).toBe(200);
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function start(processDefinitionId: string, variables: Record<string, unknown>, user = 'emma'): Promise<string> {
    const created = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId, variables }, user);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body.processInstanceKey;
  }

  it('an employee starting with n = 1e9 is answered, the gateway gets an incident, and fixing n and resolving lets the instance go on', async () => {
    const key = await start('feel-huge-range', { n: 1e9 });

    const [incident] = await incidentsOf(engine, key);
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', errorMessage: RANGE_MESSAGE, elementId: 'gw', state: 'ACTIVE' });
    expect((await instance(engine, key)).state).toBe('ACTIVE');

    expect((await send(engine, 'PUT', `/v2/element-instances/${key}/variables`, { variables: { n: 3 } })).status).toBe(204);
    expect((await send(engine, 'POST', `/v2/incidents/${incident.incidentKey}/resolution`)).status).toBe(204);
    expect((await instance(engine, key)).state).toBe('COMPLETED');
    expect((await incidentsOf(engine, key)).map((i) => i.state)).toEqual(['RESOLVED']);
  });

  it('while several starts that run into the limits are in flight, other requests keep being answered', async () => {
    const list = Array.from({ length: 3000 }, (_, i) => i);
    // signed in before (Basic credentials are verified once, then remembered), so that what is
    // measured below is the engine's event loop, not argon2
    expect((await engine.request('/v2/topology', { user: 'frank' })).status).toBe(200);
    expect((await engine.request('/v2/topology', { user: 'anna' })).status).toBe(200);
    const answered: string[] = [];
    // Two employees each start four instances that run into a limit, one after the other (as a
    // user does), so starts are in flight for the whole time, not only at the beginning: each
    // cartesian evaluation holds the event loop for the time limit, and eight of them sent at once
    // could all finish before one other request had its few turns.
    const chain = async (processDefinitionId: string, variables: Record<string, unknown>): Promise<string[]> => {
      const keys: string[] = [];
      for (let i = 0; i < 4; i++) {
        keys.push(await start(processDefinitionId, variables));
        answered.push('start');
      }
      return keys;
    };
    let startsDone = false;
    const allStarted = Promise.all([chain('feel-huge-range', { n: 1e9 }), chain('feel-cartesian', { l: list })])
      .then((chains) => chains.flat())
      .finally(() => (startsDone = true));

    // Other users' requests, sent while the starts are running, one after the other until they end.
    const others: number[] = [];
    while (!startsDone) {
      const topology = await engine.request('/v2/topology', { user: 'frank' });
      const search = await engine.request('/v2/process-definitions/search', { user: 'anna', json: {} });
      others.push(topology.status, search.status);
      answered.push('other');
    }
    const keys = await allStarted;

    expect(others.every((status) => status === 200)).toBe(true);
    // at least one other request was answered before the last start was
    expect(answered.indexOf('other')).toBeLessThan(answered.lastIndexOf('start'));
    for (const key of keys) {
      const [incident] = await incidentsOf(engine, key);
      expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'gw', state: 'ACTIVE' });
      expect(incident.errorMessage).toMatch(
        /^Expected a range of at most 100000 elements, .* has 1000000000$|^Expected the expression 'count\(for x in l, y in l return x\) > 0' to finish within 500 ms \(the FEEL time limit\), but it ran longer$/,
      );
    }
  });

  it('a timer before the gateway fires into an incident, not into a crash loop, and the engine keeps serving', async () => {
    const key = await start('feel-after-timer', { n: 1e9 });
    expect(await incidentsOf(engine, key)).toEqual([]);

    try {
      expect((await send(engine, 'PUT', '/v2/clock', { timestamp: Date.now() + 3_600_000 + 60_000 })).status).toBe(204);
      const incident = await present(async () => (await incidentsOf(engine, key))[0], 'the timer to fire into an incident on the gateway', 30_000);
      expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', errorMessage: RANGE_MESSAGE, elementId: 'gw' });
    } finally {
      expect((await send(engine, 'POST', '/v2/clock/reset', {})).status).toBe(204);
    }
    expect((await engine.request('/v2/topology', { user: 'mia' })).status).toBe(200);

    const [incident] = await incidentsOf(engine, key);
    expect((await send(engine, 'PUT', `/v2/element-instances/${key}/variables`, { variables: { n: 2 } })).status).toBe(204);
    expect((await send(engine, 'POST', `/v2/incidents/${incident.incidentKey}/resolution`)).status).toBe(204);
    await until(async () => (await instance(engine, key)).state === 'COMPLETED', 'the instance to complete once resolved');
  });
});
