import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { eventually } from '../support/eventually.js';
import { elementsOf, historyOf, incidentsOf, instance, send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Compensation and transactions through the REST API against MariaDB and Redis: the records of
 * completed activities survive between commands (they are rows), the handlers of a broadcast run
 * latest-completed first, a failing handler raises an incident and the compensation continues
 * once it is resolved, a transaction's cancel end event compensates and leaves by its cancel
 * boundary event, and a model that places a handler wrongly is refused with precise problems.
 */
const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://baton.local/test">`;

const job = (id: string, type: string, extra = '') => `<bpmn:serviceTask id="${id}"${extra}><bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements></bpmn:serviceTask>`;
const undoable = (id: string, handler: string) =>
  `${job(id, `cp-${id}`)}
    <bpmn:boundaryEvent id="${id}-undo" attachedToRef="${id}"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
    ${job(handler, `cp-${handler}`, ' isForCompensation="true"')}
    <bpmn:association id="${id}-assoc" sourceRef="${id}-undo" targetRef="${handler}" />`;

const SAGA = `${HEADER}
  <bpmn:error id="car-error" errorCode="NO_CAR" />
  <bpmn:process id="cp-saga" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${undoable('hotel', 'cancel-hotel')}
    ${undoable('flight', 'cancel-flight')}
    ${job('car', 'cp-car')}
    <bpmn:boundaryEvent id="no-car" attachedToRef="car"><bpmn:errorEventDefinition errorRef="car-error" /></bpmn:boundaryEvent>
    <bpmn:intermediateThrowEvent id="undo-trip"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>
    <bpmn:endEvent id="booked" />
    <bpmn:endEvent id="cancelled" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="hotel" />
    <bpmn:sequenceFlow id="f2" sourceRef="hotel" targetRef="flight" />
    <bpmn:sequenceFlow id="f3" sourceRef="flight" targetRef="car" />
    <bpmn:sequenceFlow id="f4" sourceRef="car" targetRef="booked" />
    <bpmn:sequenceFlow id="f5" sourceRef="no-car" targetRef="undo-trip" />
    <bpmn:sequenceFlow id="f6" sourceRef="undo-trip" targetRef="cancelled" />
  </bpmn:process>
</bpmn:definitions>`;

const TRANSACTION = `${HEADER}
  <bpmn:process id="cp-transaction" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:transaction id="booking">
      <bpmn:startEvent id="booking-start" />
      ${undoable('seat', 'release-seat')}
      <bpmn:exclusiveGateway id="paid" default="to-booked" />
      <bpmn:endEvent id="give-up"><bpmn:cancelEventDefinition /></bpmn:endEvent>
      <bpmn:endEvent id="booking-done" />
      <bpmn:sequenceFlow id="t1" sourceRef="booking-start" targetRef="seat" />
      <bpmn:sequenceFlow id="t2" sourceRef="seat" targetRef="paid" />
      <bpmn:sequenceFlow id="to-cancel" sourceRef="paid" targetRef="give-up"><bpmn:conditionExpression>=declined</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="to-booked" sourceRef="paid" targetRef="booking-done" />
    </bpmn:transaction>
    <bpmn:boundaryEvent id="booking-cancelled" attachedToRef="booking"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>
    <bpmn:endEvent id="confirmed" />
    <bpmn:endEvent id="cancelled" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="booking" />
    <bpmn:sequenceFlow id="f2" sourceRef="booking" targetRef="confirmed" />
    <bpmn:sequenceFlow id="f3" sourceRef="booking-cancelled" targetRef="cancelled" />
  </bpmn:process>
</bpmn:definitions>`;

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
  for (const [name, xml] of [['cp-saga.bpmn', SAGA], ['cp-transaction.bpmn', TRANSACTION]] as const) {
    const response = await deploy(engine, [{ name, content: xml }]);
    expect(response.status, await response.clone().text()).toBe(200);
  }
});

afterAll(async () => {
  await engine?.stop();
});

async function start(processDefinitionId: string, variables: Record<string, unknown> = {}): Promise<string> {
  const { status, body } = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId, variables });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.processInstanceKey as string;
}

/** Activates the one job of `type` of the instance, waiting for it to be created. */
async function activate(processInstanceKey: string, type: string): Promise<any> {
  return eventually(
    async () => {
      const { body } = await send(engine, 'POST', '/v2/jobs/activation', { type, maxJobsToActivate: 1, timeout: 60_000, worker: 'compensation-test' }, 'worker');
      return (body.jobs as any[]).find((j) => j.processInstanceKey === processInstanceKey);
    },
    (found) => found !== undefined,
    `a job of type ${type} in ${processInstanceKey}`,
  );
}

