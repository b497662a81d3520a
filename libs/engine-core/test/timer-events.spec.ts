import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, DEFAULT_NOW, passes } from './support/core-harness.js';

const at = (seconds: number) => new Date(Date.parse(DEFAULT_NOW) + seconds * 1000).toISOString();

/**
 * Intermediate timer catch events (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/timer-events/):
 * "When an intermediate timer catch event is entered, a corresponding timer is scheduled. The
 * process instance stops at this point and waits until the timer is triggered." A time duration
 * counts from the moment the event is entered; a time date is an instant; both may be FEEL.
 */
describe('intermediate timer catch event', () => {
  it('given a static duration (written PT30s), when the event is entered, then a timer due 30 s later holds it until TRIGGER_TIMER completes it', async () => {
    const h = await CoreHarness.load('timer-catch.bpmn');

    expect(h.create().slice(-3)).toEqual(['ELEMENT_ACTIVATING wait', 'TIMER_CREATED wait due in 30s', 'ELEMENT_ACTIVATED wait']);
    expect(h.snapshot.timers).toEqual([{ timerKey: expect.any(String), elementInstanceKey: h.element('wait').elementInstanceKey, elementId: 'wait', dueDate: at(30), state: 'ACTIVE' }]);

    expect(h.triggerTimer('wait')).toEqual(['TIMER_TRIGGERED wait', ...completes('wait'), 'SEQUENCE_FLOW_TAKEN f-end', ...passes('end'), ...completes('timer-catch')]);
    expect(h.snapshot.timers).toEqual([]);
    expect([...h.state.timers.values()].map((timer) => timer.state)).toEqual(['TRIGGERED']);
  });

  it('refuses a trigger before the due date (TIMER.NOT_DUE): an early delivery changes nothing', async () => {
    const h = await CoreHarness.load('timer-catch.bpmn');
    h.create();
    const { timerKey } = h.timer('wait');

    h.advance(29);
    expect(h.reject({ type: 'TRIGGER_TIMER', timerKey })).toMatchObject({ kind: 'INVALID_STATE', code: 'TIMER.NOT_DUE' });
    expect(h.activeElements()).toEqual(['timer-catch:ACTIVATED', 'wait:ACTIVATED']);

    h.advance(1);
    h.accept({ type: 'TRIGGER_TIMER', timerKey });
    expect(h.reject({ type: 'TRIGGER_TIMER', timerKey })).toMatchObject({ kind: 'INVALID_STATE', code: 'PROCESS_INSTANCE.NOT_ACTIVE' });
  });

  it('a trigger for a timer that is no longer active finds nothing: only active timers are loaded (TIMER.NOT_FOUND, the scheduler drops it)', async () => {
    const h = await CoreHarness.load('boundary-timer.bpmn');
    h.create({ limitMinutes: 10 });
    const { timerKey } = h.timer('review-timeout');
    h.completeUserTask('review');
    h.advance(3600);
    expect(h.reject({ type: 'TRIGGER_TIMER', timerKey })).toMatchObject({ kind: 'NOT_FOUND', code: 'TIMER.NOT_FOUND' });
    // a store that loaded it anyway gets TIMER.NOT_ACTIVE
    const canceled = h.state.timers.get(timerKey)!;
    h.snapshot = { ...h.snapshot, timers: [canceled] };
    expect(h.reject({ type: 'TRIGGER_TIMER', timerKey })).toMatchObject({ kind: 'INVALID_STATE', code: 'TIMER.NOT_ACTIVE' });
  });

  it('evaluates FEEL durations (duration("PT" + string(x) + "S"), as zeebe-chaos actionRunner), static dates with offset and FEEL date-times', async () => {
    const h = await CoreHarness.load('timer-catch-kinds.bpmn');

    expect(h.create({ action: { pauses: { after: 5 } }, due: '2026-03-06T10:00:00+01:00' }).slice(-3)).toEqual([
      'ELEMENT_ACTIVATING pause',
      'TIMER_CREATED pause due in 5s',
      'ELEMENT_ACTIVATED pause',
    ]);
    expect(h.timer('pause').dueDate).toBe(at(5));

    expect(h.triggerTimer('pause').slice(-3)).toEqual(['ELEMENT_ACTIVATING opening', 'TIMER_CREATED opening due 2026-03-05T07:00:00.000Z', 'ELEMENT_ACTIVATED opening']);
    // the catch event's output mappings run when it completes
    expect(h.triggerTimer('opening')).toEqual([
      'TIMER_TRIGGERED opening',
      'ELEMENT_COMPLETING opening',
      'VARIABLE_CREATED opened=true @timer-catch-kinds',
      'ELEMENT_COMPLETED opening',
      'SEQUENCE_FLOW_TAKEN f-opening',
      'ELEMENT_ACTIVATING deadline',
      'TIMER_CREATED deadline due 2026-03-06T10:00:00.000Z',
      'ELEMENT_ACTIVATED deadline',
    ]);
    expect(h.triggerTimer('deadline').at(-1)).toBe('ELEMENT_COMPLETED timer-catch-kinds');
  });

  it('given a FEEL duration that is not a duration, then an incident EXTRACT_VALUE_ERROR holds the event at ACTIVATING; fixed and resolved, the timer is created', async () => {
    const h = await CoreHarness.load('timer-catch-kinds.bpmn');

    expect(h.create({ action: { pauses: { after: 'soon' } } }).slice(-2)).toEqual(['ELEMENT_ACTIVATING pause', 'INCIDENT_CREATED pause EXTRACT_VALUE_ERROR']);
    expect(h.snapshot.timers).toEqual([]);

    h.setVariables({ action: { pauses: { after: 60 } } });
    expect(h.resolveIncident('pause')).toEqual(['INCIDENT_RESOLVED pause', 'TIMER_CREATED pause due in 60s', 'ELEMENT_ACTIVATED pause']);
  });

  it('canceling the instance cancels the timer', async () => {
    const h = await CoreHarness.load('timer-catch.bpmn');
    h.create();
    expect(h.cancel()).toEqual(['ELEMENT_TERMINATING timer-catch', 'ELEMENT_TERMINATING wait', 'TIMER_CANCELED wait', 'ELEMENT_TERMINATED wait', 'ELEMENT_TERMINATED timer-catch']);
    expect(h.state.changes().timers.map((timer) => timer.state)).toEqual(['CANCELED']);
  });

  it('a timer race (zeebe-process-test test_timer_events): the first timer ends the instance through a terminate end event and the other is canceled', async () => {
    const h = await CoreHarness.load(new URL('../../../../shared/models/camunda8/zeebe-process-test__test_timer_events.bpmn', import.meta.url));
    h.create();
    expect(h.snapshot.timers.map((timer) => timer.elementId)).toEqual(['TimerEvent_Wait30d']);
    h.completeJob('Activity_InvokeDummyWorker');
    expect(h.triggerTimer('TimerEvent_Wait1s')).toEqual([
      'TIMER_TRIGGERED TimerEvent_Wait1s',
      ...completes('TimerEvent_Wait1s'),
      'SEQUENCE_FLOW_TAKEN Flow_0cajt90',
      'ELEMENT_ACTIVATING EndEvent_FastFlow',
      'ELEMENT_TERMINATING TimerEvent_Wait30d',
      'TIMER_CANCELED TimerEvent_Wait30d',
      'ELEMENT_TERMINATED TimerEvent_Wait30d',
      'ELEMENT_ACTIVATED EndEvent_FastFlow',
      ...completes('EndEvent_FastFlow'),
      ...completes('Process_Timer_Test_01'),
    ]);
  });
});
