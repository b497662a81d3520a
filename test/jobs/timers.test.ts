import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { until } from '../support/eventually.js';
import { elementOf, historyOf, instance, send, tasksOf } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Timers in real time, without clock control: BullMQ's delayed job fires a timer catch event and
 * an interrupting boundary timer; when the BullMQ job is lost, the sweeper fires the timer from
 * MySQL; a timer whose element ended is cancelled with it.
 */
const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://baton.local/test">`;

const WAIT = `${HEADER}
  <bpmn:process id="timers-wait" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">=duration("PT" + string(seconds) + "S")</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const ESCALATE = `${HEADER}
  <bpmn:process id="timers-escalate" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:boundaryEvent id="too-late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:endEvent id="reviewed" />
    <bpmn:endEvent id="escalated" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="reviewed" />
    <bpmn:sequenceFlow id="f3" sourceRef="too-late" targetRef="escalated" />
  </bpmn:process>
</bpmn:definitions>`;

describe('timers on BullMQ and the sweeper', () => {
  let engine: TestEngine;
  let redis: Redis;
  let timers: Queue;

  beforeAll(async () => {
    engine = await startTestEngine();
    redis = new Redis(engine.config.redis.url, { maxRetriesPerRequest: null });
    timers = new Queue('timers', { connection: redis, prefix: engine.config.redis.bullPrefix });
    const deployed = await deploy(engine, [
      { name: 'timers-wait.bpmn', content: WAIT },
      { name: 'timers-escalate.bpmn', content: ESCALATE },
    ]);
    expect(deployed.status).toBe(200);
  });

  afterAll(async () => {
    await timers?.close();
    redis?.disconnect();
    await engine?.stop();
  });

  async function start(processDefinitionId: string, variables: Record<string, unknown> = {}): Promise<string> {
    const created = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId, variables });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body.processInstanceKey;
  }

  async function reaches(processInstanceKey: string, state: string): Promise<void> {
    await until(async () => (await instance(engine, processInstanceKey)).state === state, `instance ${processInstanceKey} to become ${state}`);
  }

  it('a timer catch event (FEEL duration) waits, then BullMQ fires it', async () => {
    // 3 s: long enough that the timer is still on BullMQ when the test looks, on a busy machine too
    const key = await start('timers-wait', { seconds: 3 });
    const waiting = await elementOf(engine, key, 'wait');
    expect(waiting).toMatchObject({ type: 'INTERMEDIATE_CATCH_EVENT', state: 'ACTIVE' });
    const created = (await historyOf(engine, key)).find((e) => e.eventType === 'TIMER_CREATED');
    expect(Date.parse(created.details.timer.dueDate) - Date.parse(waiting.startDate)).toBe(3000);
    expect(await timers.getJob(`timer-${created.details.timer.timerKey}`)).toBeTruthy();

    await reaches(key, 'COMPLETED');
    const fired = (await historyOf(engine, key)).find((e) => e.eventType === 'TIMER_TRIGGERED');
    expect(fired).toMatchObject({ command: 'TRIGGER_TIMER', actor: 'system', elementId: 'wait' });
  });

  it('an interrupting boundary timer cancels the user task and takes its own path', async () => {
    const key = await start('timers-escalate');
    expect((await tasksOf(engine, key)).map((t) => t.state)).toEqual(['CREATED']);
    await reaches(key, 'COMPLETED');
    expect((await tasksOf(engine, key)).map((t) => t.state)).toEqual(['CANCELED']);
    expect((await elementOf(engine, key, 'review')).state).toBe('TERMINATED');
    expect((await elementOf(engine, key, 'escalated')).state).toBe('COMPLETED');
  });

  it('a task completed in time cancels its boundary timer (and its BullMQ job)', async () => {
    const key = await start('timers-escalate');
    const [task] = await tasksOf(engine, key);
    const timerKey = (await historyOf(engine, key)).find((e) => e.eventType === 'TIMER_CREATED').details.timer.timerKey;
    expect((await send(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, {})).status).toBe(204);
    expect((await instance(engine, key)).state).toBe('COMPLETED');
    expect((await historyOf(engine, key)).some((e) => e.eventType === 'TIMER_CANCELED')).toBe(true);
    expect(await timers.getJob(`timer-${timerKey}`)).toBeUndefined();
  });

  it('a timer whose BullMQ job was lost is fired by the sweeper from MySQL', async () => {
    // 3 s: long enough that the timer is still on BullMQ when the test looks, on a busy machine too
    const key = await start('timers-wait', { seconds: 3 });
    const timerKey = (await historyOf(engine, key)).find((e) => e.eventType === 'TIMER_CREATED').details.timer.timerKey;
    expect(await timers.remove(`timer-${timerKey}`)).toBe(1);
    await reaches(key, 'COMPLETED');
  });
});