async function complete(processInstanceKey: string, type: string, variables: Record<string, unknown> = {}): Promise<void> {
  const activated = await activate(processInstanceKey, type);
  const { status, body } = await send(engine, 'POST', `/v2/jobs/${activated.jobKey}/completion`, { variables }, 'worker');
  expect(status, JSON.stringify(body)).toBe(204);
}

/** The compensation events of the audit log, as `eventType elementId #ordinal handler`. */
async function compensationLog(processInstanceKey: string): Promise<string[]> {
  return (await historyOf(engine, processInstanceKey))
    .filter((e) => e.eventType.startsWith('COMPENSATION_') || e.eventType === 'TRANSACTION_CANCELED')
    .map((e) => `${e.eventType} ${e.elementId}${e.details?.ordinal ? ` #${e.details.ordinal}` : ''}${e.details?.handlerElementId ? ` ${e.details.handlerElementId}` : ''}`);
}

describe('compensation over REST', () => {
  it('a BPMN error on the car compensates the flight, then the hotel (latest first), then the saga ends', async () => {
    const key = await start('cp-saga');
    await complete(key, 'cp-hotel', { hotelId: 'H-1' });
    await complete(key, 'cp-flight', { flightId: 'F-1' });
    const car = await activate(key, 'cp-car');
    expect((await send(engine, 'POST', `/v2/jobs/${car.jobKey}/error`, { errorCode: 'NO_CAR', errorMessage: 'no luxury car' }, 'worker')).status).toBe(204);

    const cancelFlight = await activate(key, 'cp-cancel-flight');
    const cancelHotel = await activate(key, 'cp-cancel-hotel');
    expect(await compensationLog(key)).toEqual([
      'COMPENSATION_SUBSCRIBED hotel',
      'COMPENSATION_SUBSCRIBED flight',
      'COMPENSATION_TRIGGERED flight #1 cancel-flight',
      'COMPENSATION_TRIGGERED hotel #2 cancel-hotel',
      'COMPENSATION_HANDLER_ACTIVATED flight #1 cancel-flight',
      'COMPENSATION_HANDLER_ACTIVATED hotel #2 cancel-hotel',
    ]);
    const waiting = (await elementsOf(engine, key)).filter((e) => e.state === 'ACTIVE').map((e) => e.elementId).sort();
    expect(waiting).toEqual(['cancel-flight', 'cancel-hotel', 'cp-saga', 'undo-trip']);

    for (const activated of [cancelFlight, cancelHotel]) {
      expect((await send(engine, 'POST', `/v2/jobs/${activated.jobKey}/completion`, { variables: {} }, 'worker')).status).toBe(204);
    }
    await eventually(() => instance(engine, key), (i) => i.state === 'COMPLETED', 'the saga to complete');
    expect((await compensationLog(key)).slice(-2)).toEqual(['COMPENSATION_HANDLER_COMPLETED flight #1 cancel-flight', 'COMPENSATION_HANDLER_COMPLETED hotel #2 cancel-hotel']);
    expect((await elementsOf(engine, key)).filter((e) => e.elementId === 'cancelled').map((e) => e.state)).toEqual(['COMPLETED']);
  });

  it('a handler job that fails without retries is an incident; resolving it lets the compensation finish', async () => {
    const key = await start('cp-saga');
    await complete(key, 'cp-hotel');
    await complete(key, 'cp-flight');
    const car = await activate(key, 'cp-car');
    await send(engine, 'POST', `/v2/jobs/${car.jobKey}/error`, { errorCode: 'NO_CAR' }, 'worker');
    await complete(key, 'cp-cancel-flight');
    const cancelHotel = await activate(key, 'cp-cancel-hotel');
    expect((await send(engine, 'POST', `/v2/jobs/${cancelHotel.jobKey}/failure`, { retries: 0, errorMessage: 'hotel system down' }, 'worker')).status).toBe(204);
    const [incident] = await eventually(() => incidentsOf(engine, key), (list) => list.length === 1, 'the incident of the failed handler');
    expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', elementId: 'cancel-hotel', state: 'ACTIVE' });
    expect((await instance(engine, key)).state).toBe('ACTIVE');

    expect((await send(engine, 'PATCH', `/v2/jobs/${cancelHotel.jobKey}`, { changeset: { retries: 1 } })).status).toBe(204);
    expect((await send(engine, 'POST', `/v2/incidents/${incident.incidentKey}/resolution`, {})).status).toBe(204);
    await complete(key, 'cp-cancel-hotel');
    await eventually(() => instance(engine, key), (i) => i.state === 'COMPLETED', 'the saga to complete after the incident');
    expect((await compensationLog(key)).filter((line) => line.startsWith('COMPENSATION_HANDLER_COMPLETED'))).toEqual([
      'COMPENSATION_HANDLER_COMPLETED flight #1 cancel-flight',
      'COMPENSATION_HANDLER_COMPLETED hotel #2 cancel-hotel',
    ]);
  });

  it('no compensation without a failure: the booked saga never runs a handler', async () => {
    const key = await start('cp-saga');
    await complete(key, 'cp-hotel');
    await complete(key, 'cp-flight');
    await complete(key, 'cp-car');
    await eventually(() => instance(engine, key), (i) => i.state === 'COMPLETED', 'the saga to complete');
    expect(await compensationLog(key)).toEqual(['COMPENSATION_SUBSCRIBED hotel', 'COMPENSATION_SUBSCRIBED flight']);
  });
});

describe('transactions over REST', () => {
  it('a cancel end event compensates the seat, terminates the transaction and ends at the cancel boundary path', async () => {
    const key = await start('cp-transaction', { declined: true });
    await complete(key, 'cp-seat');
    await complete(key, 'cp-release-seat');
    await eventually(() => instance(engine, key), (i) => i.state === 'COMPLETED', 'the instance to complete');
    const states = Object.fromEntries((await elementsOf(engine, key)).map((e) => [e.elementId, e.state]));
    expect(states).toMatchObject({ booking: 'TERMINATED', 'give-up': 'TERMINATED', 'booking-cancelled': 'COMPLETED', cancelled: 'COMPLETED', 'release-seat': 'COMPLETED' });
    expect(states['confirmed']).toBeUndefined();
    expect(await compensationLog(key)).toEqual([
      'COMPENSATION_SUBSCRIBED seat',
      'COMPENSATION_TRIGGERED seat #1 release-seat',
      'COMPENSATION_HANDLER_ACTIVATED seat #1 release-seat',
      'COMPENSATION_HANDLER_COMPLETED seat #1 release-seat',
      'TRANSACTION_CANCELED booking',
    ]);
  });

  it('without a cancel it completes like an embedded subprocess', async () => {
    const key = await start('cp-transaction', { declined: false });
    await complete(key, 'cp-seat');
    await eventually(() => instance(engine, key), (i) => i.state === 'COMPLETED', 'the instance to complete');
    const states = Object.fromEntries((await elementsOf(engine, key)).map((e) => [e.elementId, e.state]));
    expect(states).toMatchObject({ booking: 'COMPLETED', confirmed: 'COMPLETED' });
  });
});

describe('deploying compensation', () => {
  it('a handler with a sequence flow and a boundary event without a handler are refused, each named', async () => {
    const xml = `${HEADER}
  <bpmn:process id="cp-bad" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${job('pay', 'pay')}
    <bpmn:boundaryEvent id="pay-undo" attachedToRef="pay"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
    ${job('refund', 'refund', ' isForCompensation="true"')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="pay" />
    <bpmn:sequenceFlow id="f2" sourceRef="pay" targetRef="refund" />
    <bpmn:sequenceFlow id="f3" sourceRef="refund" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
    const response = await deploy(engine, [{ name: 'cp-bad.bpmn', content: xml }]);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as any;
    expect(body.title).toBe('INVALID_ARGUMENT');
    expect(body.problems.filter((p: any) => p.rule === 'compensation').map((p: any) => `${p.elementId}: ${p.message}`)).toEqual([
      `pay-undo: Expected compensation boundary event bpmn:BoundaryEvent 'pay-undo' to be associated with exactly one compensation handler activity but found 0`,
      `refund: Expected compensation handler bpmn:ServiceTask 'refund' to have no incoming or outgoing sequence flows (it runs only when its activity is compensated) but it has 2`,
      `refund: Expected compensation handler bpmn:ServiceTask 'refund' to be associated with a compensation boundary event but none is associated with it`,
    ]);
  });
});
