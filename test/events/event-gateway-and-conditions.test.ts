import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { elementOf, historyOf, instance, send, tasksOf, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { broadcast, completeJob, deployXml, HEADER, message, pinClock, publish, reaches, resetClock, serviceTask, start, userTask, waitsFor, waitsOf } from './event-api.js';

/**
 * The event-based gateway (the first of a message, a timer and a signal wins and closes the
 * others in the same transaction) and conditional events (catch, non-interrupting boundary,
 * interrupting event subprocess start) triggered by PUT /v2/element-instances/{key}/variables and
 * by a job's completion variables, on a real engine with BullMQ timers and the engine clock.
 */
const GATEWAY = `${HEADER}
  ${message('paid', 'payment-received')}
  <bpmn:signal id="cancel" name="shop-closed" />
  <bpmn:process id="gw-order" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:eventBasedGateway id="which-first" />
    <bpmn:intermediateCatchEvent id="payment"><bpmn:messageEventDefinition messageRef="paid" /></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="closed"><bpmn:signalEventDefinition signalRef="cancel" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="paid-end" />
    <bpmn:endEvent id="timeout-end" />
    <bpmn:endEvent id="closed-end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="which-first" />
    <bpmn:sequenceFlow id="f2" sourceRef="which-first" targetRef="payment" />
    <bpmn:sequenceFlow id="f3" sourceRef="which-first" targetRef="timeout" />
    <bpmn:sequenceFlow id="f4" sourceRef="which-first" targetRef="closed" />
    <bpmn:sequenceFlow id="f5" sourceRef="payment" targetRef="paid-end" />
    <bpmn:sequenceFlow id="f6" sourceRef="timeout" targetRef="timeout-end" />
    <bpmn:sequenceFlow id="f7" sourceRef="closed" targetRef="closed-end" />
  </bpmn:process>
</bpmn:definitions>`;

function condition(expression: string): string {
  return `<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">${expression}</bpmn:condition></bpmn:conditionalEventDefinition>`;
}

const CONDITIONS = `${HEADER}
  <bpmn:process id="cond-order" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${serviceTask('prepare', 'cond-prepare')}
    <bpmn:intermediateCatchEvent id="wait-ready">${condition('=ready = true')}</bpmn:intermediateCatchEvent>
    ${userTask('task')}
    <bpmn:boundaryEvent id="urgent" attachedToRef="task" cancelActivity="false">${condition('=priority &gt; 5')}</bpmn:boundaryEvent>
    ${userTask('escalate')}
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="escalated" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="prepare" />
    <bpmn:sequenceFlow id="f2" sourceRef="prepare" targetRef="wait-ready" />
    <bpmn:sequenceFlow id="f3" sourceRef="wait-ready" targetRef="task" />
    <bpmn:sequenceFlow id="f4" sourceRef="task" targetRef="end" />
    <bpmn:sequenceFlow id="f5" sourceRef="urgent" targetRef="escalate" />
    <bpmn:sequenceFlow id="f6" sourceRef="escalate" targetRef="escalated" />
    <bpmn:subProcess id="on-cancel" triggeredByEvent="true">
      <bpmn:startEvent id="cancelled">${condition('=cancelled = true')}</bpmn:startEvent>
      <bpmn:endEvent id="cancel-end" />
      <bpmn:sequenceFlow id="c1" sourceRef="cancelled" targetRef="cancel-end" />
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

describe('event-based gateway and conditional events', () => {
  let engine: TestEngine;
  let redis: Redis;
  let timers: Queue;

  beforeAll(async () => {
    engine = await startTestEngine({ clockControl: true });
    redis = new Redis(engine.config.redis.url, { maxRetriesPerRequest: null });
    timers = new Queue('timers', { connection: redis, prefix: engine.config.redis.bullPrefix });
    await deployXml(engine, 'gw-order.bpmn', GATEWAY);
    await deployXml(engine, 'cond-order.bpmn', CONDITIONS);
  });

  afterAll(async () => {
    await timers?.close();
    redis?.disconnect();
    await engine?.stop();
  });

  async function setVariables(elementInstanceKey: string, variables: Record<string, unknown>): Promise<void> {
    const set = await send(engine, 'PUT', `/v2/element-instances/${elementInstanceKey}/variables`, { variables });
    expect(set.status, JSON.stringify(set.body)).toBe(204);
  }

  it('the gateway waits for a message, a timer and a signal at once; the message wins and closes the timer (off BullMQ too) and the signal subscription', async () => {
    const key = await start(engine, 'gw-order', { orderId: 'g-1' });
    const gateway = await elementOf(engine, key, 'which-first');
    const waits = await waitsOf(engine, key);
    expect(waits.map((w) => `${w.kind} ${w.catchElementId} ${w.elementInstanceKey === gateway.elementInstanceKey}`).sort()).toEqual([
      'message payment true',
      'signal closed true',
      'timer timeout true',
    ]);
    const timerKey = (await historyOf(engine, key)).find((e) => e.eventType === 'TIMER_CREATED').details.timer.timerKey;
    expect(await timers.getJob(`timer-${timerKey}`)).toBeTruthy();

    await publish(engine, { name: 'payment-received', correlationKey: 'g-1', variables: { amount: 3 } });
    await reaches(engine, key, 'COMPLETED');
    expect((await elementOf(engine, key, 'paid-end')).state).toBe('COMPLETED');
    expect(await variablesIn(engine, key)).toEqual({ orderId: 'g-1', amount: 3 });
    const closed = (await historyOf(engine, key)).filter((e) => ['TIMER_CANCELED', 'SUBSCRIPTION_CLOSED'].includes(e.eventType)).map((e) => `${e.command} ${e.eventType}`);
    expect(closed.sort()).toEqual(['CORRELATE_MESSAGE SUBSCRIPTION_CLOSED', 'CORRELATE_MESSAGE SUBSCRIPTION_CLOSED', 'CORRELATE_MESSAGE TIMER_CANCELED']);
    await eventually(async () => (await timers.getJob(`timer-${timerKey}`)) ?? null, (job) => job === null, 'the timer job to be removed');
  });

  it('the timer wins when it is due first (engine clock): the message subscription closes and a later message finds nothing', async () => {
    const key = await start(engine, 'gw-order', { orderId: 'g-2' });
    await pinClock(engine, Date.now() + 3_600_000 + 1_000);
    try {
      await reaches(engine, key, 'COMPLETED');
      expect((await elementOf(engine, key, 'timeout-end')).state).toBe('COMPLETED');
      const nobody = await send(engine, 'POST', '/v2/messages/correlation', { name: 'payment-received', correlationKey: 'g-2' });
      expect(nobody.status).toBe(404);
      const [subscription] = (await send(engine, 'POST', '/v2/message-subscriptions/search', { filter: { processInstanceKey: key } })).body.items;
      expect(subscription.messageSubscriptionState).toBe('DELETED');
    } finally {
      await resetClock(engine);
    }
  });

  it('the signal wins when it comes first', async () => {
    const key = await start(engine, 'gw-order', { orderId: 'g-3' });
    await broadcast(engine, 'shop-closed');
    await reaches(engine, key, 'COMPLETED');
    expect((await elementOf(engine, key, 'closed-end')).state).toBe('COMPLETED');
  });

  it('conditions: a catch event and a non-interrupting boundary fire when PUT variables make them true', async () => {
    const key = await start(engine, 'cond-order', { ready: false, priority: 1 });
    await completeJob(engine, key, 'prepare');
    const wait = await waitsFor(engine, key, { catchElementId: 'wait-ready' });
    expect(wait).toMatchObject({ kind: 'conditional', condition: 'ready = true', interrupting: true });
    expect(await waitsFor(engine, key, { catchElementId: 'cancelled' })).toMatchObject({ kind: 'conditional', condition: 'cancelled = true', elementId: 'cond-order' });

    await setVariables(key, { ready: true });
    const task = await elementOf(engine, key, 'task');
    expect(task.state).toBe('ACTIVE');
    expect(await waitsFor(engine, key, { catchElementId: 'urgent' })).toMatchObject({ interrupting: false, elementInstanceKey: task.elementInstanceKey, condition: 'priority > 5' });

    // Still false: nothing; turning true: the boundary fires beside the task.
    await setVariables(key, { priority: 3 });
    expect((await tasksOf(engine, key)).map((t) => t.elementId)).toEqual(['task']);
    await setVariables(key, { priority: 7 });
    expect((await tasksOf(engine, key)).map((t) => t.elementId)).toEqual(['task', 'escalate']);
    const triggered = (await historyOf(engine, key)).filter((e) => e.eventType === 'CONDITION_TRIGGERED').map((e) => `${e.command} ${e.elementId}`);
    expect(triggered).toEqual(['SET_VARIABLES wait-ready', 'SET_VARIABLES urgent']);
    expect((await instance(engine, key)).state).toBe('ACTIVE');
  });

  it('conditions: a job completing with variables that make an event subprocess condition true interrupts the process', async () => {
    const key = await start(engine, 'cond-order', { ready: false, priority: 1, cancelled: false });
    await completeJob(engine, key, 'prepare', { cancelled: true });
    await reaches(engine, key, 'COMPLETED');
    expect((await elementOf(engine, key, 'cancel-end')).state).toBe('COMPLETED');
    expect((await historyOf(engine, key)).find((e) => e.eventType === 'CONDITION_TRIGGERED')).toMatchObject({ command: 'COMPLETE_JOB', elementId: 'cancelled' });
  });
});
