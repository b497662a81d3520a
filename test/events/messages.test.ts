import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { elementOf, historyOf, instance, openTask, send, tasksOf, variablesIn } from '../support/process-api.js';
import { connectToEngineDatabase, startTestEngine, type TestEngine } from '../support/test-engine.js';
import { completeJob, deployXml, eventsOf, HEADER, instancesOf, message, pinClock, publish, reaches, resetClock, serviceTask, start, userTask, waitsOf } from './event-api.js';

/**
 * Messages on a real engine (MariaDB, Redis): every message catch point (intermediate catch
 * event, receive task, boundary events, event subprocess starts) through POST
 * /v2/messages/publication and /correlation; buffering with a time to live (a subscription that
 * opens later gets the message in its own transaction), messageId 409, expiry on the engine clock;
 * Camunda's cardinality (once per process); the read side (message subscription search, waits,
 * audit log with the publisher); bad input.
 */
const CATCH = `${HEADER}
  ${message('payment', 'payment-received')}
  <bpmn:process id="msg-catch" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait-payment">
      <bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=amount" target="paid" /></zeebe:ioMapping></bpmn:extensionElements>
      <bpmn:messageEventDefinition messageRef="payment" />
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait-payment" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait-payment" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** A second process waiting for the same message (Camunda: a message reaches each process once). */
const AUDIT = `${HEADER}
  ${message('payment', 'payment-received')}
  <bpmn:process id="msg-audit" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="note-payment"><bpmn:messageEventDefinition messageRef="payment" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="note-payment" />
    <bpmn:sequenceFlow id="f2" sourceRef="note-payment" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** A service task first, then a receive task: the subscription opens only when the job is done. */
const RECEIVE = `${HEADER}
  ${message('confirmation', 'shipment-confirmed', '=shipmentId')}
  <bpmn:process id="msg-receive" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${serviceTask('ship', 'ship')}
    <bpmn:receiveTask id="await-confirmation" messageRef="confirmation" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ship" />
    <bpmn:sequenceFlow id="f2" sourceRef="ship" targetRef="await-confirmation" />
    <bpmn:sequenceFlow id="f3" sourceRef="await-confirmation" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const BOUNDARY = `${HEADER}
  ${message('cancel', 'cancel-order')}
  ${message('update', 'order-updated')}
  <bpmn:process id="msg-boundary" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${userTask('review')}
    <bpmn:boundaryEvent id="cancelled" attachedToRef="review"><bpmn:messageEventDefinition messageRef="cancel" /></bpmn:boundaryEvent>
    <bpmn:boundaryEvent id="updated" attachedToRef="review" cancelActivity="false"><bpmn:messageEventDefinition messageRef="update" /></bpmn:boundaryEvent>
    ${userTask('note-update')}
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="cancel-end" />
    <bpmn:endEvent id="noted" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="cancelled" targetRef="cancel-end" />
    <bpmn:sequenceFlow id="f4" sourceRef="updated" targetRef="note-update" />
    <bpmn:sequenceFlow id="f5" sourceRef="note-update" targetRef="noted" />
  </bpmn:process>
</bpmn:definitions>`;

const EVENT_SUBPROCESS = `${HEADER}
  ${message('question', 'customer-question')}
  ${message('withdraw', 'order-withdrawn')}
  <bpmn:process id="msg-esp" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${userTask('fulfil')}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fulfil" />
    <bpmn:sequenceFlow id="f2" sourceRef="fulfil" targetRef="end" />
    <bpmn:subProcess id="answer-question" triggeredByEvent="true">
      <bpmn:startEvent id="question-asked" isInterrupting="false"><bpmn:messageEventDefinition messageRef="question" /></bpmn:startEvent>
      ${userTask('answer')}
      <bpmn:endEvent id="answered" />
      <bpmn:sequenceFlow id="q1" sourceRef="question-asked" targetRef="answer" />
      <bpmn:sequenceFlow id="q2" sourceRef="answer" targetRef="answered" />
    </bpmn:subProcess>
    <bpmn:subProcess id="withdrawal" triggeredByEvent="true">
      <bpmn:startEvent id="withdrawn"><bpmn:messageEventDefinition messageRef="withdraw" /></bpmn:startEvent>
      <bpmn:endEvent id="withdrawal-done" />
      <bpmn:sequenceFlow id="w1" sourceRef="withdrawn" targetRef="withdrawal-done" />
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

