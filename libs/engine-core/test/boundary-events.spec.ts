import { describe, expect, it } from 'vitest';
import { activates, completes, CoreHarness, DEFAULT_NOW, passes, terminates } from './support/core-harness.js';

const at = (seconds: number) => new Date(Date.parse(DEFAULT_NOW) + seconds * 1000).toISOString();

/**
 * Interrupting timer boundary events (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/timer-events/#timer-boundary-events):
 * the timer is created when the activity is entered ("An interrupting timer boundary event must
 * have a time duration, or a time date definition. When the corresponding timer is triggered, the
 * activity is terminated") and canceled when the activity completes first.
 */
describe('timer boundary event', () => {
  it('interrupts a user task: the task is canceled and the flow continues at the boundary event, with its output mappings', async () => {
    const h = await CoreHarness.load('boundary-timer.bpmn');

    expect(h.create({ limitMinutes: 10 }).slice(-4)).toEqual(['ELEMENT_ACTIVATING review', 'TIMER_CREATED review-timeout due in 3600s', 'USER_TASK_CREATED review', 'ELEMENT_ACTIVATED review']);
    expect(h.timer('review-timeout')).toMatchObject({ elementInstanceKey: h.element('review').elementInstanceKey, dueDate: at(3600), state: 'ACTIVE' });

    expect(h.triggerTimer('review-timeout')).toEqual([
      'TIMER_TRIGGERED review-timeout',
      'ELEMENT_TERMINATING review',
      'USER_TASK_CANCELED review',
      'ELEMENT_TERMINATED review',
      ...activates('review-timeout'),
      'ELEMENT_COMPLETING review-timeout',
      'VARIABLE_CREATED timedOut="review" @boundary-timer',
      'ELEMENT_COMPLETED review-timeout',
      'SEQUENCE_FLOW_TAKEN f-review-timeout',
      ...passes('late'),
      ...completes('boundary-timer'),
    ]);
    expect([...h.state.userTasks.values()].map((task) => task.state)).toEqual(['CANCELED']);
  });

  it('is canceled when its activity completes first; the next activity evaluates its own timer (a FEEL duration from its input mapping) and a job interrupted by it is canceled', async () => {
    const h = await CoreHarness.load('boundary-timer.bpmn');
    h.create({ limitMinutes: 10 });

    expect(h.completeUserTask('review')).toEqual([
      'USER_TASK_ASSIGNED review assignee=tester',
      'USER_TASK_COMPLETED review',
      'ELEMENT_COMPLETING review',
      'TIMER_CANCELED review-timeout',
      'ELEMENT_COMPLETED review',
      'SEQUENCE_FLOW_TAKEN f-charge',
      'ELEMENT_ACTIVATING charge',
      'VARIABLE_CREATED limit="PT10M" @charge',
      'TIMER_CREATED charge-timeout due in 600s',
      'JOB_CREATED charge type=charge retries=3',
      'ELEMENT_ACTIVATED charge',
    ]);

    h.activateJob('charge');
    expect(h.triggerTimer('charge-timeout')).toEqual([
      'TIMER_TRIGGERED charge-timeout',
      'ELEMENT_TERMINATING charge',
      'JOB_CANCELED charge',
      'ELEMENT_TERMINATED charge',
      ...passes('charge-timeout'),
      'SEQUENCE_FLOW_TAKEN f-charge-timeout',
      ...passes('not-charged'),
      ...completes('boundary-timer'),
    ]);
    // the worker that still holds the job can no longer complete it
    expect(h.reject({ type: 'COMPLETE_JOB', jobKey: [...h.state.jobs.values()][0]!.jobKey, variables: {} })).toMatchObject({ code: 'JOB.NOT_FOUND' });
  });

  it('interrupts a subprocess with everything inside it (a time date timer)', async () => {
    const h = await CoreHarness.load('boundary-timer.bpmn');
    h.create({ limitMinutes: 10 });
    h.completeUserTask('review');

    expect(h.completeJob('charge').slice(-12)).toEqual([
      'SEQUENCE_FLOW_TAKEN f-sub',
      'ELEMENT_ACTIVATING sub',
      'TIMER_CREATED sub-timeout due 2026-03-03T00:00:00.000Z',
      'ELEMENT_ACTIVATED sub',
      ...passes('sub-start'),
      'SEQUENCE_FLOW_TAKEN f-sub-start',
      'ELEMENT_ACTIVATING pack',
      'JOB_CREATED pack type=pack retries=3',
      'ELEMENT_ACTIVATED pack',
    ].slice(-12));

    expect(h.triggerTimer('sub-timeout')).toEqual([
      'TIMER_TRIGGERED sub-timeout',
      'ELEMENT_TERMINATING sub',
      'ELEMENT_TERMINATING pack',
      'JOB_CANCELED pack',
      'ELEMENT_TERMINATED pack',
      'ELEMENT_TERMINATED sub',
      ...passes('sub-timeout'),
      'SEQUENCE_FLOW_TAKEN f-sub-timeout',
      ...passes('not-packed'),
      ...completes('boundary-timer'),
    ]);
  });

  it('given a timer expression that fails, the activity waits at ACTIVATING with an incident; resolving creates the timer once, then the job', async () => {
    const h = await CoreHarness.load('boundary-timer.bpmn');
    h.create({ limitMinutes: 10 });
    h.setVariables({ limitMinutes: 'ten' });

    expect(h.completeUserTask('review').slice(-3)).toEqual(['ELEMENT_ACTIVATING charge', 'VARIABLE_CREATED limit="PTtenM" @charge', 'INCIDENT_CREATED charge EXTRACT_VALUE_ERROR']);
    expect(h.incident('charge').errorMessage).toMatch(/^Failed to evaluate the timer of boundary event 'charge-timeout': /);

    h.setVariables({ limitMinutes: 5 });
    expect(h.resolveIncident('charge')).toEqual([
      'INCIDENT_RESOLVED charge',
      'VARIABLE_UPDATED limit="PT5M" @charge',
      'TIMER_CREATED charge-timeout due in 300s',
      'JOB_CREATED charge type=charge retries=3',
      'ELEMENT_ACTIVATED charge',
    ]);
  });
});

