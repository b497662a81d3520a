import type mysql from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { historyOf, send, tasksOf } from '../support/process-api.js';
import { connectToEngineDatabase, startTestEngine, type TestEngine } from '../support/test-engine.js';
import { deployXml, HEADER, instancesOf, pinClock, resetClock, start, userTask, waitsFor } from './event-api.js';

/**
 * Timer start events (a date, an ISO 8601 cycle, a cron expression; the schedule of the latest
 * version, replaced or removed by a new one; a due time that passed meanwhile fires once) and
 * timer cycles on a non-interrupting boundary event and an event subprocess start, moved along
 * with the engine clock (PUT /v2/clock).
 */
function timerStarted(id: string, definition: string, version = ''): string {
  return `${HEADER}
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="scheduled">${definition}</bpmn:startEvent>
    ${userTask(`handle${version}`)}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="scheduled" targetRef="handle${version}" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle${version}" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

function cycle(text: string): string {
  return `<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${text}</bpmn:timeCycle></bpmn:timerEventDefinition>`;
}

function date(text: string): string {
  return `<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${text}</bpmn:timeDate></bpmn:timerEventDefinition>`;
}

const REMINDERS = `${HEADER}
  <bpmn:process id="tm-reminders" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${userTask('approve')}
    <bpmn:boundaryEvent id="remind" attachedToRef="approve" cancelActivity="false">${cycle('R3/PT10S')}</bpmn:boundaryEvent>
    ${userTask('reminder')}
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="reminded" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
    <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
    <bpmn:sequenceFlow id="f3" sourceRef="remind" targetRef="reminder" />
    <bpmn:sequenceFlow id="f4" sourceRef="reminder" targetRef="reminded" />
    <bpmn:subProcess id="hourly-report" triggeredByEvent="true">
      <bpmn:startEvent id="every-hour" isInterrupting="false">${cycle('R/PT1H')}</bpmn:startEvent>
      <bpmn:endEvent id="reported" />
      <bpmn:sequenceFlow id="h1" sourceRef="every-hour" targetRef="reported" />
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;

describe('timer start events and timer cycles', () => {
  let engine: TestEngine;
  let db: mysql.Connection;
  /** The engine clock the current test has moved to (real time at its start). */
  let now: number;

  beforeAll(async () => {
    engine = await startTestEngine({ clockControl: true });
    db = await connectToEngineDatabase(engine.config.db);
  });

  afterEach(async () => {
    await resetClock(engine);
  });

  afterAll(async () => {
    await db?.end();
    await engine?.stop();
  });

  /** The process's scheduled timer start occurrences: `elementId dueDate remaining`. */
  async function schedule(processId: string): Promise<string[]> {
    const [rows] = (await db.query('SELECT element_id, due_date, cycle_remaining FROM start_timers WHERE process_definition_id = ? ORDER BY due_date', [processId])) as [any[], unknown];
    return rows.map((r) => `${r.element_id} ${new Date(r.due_date).toISOString()} ${r.cycle_remaining}`);
  }

  async function moveClock(ms: number): Promise<void> {
    now += ms;
    await pinClock(engine, now);
  }

  async function countOf(processId: string, expected: number): Promise<any[]> {
    return eventually(() => instancesOf(engine, processId), (items) => items.length === expected, `${expected} instances of ${processId}`);
  }

  it('a time date starts one instance when it is due', async () => {
    now = Date.now();
    await pinClock(engine, now);
    const due = new Date(now + 3_600_000).toISOString();
    await deployXml(engine, 'tm-date.bpmn', timerStarted('tm-date', date(due)));
    expect(await schedule('tm-date')).toEqual([`scheduled ${due} null`]);
    await moveClock(60_000);
    expect(await instancesOf(engine, 'tm-date')).toEqual([]);
    await moveClock(3_600_000);
    const [started] = await countOf('tm-date', 1);
    expect(started.state).toBe('ACTIVE');
    const created = (await historyOf(engine, started.processInstanceKey)).find((e) => e.eventType === 'PROCESS_INSTANCE_CREATED');
    expect(created).toMatchObject({ command: 'TRIGGER_TIMER', actor: 'system' });
    // A date fires once: nothing is scheduled any more.
    expect(await schedule('tm-date')).toEqual([]);
  });

  it('an ISO 8601 cycle starts an instance per occurrence until its repetitions end; time that passed meanwhile fires once, not once per missed period', async () => {
    now = Date.now();
    await pinClock(engine, now);
    await deployXml(engine, 'tm-cycle.bpmn', timerStarted('tm-cycle', cycle('R3/PT1M')));
    const start = now;
    expect(await schedule('tm-cycle')).toEqual([`scheduled ${new Date(start + 60_000).toISOString()} 3`]);
    await moveClock(61_000);
    await countOf('tm-cycle', 1);
    // Ten minutes pass at once (as when the engine was down): one start, not nine; the next is the first one after now.
    await moveClock(10 * 60_000);
    await countOf('tm-cycle', 2);
    expect(await schedule('tm-cycle')).toEqual([`scheduled ${new Date(start + 12 * 60_000).toISOString()} 1`]);
    await moveClock(60_000);
    await countOf('tm-cycle', 3);
    expect(await schedule('tm-cycle')).toEqual([]);
  });

  it('a cron cycle starts an instance at each of its times (UTC)', async () => {
    now = Date.now();
    await pinClock(engine, now);
    await deployXml(engine, 'tm-cron.bpmn', timerStarted('tm-cron', cycle('0 0 * * * *')));
    const nextHour = Math.ceil((now + 1) / 3_600_000) * 3_600_000;
    await moveClock(nextHour - now + 1_000);
    await countOf('tm-cron', 1);
    await moveClock(3_600_000);
    await countOf('tm-cron', 2);
  });

  it('the schedule belongs to the latest version: a new version replaces it, one without a timer start event removes it', async () => {
    now = Date.now();
    await pinClock(engine, now);
    await deployXml(engine, 'tm-versions.bpmn', timerStarted('tm-versions', cycle('R/PT1M')));
    await moveClock(61_000);
    await countOf('tm-versions', 1);

    await deployXml(engine, 'tm-versions.bpmn', timerStarted('tm-versions', cycle('R/PT1H'), '-v2'));
    expect(await schedule('tm-versions')).toEqual([`scheduled ${new Date(now + 3_600_000).toISOString()} null`]);
    await moveClock(3_600_000);
    const started = await countOf('tm-versions', 2);
    expect(started.at(-1)).toMatchObject({ processDefinitionVersion: 2 });

    await deployXml(engine, 'tm-versions.bpmn', `${HEADER}
  <bpmn:process id="tm-versions" isExecutable="true"><bpmn:startEvent id="scheduled" /><bpmn:endEvent id="end" /><bpmn:sequenceFlow id="f1" sourceRef="scheduled" targetRef="end" /></bpmn:process>
</bpmn:definitions>`);
    expect(await schedule('tm-versions')).toEqual([]);
  });

  it('a non-interrupting boundary cycle reminds three times while its task waits; an event subprocess timer cycle runs beside the process', async () => {
    now = Date.now();
    await pinClock(engine, now);
    await deployXml(engine, 'tm-reminders.bpmn', REMINDERS);
    const key = await start(engine, 'tm-reminders');
    expect(await waitsFor(engine, key, { catchElementId: 'remind' })).toMatchObject({ kind: 'timer', interrupting: false, cycle: 'R3/PT10S', repetitionsLeft: 3, dueDate: new Date(now + 10_000).toISOString() });
    expect(await waitsFor(engine, key, { catchElementId: 'every-hour' })).toMatchObject({ kind: 'timer', interrupting: false, cycle: 'R/PT1H', repetitionsLeft: null, elementId: 'tm-reminders' });

    for (let reminder = 1; reminder <= 3; reminder++) {
      await moveClock(10_000);
      await eventually(() => tasksOf(engine, key), (tasks) => tasks.filter((t) => t.elementId === 'reminder').length === reminder, `reminder ${reminder}`);
      if (reminder < 3) expect(await waitsFor(engine, key, { catchElementId: 'remind' })).toMatchObject({ repetitionsLeft: 3 - reminder });
    }
    await moveClock(10_000);
    await eventually(() => historyOf(engine, key), (events) => events.filter((e) => e.eventType === 'TIMER_TRIGGERED' && e.elementId === 'remind').length === 3, 'three reminders');
    expect((await tasksOf(engine, key)).filter((t) => t.elementId === 'reminder')).toHaveLength(3);
    expect((await send(engine, 'GET', `/v2/process-instances/${key}/waits`)).body.items.map((w: any) => w.catchElementId)).toEqual(['every-hour']);

    await moveClock(3_600_000);
    await eventually(() => historyOf(engine, key), (events) => events.filter((e) => e.eventType === 'ELEMENT_COMPLETED' && e.elementId === 'hourly-report').length === 1, 'the hourly report');
  });
});