/** Started by a message; waits for a second one with the same name (a message reaches a process once). */
const STARTED = `${HEADER}
  <bpmn:message id="placed" name="order-placed" />
  ${message('again', 'order-placed', '=&quot;p-1&quot;')}
  <bpmn:process id="msg-started" isExecutable="true">
    <bpmn:startEvent id="by-message"><bpmn:messageEventDefinition messageRef="placed" /></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="placed-again"><bpmn:messageEventDefinition messageRef="again" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="by-message" targetRef="placed-again" />
    <bpmn:sequenceFlow id="f2" sourceRef="placed-again" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('messages', () => {
  let engine: TestEngine;

  beforeAll(async () => {
    engine = await startTestEngine({ clockControl: true });
    for (const [name, xml] of Object.entries({ CATCH, AUDIT, RECEIVE, BOUNDARY, EVENT_SUBPROCESS, STARTED })) await deployXml(engine, `${name}.bpmn`, xml);
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function subscriptions(filter: Record<string, unknown>): Promise<any[]> {
    const found = await send(engine, 'POST', '/v2/message-subscriptions/search', { filter });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    return found.body.items;
  }

  it('an intermediate catch event waits for its message (shown by /waits and the subscription search) and completes with its variables through its output mapping', async () => {
    const key = await start(engine, 'msg-catch', { orderId: 'o-1' });
    const waiting = await elementOf(engine, key, 'wait-payment');
    expect(await waitsOf(engine, key)).toEqual([
      { elementInstanceKey: waiting.elementInstanceKey, elementId: 'wait-payment', catchElementId: 'wait-payment', kind: 'message', interrupting: true, messageName: 'payment-received', correlationKey: 'o-1' },
    ]);
    const [open] = await subscriptions({ processInstanceKey: key });
    expect(open).toMatchObject({ processDefinitionId: 'msg-catch', elementId: 'wait-payment', elementInstanceKey: waiting.elementInstanceKey, messageSubscriptionState: 'CREATED', messageName: 'payment-received', correlationKey: 'o-1', tenantId: '<default>' });

    // Another key reaches nobody; the right one is delivered after the answer, under the instance's lock.
    await publish(engine, { name: 'payment-received', correlationKey: 'o-2', variables: { amount: 1 } });
    const messageKey = await publish(engine, { name: 'payment-received', correlationKey: 'o-1', variables: { amount: 42, note: 'paid by card' } }, 'worker');
    await reaches(engine, key, 'COMPLETED');
    expect(await variablesIn(engine, key)).toEqual({ orderId: 'o-1', paid: 42 });
    expect(await waitsOf(engine, key)).toEqual([]);
    expect((await subscriptions({ processInstanceKey: key }))[0]).toMatchObject({ messageSubscriptionState: 'CORRELATED' });

    const correlated = (await historyOf(engine, key)).find((e) => e.eventType === 'MESSAGE_CORRELATED');
    expect(correlated).toMatchObject({ command: 'CORRELATE_MESSAGE', actor: 'worker', elementId: 'wait-payment', details: { messageKey, messageName: 'payment-received', correlationKey: 'o-1' } });
  });

  it('a receive task takes a buffered message when it opens later, in the transaction that opened it', async () => {
    await publish(engine, { name: 'shipment-confirmed', correlationKey: 's-7', timeToLive: 600_000, variables: { carrier: 'DHL' } }, 'worker');
    const key = await start(engine, 'msg-receive', { shipmentId: 's-7' });
    expect((await instance(engine, key)).state).toBe('ACTIVE');
    await completeJob(engine, key, 'ship');
    // The job's completion opened the subscription and correlated the buffered message at once.
    expect((await instance(engine, key)).state).toBe('COMPLETED');
    expect(await variablesIn(engine, key)).toEqual({ shipmentId: 's-7', carrier: 'DHL' });
    const history = await historyOf(engine, key);
    const opened = history.find((e) => e.eventType === 'SUBSCRIPTION_OPENED');
    const correlated = history.find((e) => e.eventType === 'MESSAGE_CORRELATED');
    expect(opened.command).toBe('COMPLETE_JOB');
    expect(correlated).toMatchObject({ command: 'CORRELATE_MESSAGE', actor: 'worker', elementId: 'await-confirmation' });

    // Not buffered (no timeToLive): a later subscription does not get it.
    await publish(engine, { name: 'shipment-confirmed', correlationKey: 's-8' });
    const late = await start(engine, 'msg-receive', { shipmentId: 's-8' });
    await completeJob(engine, late, 'ship');
    expect(await waitsOf(engine, late)).toMatchObject([{ kind: 'message', catchElementId: 'await-confirmation', correlationKey: 's-8' }]);
  });

  it('a non-interrupting boundary event runs beside its activity for every message; an interrupting one ends the activity', async () => {
    const key = await start(engine, 'msg-boundary', { orderId: 'b-1' });
    const review = await elementOf(engine, key, 'review');
    expect((await waitsOf(engine, key)).map((w) => `${w.catchElementId} ${w.elementInstanceKey === review.elementInstanceKey} ${w.interrupting}`)).toEqual(['cancelled true true', 'updated true false']);

    await publish(engine, { name: 'order-updated', correlationKey: 'b-1', variables: { change: 1 } });
    await publish(engine, { name: 'order-updated', correlationKey: 'b-1', variables: { change: 2 } });
    const notes = await eventually(
      async () => (await send(engine, 'POST', '/v2/user-tasks/search', { filter: { processInstanceKey: key, elementId: 'note-update' } })).body.items,
      (items: any[]) => items.length === 2,
      'two update notes',
    );
    expect(notes).toHaveLength(2);
    expect((await openTask(engine, key, 'review')).state).toBe('CREATED');

    await publish(engine, { name: 'cancel-order', correlationKey: 'b-1' });
    await eventually(() => elementOf(engine, key, 'review'), (e) => e.state === 'TERMINATED', 'the review to be terminated');
    expect((await elementOf(engine, key, 'cancel-end')).state).toBe('COMPLETED');
    // The notes are still open: the instance waits for them.
    expect((await instance(engine, key)).state).toBe('ACTIVE');
    const states = (await subscriptions({ processInstanceKey: key })).map((s) => `${s.elementId} ${s.messageSubscriptionState}`);
    expect(states).toEqual(['cancelled CORRELATED', 'updated DELETED']);
  });

  it('message event subprocesses: a non-interrupting one runs for each question; an interrupting one ends the process', async () => {
    const key = await start(engine, 'msg-esp', { orderId: 'e-1' });
    expect((await waitsOf(engine, key)).map((w) => `${w.catchElementId} ${w.elementId} ${w.interrupting}`)).toEqual(['question-asked msg-esp false', 'withdrawn msg-esp true']);
    await publish(engine, { name: 'customer-question', correlationKey: 'e-1', variables: { question: 'when?' } });
    await eventually(() => tasksOf(engine, key), (tasks) => tasks.some((t) => t.elementId === 'answer' && t.state === 'CREATED'), 'the answer task');
    expect((await elementOf(engine, key, 'answer-question')).type).toBe('EVENT_SUB_PROCESS');
    expect((await openTask(engine, key, 'fulfil')).state).toBe('CREATED');

    await publish(engine, { name: 'order-withdrawn', correlationKey: 'e-1' });
    await reaches(engine, key, 'COMPLETED');
    expect((await elementOf(engine, key, 'fulfil')).state).toBe('TERMINATED');
    expect((await elementOf(engine, key, 'answer-question')).state).toBe('TERMINATED');
    expect((await elementOf(engine, key, 'withdrawal-done')).state).toBe('COMPLETED');
  });

  it('reaches each process once: the oldest waiting instance of a process, and every other process waiting for it', async () => {
    const first = await start(engine, 'msg-catch', { orderId: 'c-1' });
    const second = await start(engine, 'msg-catch', { orderId: 'c-1' });
    const audit = await start(engine, 'msg-audit', { orderId: 'c-1' });

    await publish(engine, { name: 'payment-received', correlationKey: 'c-1', variables: { amount: 5 } });
    await reaches(engine, first, 'COMPLETED');
    await reaches(engine, audit, 'COMPLETED');
    expect((await instance(engine, second)).state).toBe('ACTIVE');

    await publish(engine, { name: 'payment-received', correlationKey: 'c-1', variables: { amount: 6 } });
    await reaches(engine, second, 'COMPLETED');
    expect((await variablesIn(engine, second))['paid']).toBe(6);
  });

  it('a buffered message reaches one of several instances of a process that subscribe later, not all of them', async () => {
    await publish(engine, { name: 'shipment-confirmed', correlationKey: 's-20', timeToLive: 600_000 });
    const keys = [await start(engine, 'msg-receive', { shipmentId: 's-20' }), await start(engine, 'msg-receive', { shipmentId: 's-20' })];
    for (const key of keys) await completeJob(engine, key, 'ship');
    const states = await Promise.all(keys.map(async (key) => (await instance(engine, key)).state));
    expect(states).toEqual(['COMPLETED', 'ACTIVE']);
  });

  it('a message that started an instance by its message start event does not reach it again', async () => {
    const key = await publish(engine, { name: 'order-placed', correlationKey: 'p-1', timeToLive: 600_000, variables: { item: 'book' } });
    const [started] = await instancesOf(engine, 'msg-started');
    expect(started).toMatchObject({ state: 'ACTIVE', businessId: 'p-1' });
    expect(await waitsOf(engine, started.processInstanceKey)).toMatchObject([{ catchElementId: 'placed-again', messageName: 'order-placed', correlationKey: 'p-1' }]);
    expect(key).toMatch(/^\d+$/);
  });

  it('a messageId is unique among the live buffered messages with its name and key (409), and free again once they expired', async () => {
    const base = Date.now();
    await pinClock(engine, base);
    try {
      await publish(engine, { name: 'dedupe', correlationKey: 'k-1', messageId: 'm-1', timeToLive: 60_000 });
      const twice = await send(engine, 'POST', '/v2/messages/publication', { name: 'dedupe', correlationKey: 'k-1', messageId: 'm-1', timeToLive: 60_000 });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'MESSAGE.ALREADY_EXISTS', title: 'CONFLICT' });
      // Another key, another name, or no buffering: another message.
      await publish(engine, { name: 'dedupe', correlationKey: 'k-2', messageId: 'm-1', timeToLive: 60_000 });
      await publish(engine, { name: 'dedupe-2', correlationKey: 'k-1', messageId: 'm-1', timeToLive: 60_000 });
      await publish(engine, { name: 'dedupe', correlationKey: 'k-1', messageId: 'm-1' });

      await pinClock(engine, base + 61_000);
      await publish(engine, { name: 'dedupe', correlationKey: 'k-1', messageId: 'm-1', timeToLive: 60_000 });
    } finally {
      await resetClock(engine);
    }
  });

  it('an expired message reaches no subscription that opens afterwards (engine clock), and the sweeper removes it', async () => {
    const base = Date.now();
    await pinClock(engine, base);
    try {
      await publish(engine, { name: 'shipment-confirmed', correlationKey: 's-30', timeToLive: 30_000 });
      await pinClock(engine, base + 31_000);
      const key = await start(engine, 'msg-receive', { shipmentId: 's-30' });
      await completeJob(engine, key, 'ship');
      expect(await waitsOf(engine, key)).toMatchObject([{ kind: 'message', correlationKey: 's-30' }]);
      // The sweeper removes it from the buffer.
      const db = await connectToEngineDatabase(engine.config.db);
      try {
        const buffered = async () => Number(((await db.query("SELECT COUNT(*) AS n FROM messages WHERE correlation_key = 's-30'")) as any)[0][0].n);
        await eventually(buffered, (n) => n === 0, 'the expired message to be removed');
      } finally {
        await db.end();
      }
    } finally {
      await resetClock(engine);
    }
  });

  it('correlation answers with the oldest waiting instance at once; 404 when nothing waits; not buffered', async () => {
    const first = await start(engine, 'msg-catch', { orderId: 'r-1' });
    const second = await start(engine, 'msg-catch', { orderId: 'r-1' });
    const correlated = await send(engine, 'POST', '/v2/messages/correlation', { name: 'payment-received', correlationKey: 'r-1', variables: { amount: 7 } });
    expect(correlated.status, JSON.stringify(correlated.body)).toBe(200);
    expect(correlated.body).toEqual({ tenantId: '<default>', messageKey: expect.stringMatching(/^\d+$/), processInstanceKey: first });
    // Synchronous: done when answered.
    expect((await instance(engine, first)).state).toBe('COMPLETED');
    expect((await instance(engine, second)).state).toBe('ACTIVE');
    expect((await historyOf(engine, first)).find((e) => e.eventType === 'MESSAGE_CORRELATED')).toMatchObject({ command: 'CORRELATE_MESSAGE', actor: 'demo' });

    const nobody = await send(engine, 'POST', '/v2/messages/correlation', { name: 'payment-received', correlationKey: 'r-404' });
    expect(nobody.status).toBe(404);
    expect(nobody.body).toMatchObject({ code: 'MESSAGE.NO_SUBSCRIPTION', title: 'NOT_FOUND' });
    // Not buffered: an instance that subscribes afterwards does not get it.
    const later = await start(engine, 'msg-catch', { orderId: 'r-404' });
    expect(await waitsOf(engine, later)).toHaveLength(1);
  });

  it('names and keys are plain text, not FEEL: "=orderId" is that very key', async () => {
    const literal = await start(engine, 'msg-catch', { orderId: '=orderId' });
    const other = await start(engine, 'msg-catch', { orderId: 'f-1' });
    await publish(engine, { name: 'payment-received', correlationKey: '=orderId', variables: { amount: 1 } });
    await reaches(engine, literal, 'COMPLETED');
    expect((await instance(engine, other)).state).toBe('ACTIVE');
  });

  it('refuses bad input precisely, and publishes nothing then', async () => {
    const cases: Array<[Record<string, unknown>, number, string, string?]> = [
      [{}, 400, 'REQUEST.INVALID_BODY', 'name'],
      [{ name: '' }, 400, 'REQUEST.INVALID_BODY', 'name'],
      [{ name: 'x'.repeat(257) }, 400, 'REQUEST.INVALID_BODY', 'name'],
      [{ name: 'x', correlationKey: 'k'.repeat(257) }, 400, 'REQUEST.INVALID_BODY', 'correlationKey'],
      [{ name: 'x', variables: [1] }, 400, 'REQUEST.INVALID_BODY', 'variables'],
      [{ name: 'x', variables: 'a=1' }, 400, 'REQUEST.INVALID_BODY', 'variables'],
      [{ name: 'x', timeToLive: -1 }, 400, 'REQUEST.INVALID_BODY', 'timeToLive'],
      [{ name: 'x', timeToLive: 365 * 24 * 3600 * 1000 + 1 }, 400, 'REQUEST.INVALID_BODY', 'timeToLive'],
      [{ name: 'x', timeToLive: 1.5 }, 400, 'REQUEST.INVALID_BODY', 'timeToLive'],
      [{ name: 'x', messageId: '' }, 400, 'REQUEST.INVALID_BODY', 'messageId'],
      [{ name: 'x', unknown: 1 }, 400, 'REQUEST.INVALID_BODY'],
      [{ name: 'x', tenantId: 'other' }, 400, 'MESSAGE.UNKNOWN_TENANT'],
    ];
    for (const [body, status, code, property] of cases) {
      const result = await send(engine, 'POST', '/v2/messages/publication', body);
      expect(result.status, JSON.stringify(body)).toBe(status);
      expect(result.body.code, JSON.stringify(body)).toBe(code);
      if (property) expect(result.body.violations.map((v: any) => v.property), JSON.stringify(body)).toContain(property);
    }
    const correlation = await send(engine, 'POST', '/v2/messages/correlation', { name: 'x', timeToLive: 5 });
    expect(correlation.status).toBe(400);
    expect(correlation.body.code).toBe('REQUEST.INVALID_BODY');
    expect((await engine.request('/v2/messages/publication', { json: { name: 'x' }, user: null })).status).toBe(401);
    // They reach running instances: for workers (systems) and admins, not for employees or analysts.
    for (const user of ['emma', 'anna']) {
      for (const path of ['/v2/messages/publication', '/v2/messages/correlation']) {
        const forbidden = await send(engine, 'POST', path, { name: 'payment-received', correlationKey: 'o-1' }, user);
        expect(forbidden.status, `${user} ${path}`).toBe(403);
        expect(forbidden.body.code).toBe('AUTH.FORBIDDEN');
      }
    }
  });

  it('the subscription search filters, sorts and pages like every search, and checks its state values', async () => {
    const created = await subscriptions({ messageSubscriptionState: 'CREATED', processDefinitionId: 'msg-catch' });
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((s) => s.messageSubscriptionState === 'CREATED')).toBe(true);
    const page = await send(engine, 'POST', '/v2/message-subscriptions/search', { sort: [{ field: 'messageName', order: 'DESC' }], page: { limit: 2 } });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.page.totalItems).toBeGreaterThan(2);
    const bad = await send(engine, 'POST', '/v2/message-subscriptions/search', { filter: { messageSubscriptionState: 'OPEN' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('SEARCH.INVALID_FILTER_VALUE');
    expect((await send(engine, 'POST', '/v2/message-subscriptions/search', {}, 'emma')).status).toBe(403);
  });

  it('waits of an unknown instance: 404', async () => {
    const unknown = await send(engine, 'GET', '/v2/process-instances/123456789/waits');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PROCESS_INSTANCE.NOT_FOUND');
    expect(await eventsOf(engine, await start(engine, 'msg-catch', { orderId: 'w-1' }), ['SUBSCRIPTION_OPENED'])).toEqual(['SUBSCRIPTION_OPENED wait-payment']);
  });
});
