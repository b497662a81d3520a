import { describe, expect, it } from 'vitest';
import { CoreHarness, passes } from './support/core-harness.js';

/**
 * Escalations (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/escalation-events/) and
 * event subprocesses (docs.camunda.io/docs/components/modeler/bpmn/event-subprocesses/).
 */
describe('escalation events', () => {
  it('a non-interrupting catch runs beside the subprocess; an uncaught escalation is noted and the flow goes on; an interrupting catch-all ends the subprocess', async () => {
    const h = await CoreHarness.load('escalation-events.bpmn');
    const events = h.create();
    expect(events).toContain('ESCALATION_CAUGHT code=LATE by on-late (non-interrupting)');
    expect(events).toContain('ESCALATION_NOT_CAUGHT mumble code=NOBODY');
    expect(h.activeElements()).toEqual(['escalation-events:ACTIVATED', 'inner-task:ACTIVATED', 'notify:ACTIVATED', 'sub:ACTIVATED']);

    const after = h.completeUserTask('inner-task');
    expect(after).toContain('ESCALATION_CAUGHT code=FATAL by on-fatal');
    expect(after.slice(after.indexOf('ESCALATION_CAUGHT code=FATAL by on-fatal'))).toEqual([
      'ESCALATION_CAUGHT code=FATAL by on-fatal',
      'ELEMENT_TERMINATING sub2',
      'ELEMENT_TERMINATING give-up',
      'ELEMENT_TERMINATED give-up',
      'ELEMENT_TERMINATED sub2',
      ...passes('on-fatal'),
      'SEQUENCE_FLOW_TAKEN f-fatal',
      ...passes('aborted'),
    ]);
    expect(h.activeElements()).toEqual(['escalation-events:ACTIVATED', 'notify:ACTIVATED']);
  });
});

describe('event subprocesses', () => {
  it('an error event subprocess of the process catches a job error: everything else ends, it runs, then the process completes', async () => {
    const h = await CoreHarness.load('event-subprocess.bpmn');
    h.create({ orderId: 'o-1' });
    expect(h.subscriptions()).toEqual(['cancel-start message cancel key=o-1']);
    expect(h.snapshot.timers.map((t) => t.elementId)).toEqual(['remind-start']);

    const events = h.throwJobError('job', 'FAIL', { reason: 'x' });
    expect(events).toContain('ERROR_CAUGHT code=FAIL by error-start');
    expect(events.slice(-8)).toEqual([...passes('error-end'), 'ELEMENT_COMPLETING on-error', 'ELEMENT_COMPLETED on-error', 'ELEMENT_COMPLETING event-subprocess', 'ELEMENT_COMPLETED event-subprocess']);
    expect(h.subscriptions()).toEqual([]);
    expect(h.snapshot.timers).toEqual([]);
  });

  it('a non-interrupting timer cycle starts its event subprocess each time, twice (R2), beside the work', async () => {
    const h = await CoreHarness.load('event-subprocess.bpmn');
    h.create({ orderId: 'o-1' });
    expect(h.triggerTimer('remind-start').slice(0, 3)).toEqual(['TIMER_TRIGGERED remind-start', 'ELEMENT_ACTIVATING reminder', 'ELEMENT_ACTIVATED reminder']);
    expect(h.snapshot.timers.map((t) => `${t.elementId} ${t.cycle?.remaining}`)).toEqual(['remind-start 1']);
    h.triggerTimer('remind-start');
    expect(h.snapshot.timers).toEqual([]);
    expect(h.activeElements()).toEqual(['event-subprocess:ACTIVATED', 'job:ACTIVATED']);
  });

  it('an interrupting message event subprocess terminates the work and closes the other event subprocesses', async () => {
    const h = await CoreHarness.load('event-subprocess.bpmn');
    h.create({ orderId: 'o-1' });
    const events = h.correlate('cancel', 'o-1', { why: 'customer' });
    expect(events.slice(0, 8)).toEqual([
      `MESSAGE_CORRELATED cancel-start 'cancel' [why]`,
      'TIMER_CANCELED remind-start',
      'SUBSCRIPTION_CLOSED cancel-start',
      'ELEMENT_TERMINATING job',
      'JOB_CANCELED job',
      'ELEMENT_TERMINATED job',
      'ELEMENT_ACTIVATING on-cancel',
      'ELEMENT_ACTIVATED on-cancel',
    ]);
    expect(h.activeElements()).toEqual(['cancel-note:ACTIVATED', 'event-subprocess:ACTIVATED', 'on-cancel:ACTIVATED']);
    expect(h.rootVariables()).toEqual({ orderId: 'o-1', why: 'customer' });
    h.completeUserTask('cancel-note');
    expect(h.state.instance!.state).toBe('COMPLETED');
  });

  it('an error event subprocess inside a subprocess catches an error thrown there', async () => {
    const h = await CoreHarness.load('subprocess-error-esp.bpmn');
    h.create();
    const events = h.throwJobError('job', 'BAD');
    expect(events).toContain('ERROR_CAUGHT code=BAD by fix-start');
    expect(h.activeElements()).toEqual(['fix-it:ACTIVATED', 'fix:ACTIVATED', 'sub:ACTIVATED', 'subprocess-error-esp:ACTIVATED']);
    h.completeUserTask('fix');
    expect(h.state.instance!.state).toBe('COMPLETED');
  });
});