/**
 * Error boundary events (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/error-events/):
 * a thrown error is caught by the nearest error catch event with its code — on the throwing
 * activity or an enclosing subprocess — preferred over a catch-all one (no error code) at the same
 * level; the activity it is attached to is terminated. The error's variables are "instantiated at
 * the local scope of the error catch event" (ThrowError API): its output mappings read them, and
 * without output mappings they propagate.
 */
describe('error boundary event', () => {
  it('given an error thrown by a job, the boundary event on the task catches it: the task is terminated, the error variables reach the output mappings', async () => {
    const h = await CoreHarness.load('boundary-error.bpmn');
    h.create();

    expect(h.throwJobError('charge', 'CARD_DECLINED', { reason: 'expired' }, 'card expired')).toEqual([
      'JOB_ERROR_THROWN charge code=CARD_DECLINED',
      'ERROR_CAUGHT code=CARD_DECLINED by declined',
      'ELEMENT_TERMINATING charge',
      'JOB_CANCELED charge',
      'ELEMENT_TERMINATED charge',
      ...activates('declined'),
      'ELEMENT_COMPLETING declined',
      'VARIABLE_CREATED reason="expired" @declined',
      'VARIABLE_CREATED outcome="declined: expired" @boundary-error',
      'ELEMENT_COMPLETED declined',
      'SEQUENCE_FLOW_TAKEN f-declined',
      ...passes('declined-end'),
    ]);
    // the sibling branch goes on; the local error variable vanished with the boundary event
    expect(h.activeElements()).toEqual(['boundary-error:ACTIVATED', 'pack:ACTIVATED', 'sub:ACTIVATED']);
    expect(h.allVariables()).toEqual(['outcome="declined: expired" @boundary-error']);
  });

  it('given an error a task does not catch, the subprocess around it catches it by its code: the subprocess is terminated with every inner job, the error variables propagate', async () => {
    const h = await CoreHarness.load('boundary-error.bpmn');
    h.create();

    expect(h.throwJobError('pack', 'OUT_OF_STOCK', { missing: ['book'] })).toEqual([
      'JOB_ERROR_THROWN pack code=OUT_OF_STOCK',
      'ERROR_CAUGHT code=OUT_OF_STOCK by out-of-stock',
      'ELEMENT_TERMINATING sub',
      'ELEMENT_TERMINATING charge',
      'JOB_CANCELED charge',
      'ELEMENT_TERMINATED charge',
      'ELEMENT_TERMINATING pack',
      'JOB_CANCELED pack',
      'ELEMENT_TERMINATED pack',
      'ELEMENT_TERMINATED sub',
      ...activates('out-of-stock'),
      'ELEMENT_COMPLETING out-of-stock',
      'VARIABLE_CREATED missing=["book"] @boundary-error',
      'ELEMENT_COMPLETED out-of-stock',
      'SEQUENCE_FLOW_TAKEN f-out-of-stock',
      'ELEMENT_ACTIVATING restock',
      'JOB_CREATED restock type=restock retries=3',
      'ELEMENT_ACTIVATED restock',
    ]);
    expect([...h.state.jobs.values()].map((job) => `${job.elementId}:${job.state}`)).toEqual(['charge:CANCELED', 'pack:CANCELED', 'restock:CREATED']);
  });

  it('given an error code nobody names, the catch-all boundary event (without error reference) catches it; the event with the code on the task is passed over', async () => {
    const h = await CoreHarness.load('boundary-error.bpmn');
    h.create();

    expect(h.throwJobError('charge', 'TIMEOUT').slice(0, 3)).toEqual(['JOB_ERROR_THROWN charge code=TIMEOUT', 'ERROR_CAUGHT code=TIMEOUT by sub-failed', 'ELEMENT_TERMINATING sub']);
    expect(h.rootVariables()).toEqual({});
    expect(h.state.instance?.state).toBe('COMPLETED');
  });

  it('given an error nothing catches, the incident names the error events there are; resolving it offers the job again', async () => {
    const h = await CoreHarness.load('error-uncaught.bpmn');
    h.create();

    expect(h.throwJobError('work', 'B', {}, 'bad input')).toEqual(['JOB_ERROR_THROWN work code=B', 'INCIDENT_CREATED work UNHANDLED_ERROR_EVENT']);
    expect(h.incident('work')).toMatchObject({
      retry: 'JOB',
      errorMessage: "Expected to throw an error event with the code 'B' with message 'bad input', but it was not caught. Available error events are [A].",
    });
    expect(h.resolveIncident('work')).toEqual(['INCIDENT_RESOLVED work', 'JOB_RECURRED work']);
    expect(h.throwJobError('work', 'A').slice(0, 5)).toEqual(['JOB_ERROR_THROWN work code=A', 'ERROR_CAUGHT code=A by caught-a', ...terminates('work').slice(0, 1), 'JOB_CANCELED work', 'ELEMENT_TERMINATED work']);
  });
});