describe('conditional, link and timer-cycle events', () => {
  it('an intermediate conditional event waits until its condition turns true; a non-interrupting conditional boundary fires when its condition turns true, not again while it stays true', async () => {
    const h = await CoreHarness.load('conditional-events.bpmn');
    h.create({ ready: false });
    expect(h.activeElements()).toEqual(['conditional-events:ACTIVATED', 'wait-ready:ACTIVATED']);
    expect(h.setVariables({ ready: true })).toContain('CONDITION_TRIGGERED wait-ready');
    expect(h.activeElements()).toEqual(['conditional-events:ACTIVATED', 'task:ACTIVATED']);

    expect(h.setVariables({ priority: 3 })).not.toContain('CONDITION_TRIGGERED urgent');
    expect(h.setVariables({ priority: 8 })).toContain('CONDITION_TRIGGERED urgent');
    expect(h.setVariables({ priority: 9 })).not.toContain('CONDITION_TRIGGERED urgent');
    h.setVariables({ priority: 1 });
    expect(h.setVariables({ priority: 7 })).toContain('CONDITION_TRIGGERED urgent');
    expect(h.activeElements()).toEqual(['conditional-events:ACTIVATED', 'escalate:ACTIVATED', 'escalate:ACTIVATED', 'task:ACTIVATED']);
  });

  it('a condition that holds on entry triggers at once', async () => {
    const h = await CoreHarness.load('conditional-events.bpmn');
    const events = h.create({ ready: true });
    expect(events).toContain('CONDITION_TRIGGERED wait-ready');
    expect(h.activeElements()).toEqual(['conditional-events:ACTIVATED', 'task:ACTIVATED']);
  });

  it('a link throw event continues at its link catch event', async () => {
    const h = await CoreHarness.load('link-events.bpmn');
    expect(h.create().slice(-8)).toEqual([...passes('go'), ...passes('land'), 'SEQUENCE_FLOW_TAKEN f2', 'ELEMENT_ACTIVATING task', 'USER_TASK_CREATED task', 'ELEMENT_ACTIVATED task'].slice(-8));
  });

  it('a non-interrupting timer cycle reminds three times (R3), and stops with its task', async () => {
    const h = await CoreHarness.load('timer-cycle-boundary.bpmn');
    h.create();
    expect(h.snapshot.timers.map((t) => `${t.elementId} ${t.cycle?.remaining}`)).toEqual(['remind 3']);
    h.triggerTimer('remind');
    h.triggerTimer('remind');
    expect(h.snapshot.timers.map((t) => `${t.elementId} ${t.cycle?.remaining}`)).toEqual(['remind 1']);
    h.triggerTimer('remind');
    expect(h.snapshot.timers).toEqual([]);
    expect(h.activeElements()).toEqual(['task:ACTIVATED', 'timer-cycle-boundary:ACTIVATED']);

    const again = await CoreHarness.load('timer-cycle-boundary.bpmn');
    again.create();
    again.triggerTimer('remind');
    expect(again.completeUserTask('task')).toContain('TIMER_CANCELED remind');
    expect(again.snapshot.timers).toEqual([]);
  });
});
