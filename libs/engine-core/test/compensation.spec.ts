import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Compensation (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/compensation-events/ and
 * .../compensation-handler/; BPMN 2.0.2 for compensation event subprocesses and transactions).
 * The handlers of one throw event start together, in reverse order of completion; the throw
 * event waits until each of them completed.
 */
describe('compensation throw events', () => {
  it('a broadcast compensates every completed activity of its scope, latest first, all handlers at once; the throw waits for them', async () => {
    const h = await CoreHarness.load('compensation-broadcast.bpmn');
    h.create();
    expect(h.completeJob('book-a')).toContain('COMPENSATION_SUBSCRIBED book-a @compensation-broadcast handler=undo-a');
    expect(h.completeJob('book-b')).toEqual([
      'JOB_COMPLETED book-b',
      ...completes('book-b'),
      'COMPENSATION_SUBSCRIBED book-b @compensation-broadcast handler=undo-b',
      'SEQUENCE_FLOW_TAKEN f5',
      ...passes('note'),
      'SEQUENCE_FLOW_TAKEN f6',
      'ELEMENT_ACTIVATING compensate',
      'COMPENSATION_TRIGGERED book-b #1 handler=undo-b',
      'COMPENSATION_TRIGGERED book-a #2 handler=undo-a',
      'ELEMENT_ACTIVATED compensate',
      'ELEMENT_ACTIVATING undo-b',
      'COMPENSATION_HANDLER_ACTIVATED #1 undo-b for book-b',
      'USER_TASK_CREATED undo-b',
      'ELEMENT_ACTIVATED undo-b',
      'ELEMENT_ACTIVATING undo-a',
      'COMPENSATION_HANDLER_ACTIVATED #2 undo-a for book-a',
      'JOB_CREATED undo-a type=undo-a retries=3',
      'ELEMENT_ACTIVATED undo-a',
    ]);
    // 'review' is still active: it has not completed, so it is not compensated.
    expect(h.activeElements()).toEqual(['compensate:ACTIVATED', 'compensation-broadcast:ACTIVATED', 'review:ACTIVATED', 'undo-a:ACTIVATED', 'undo-b:ACTIVATED']);

    expect(h.completeJob('undo-a')).toEqual(['JOB_COMPLETED undo-a', ...completes('undo-a'), 'COMPENSATION_HANDLER_COMPLETED #2 undo-a for book-a']);
    expect(h.completeUserTask('undo-b')).toEqual([
      'USER_TASK_ASSIGNED undo-b assignee=tester',
      'USER_TASK_COMPLETED undo-b',
      ...completes('undo-b'),
      'COMPENSATION_HANDLER_COMPLETED #1 undo-b for book-b',
      ...completes('compensate'),
      'SEQUENCE_FLOW_TAKEN f7',
      ...passes('done'),
    ]);
    // Completed after the compensation: 'review' leaves a record of its own, never compensated.
    expect(h.completeUserTask('review')).toContain('COMPENSATION_SUBSCRIBED review @compensation-broadcast handler=undo-review');
    expect(h.state.instance!.state).toBe('COMPLETED');
  });

  it('activityRef compensates one activity; two throws in a row give a defined order (B, then A)', async () => {
    const h = await CoreHarness.load('compensation-activity-ref.bpmn');
    h.create();
    h.completeJob('book-a');
    expect(h.completeJob('book-b').slice(-7)).toEqual([
      'ELEMENT_ACTIVATING compensate-b',
      'COMPENSATION_TRIGGERED book-b #1 handler=undo-b',
      'ELEMENT_ACTIVATED compensate-b',
      'ELEMENT_ACTIVATING undo-b',
      'COMPENSATION_HANDLER_ACTIVATED #1 undo-b for book-b',
      'JOB_CREATED undo-b type=undo-b retries=3',
      'ELEMENT_ACTIVATED undo-b',
    ]);
    expect(h.completeJob('undo-b')).toEqual([
      'JOB_COMPLETED undo-b',
      ...completes('undo-b'),
      'COMPENSATION_HANDLER_COMPLETED #1 undo-b for book-b',
      ...completes('compensate-b'),
      'SEQUENCE_FLOW_TAKEN f4',
      'ELEMENT_ACTIVATING compensate-a',
      'COMPENSATION_TRIGGERED book-a #1 handler=undo-a',
      'ELEMENT_ACTIVATED compensate-a',
      'ELEMENT_ACTIVATING undo-a',
      'COMPENSATION_HANDLER_ACTIVATED #1 undo-a for book-a',
      'JOB_CREATED undo-a type=undo-a retries=3',
      'ELEMENT_ACTIVATED undo-a',
    ]);
    expect(h.completeJob('undo-a')).toEqual([
      'JOB_COMPLETED undo-a',
      ...completes('undo-a'),
      'COMPENSATION_HANDLER_COMPLETED #1 undo-a for book-a',
      ...completes('compensate-a'),
      ...completes('compensation-activity-ref'),
    ]);
  });

  it('an activity compensated once is not compensated again, and a throw with nothing to compensate goes on at once', async () => {
    const h = await CoreHarness.load('compensation-activity-ref.bpmn');
    h.create();
    h.completeJob('book-a');
    h.completeJob('book-b');
    h.completeJob('undo-b');
    h.completeJob('undo-a');
    expect(h.state.instance!.state).toBe('COMPLETED');
    expect(h.snapshot.compensations).toBeUndefined();
    expect(h.history().filter((line) => line.startsWith('COMPENSATION_HANDLER_ACTIVATED'))).toEqual([
      'COMPENSATION_HANDLER_ACTIVATED #1 undo-b for book-b',
      'COMPENSATION_HANDLER_ACTIVATED #1 undo-a for book-a',
    ]);
  });

  it('a multi-instance activity whose three inner instances completed is compensated three times, latest first, each handler with its item', async () => {
    const h = await CoreHarness.load('compensation-multi-instance.bpmn');
    h.create({ items: ['a', 'b', 'c'] });
    const [first, second, third] = h.jobs('reserve');
    expect(h.completeJobByKey(second!.jobKey)).toEqual(['JOB_COMPLETED reserve', 'ELEMENT_COMPLETING reserve', 'MULTI_INSTANCE_UPDATED reserve#body instances=3 completed=1 terminated=0', 'ELEMENT_COMPLETED reserve', 'COMPENSATION_SUBSCRIBED reserve @reserve#body handler=release']);
    h.completeJobByKey(third!.jobKey);
    expect(h.completeJobByKey(first!.jobKey)).toEqual([
      'JOB_COMPLETED reserve',
      'ELEMENT_COMPLETING reserve',
      'MULTI_INSTANCE_UPDATED reserve#body instances=3 completed=3 terminated=0',
      'ELEMENT_COMPLETED reserve',
      'COMPENSATION_SUBSCRIBED reserve @reserve#body handler=release',
      ...completes('reserve#body'),
      'COMPENSATION_SUBSCRIBED reserve#body @compensation-multi-instance container',
      'SEQUENCE_FLOW_TAKEN f2',
      'ELEMENT_ACTIVATING undo-all',
      'COMPENSATION_TRIGGERED reserve#body (container)',
      'COMPENSATION_TRIGGERED reserve #1 handler=release',
      'COMPENSATION_TRIGGERED reserve #2 handler=release',
      'COMPENSATION_TRIGGERED reserve #3 handler=release',
      'ELEMENT_ACTIVATED undo-all',
      ...['a', 'c', 'b'].flatMap((item, index) => [
        'ELEMENT_ACTIVATING release',
        `COMPENSATION_HANDLER_ACTIVATED #${index + 1} release for reserve`,
        `VARIABLE_CREATED item="${item}" @release`,
        `VARIABLE_CREATED loopCounter=${'abc'.indexOf(item) + 1} @release`,
        // The handler's input mapping reads the compensated instance's input element.
        `VARIABLE_CREATED what="release ${item}" @release`,
        'JOB_CREATED release type=release retries=3',
        'ELEMENT_ACTIVATED release',
      ]),
    ]);
    const releases = h.jobs('release');
    expect(releases.map((job) => h.variablesOf(job.elementInstanceKey)['what'])).toEqual(['release a', 'release c', 'release b']);
    h.completeJobByKey(releases[2]!.jobKey);
    h.completeJobByKey(releases[0]!.jobKey);
    expect(h.completeJobByKey(releases[1]!.jobKey)).toEqual([
      'JOB_COMPLETED release',
      ...completes('release'),
      'COMPENSATION_HANDLER_COMPLETED #2 release for reserve',
      ...completes('undo-all'),
      ...completes('compensation-multi-instance'),
    ]);
  });
});

describe('compensating subprocesses', () => {
  it('a completed embedded subprocess is compensated by what completed inside it, latest first, with the subprocess variables; a subprocess can be a handler', async () => {
    const h = await CoreHarness.load('compensation-subprocess.bpmn');
    h.create();
    h.completeJob('hotel');
    expect(h.completeJob('flight')).toEqual([
      'JOB_COMPLETED flight',
      ...completes('flight'),
      'COMPENSATION_SUBSCRIBED flight @booking handler=cancel-flight',
      'SEQUENCE_FLOW_TAKEN s3',
      ...passes('booking-end'),
      ...completes('booking'),
      'COMPENSATION_SUBSCRIBED booking @compensation-subprocess container',
      'SEQUENCE_FLOW_TAKEN f2',
      'ELEMENT_ACTIVATING compensate',
      'COMPENSATION_TRIGGERED booking (container)',
      'COMPENSATION_TRIGGERED flight #1 handler=cancel-flight',
      'COMPENSATION_TRIGGERED hotel #2 handler=cancel-hotel',
      'ELEMENT_ACTIVATED compensate',
      'ELEMENT_ACTIVATING cancel-flight',
      'COMPENSATION_HANDLER_ACTIVATED #1 cancel-flight for flight',
      'VARIABLE_CREATED trip="T-1" @cancel-flight',
      'ELEMENT_ACTIVATED cancel-flight',
      'ELEMENT_ACTIVATING cancel-hotel',
      'COMPENSATION_HANDLER_ACTIVATED #2 cancel-hotel for hotel',
      'VARIABLE_CREATED trip="T-1" @cancel-hotel',
      'JOB_CREATED cancel-hotel type=cancel-hotel retries=3',
      'ELEMENT_ACTIVATED cancel-hotel',
      ...passes('cancel-flight-start'),
      'SEQUENCE_FLOW_TAKEN c1',
      'ELEMENT_ACTIVATING call-airline',
      'USER_TASK_CREATED call-airline',
      'ELEMENT_ACTIVATED call-airline',
    ]);
    expect(h.completeJob('cancel-hotel')).toEqual(['JOB_COMPLETED cancel-hotel', ...completes('cancel-hotel'), 'COMPENSATION_HANDLER_COMPLETED #2 cancel-hotel for hotel']);
    expect(h.completeUserTask('call-airline').slice(-17)).toEqual([
      'SEQUENCE_FLOW_TAKEN c2',
      ...passes('cancel-flight-end'),
      ...completes('cancel-flight'),
      'COMPENSATION_HANDLER_COMPLETED #1 cancel-flight for flight',
      ...completes('compensate'),
      'SEQUENCE_FLOW_TAKEN f3',
      ...passes('done'),
      ...completes('compensation-subprocess'),
    ]);
    expect(h.state.instance!.state).toBe('COMPLETED');
  });

  it('a compensation event subprocess replaces the default compensation, runs with the subprocess variables, and compensates inside it', async () => {
    const h = await CoreHarness.load('compensation-event-subprocess.bpmn');
    h.create();
    expect(h.completeJob('charge').slice(-19)).toEqual([
      ...completes('order'),
      'COMPENSATION_SUBSCRIBED order @compensation-event-subprocess handler=undo-order',
      'SEQUENCE_FLOW_TAKEN f2',
      'ELEMENT_ACTIVATING compensate',
      'COMPENSATION_TRIGGERED order #1 handler=undo-order',
      'ELEMENT_ACTIVATED compensate',
      'ELEMENT_ACTIVATING undo-order',
      'COMPENSATION_HANDLER_ACTIVATED #1 undo-order for order',
      'VARIABLE_CREATED orderNo="O-7" @undo-order',
      'ELEMENT_ACTIVATED undo-order',
      ...passes('undo-order-start'),
      'SEQUENCE_FLOW_TAKEN u1',
      'ELEMENT_ACTIVATING notify',
      'JOB_CREATED notify type=notify retries=3',
      'ELEMENT_ACTIVATED notify',
    ]);
    expect(h.completeJob('notify')).toEqual([
      'JOB_COMPLETED notify',
      ...completes('notify'),
      'SEQUENCE_FLOW_TAKEN u2',
      'ELEMENT_ACTIVATING undo-inside',
      'COMPENSATION_TRIGGERED charge #1 handler=refund',
      'ELEMENT_ACTIVATED undo-inside',
      'ELEMENT_ACTIVATING refund',
      'COMPENSATION_HANDLER_ACTIVATED #1 refund for charge',
      'JOB_CREATED refund type=refund retries=3',
      'ELEMENT_ACTIVATED refund',
    ]);
    expect(h.completeJob('refund')).toEqual([
      'JOB_COMPLETED refund',
      ...completes('refund'),
      'COMPENSATION_HANDLER_COMPLETED #1 refund for charge',
      ...completes('undo-inside'),
      ...completes('undo-order'),
      'COMPENSATION_HANDLER_COMPLETED #1 undo-order for order',
      ...completes('compensate'),
      ...completes('compensation-event-subprocess'),
    ]);
  });
});

describe('transaction subprocesses', () => {
  it('a cancel end event compensates the completed activities inside, then the transaction is terminated and the cancel boundary path taken', async () => {
    const h = await CoreHarness.load('transaction-cancel.bpmn');
    h.create({ declined: true });
    h.completeJob('hotel');
    expect(h.completeJob('flight').slice(-12)).toEqual([
      'SEQUENCE_FLOW_TAKEN s4',
      'ELEMENT_ACTIVATING cancel-booking',
      'COMPENSATION_TRIGGERED flight #1 handler=cancel-flight',
      'COMPENSATION_TRIGGERED hotel #2 handler=cancel-hotel',
      'ELEMENT_ACTIVATED cancel-booking',
      'ELEMENT_ACTIVATING cancel-flight',
      'COMPENSATION_HANDLER_ACTIVATED #1 cancel-flight for flight',
      'JOB_CREATED cancel-flight type=cancel-flight retries=3',
      'ELEMENT_ACTIVATED cancel-flight',
      'ELEMENT_ACTIVATING cancel-hotel',
      'COMPENSATION_HANDLER_ACTIVATED #2 cancel-hotel for hotel',
      'JOB_CREATED cancel-hotel type=cancel-hotel retries=3',
    ].concat(['ELEMENT_ACTIVATED cancel-hotel']).slice(-12));
    expect(h.activeElements()).toEqual(['booking:ACTIVATED', 'cancel-booking:ACTIVATED', 'cancel-flight:ACTIVATED', 'cancel-hotel:ACTIVATED', 'transaction-cancel:ACTIVATED']);
    h.completeJob('cancel-flight');
    expect(h.completeJob('cancel-hotel')).toEqual([
      'JOB_COMPLETED cancel-hotel',
      ...completes('cancel-hotel'),
      'COMPENSATION_HANDLER_COMPLETED #2 cancel-hotel for hotel',
      'TRANSACTION_CANCELED booking by cancel-booking -> booking-cancelled',
      'ELEMENT_TERMINATING booking',
      'ELEMENT_TERMINATING cancel-booking',
      'ELEMENT_TERMINATED cancel-booking',
      'ELEMENT_TERMINATED booking',
      ...passes('booking-cancelled'),
      'SEQUENCE_FLOW_TAKEN f2',
      ...passes('cancelled'),
      ...completes('transaction-cancel'),
    ]);
  });

  it('an error boundary event on a transaction works as usual: the transaction is terminated, nothing is compensated', async () => {
    const h = await CoreHarness.load('transaction-cancel.bpmn');
    h.create({ declined: true });
    h.completeJob('hotel');
    const events = h.throwJobError('flight', 'NO_SEATS');
    expect(events).toContain('ERROR_CAUGHT code=NO_SEATS by booking-failed');
    expect(events.filter((line) => line.startsWith('COMPENSATION_'))).toEqual([]);
    expect(events.slice(events.indexOf('ERROR_CAUGHT code=NO_SEATS by booking-failed'))).toEqual([
      'ERROR_CAUGHT code=NO_SEATS by booking-failed',
      'ELEMENT_TERMINATING booking',
      'ELEMENT_TERMINATING flight',
      'JOB_CANCELED flight',
      'ELEMENT_TERMINATED flight',
      'ELEMENT_TERMINATED booking',
      ...passes('booking-failed'),
      'SEQUENCE_FLOW_TAKEN f4',
      ...passes('failed'),
      ...completes('transaction-cancel'),
    ]);
    expect(h.state.instance!.state).toBe('COMPLETED');
  });

  it('without a cancel it completes like an embedded subprocess (and can be compensated as one)', async () => {
    const h = await CoreHarness.load('transaction-cancel.bpmn');
    h.create({ declined: false });
    h.completeJob('hotel');
    expect(h.completeJob('flight').slice(-10)).toEqual([
      ...completes('booking'),
      'COMPENSATION_SUBSCRIBED booking @transaction-cancel container',
      'SEQUENCE_FLOW_TAKEN f3',
      ...passes('confirmed'),
      ...completes('transaction-cancel'),
    ]);
    expect(h.state.instance!.state).toBe('COMPLETED');
  });
});

describe('what is compensated', () => {
  it('only completed activities: one terminated by its boundary timer is not compensated; a call activity can be the handler, with the compensated variables', async () => {
    const h = await CoreHarness.load('compensation-terminated.bpmn');
    h.create();
    expect(h.completeJob('reserve')).toContain('COMPENSATION_SUBSCRIBED reserve @compensation-terminated handler=release');
    const events = h.triggerTimer('too-late');
    expect(events.filter((line) => line.startsWith('COMPENSATION_') || line.startsWith('CHILD_INSTANCE'))).toEqual([
      'COMPENSATION_TRIGGERED reserve #1 handler=release',
      'COMPENSATION_HANDLER_ACTIVATED #1 release for reserve',
      'CHILD_INSTANCE_REQUESTED release process=release-stock {"reservation":"R-1"}',
    ]);
    expect(events).toContain('ELEMENT_TERMINATED approve');
    expect(h.activeElements()).toEqual(['compensation-terminated:ACTIVATED', 'release:ACTIVATED', 'undo:ACTIVATED']);
    expect(h.completeCallActivity('release', { released: true }).slice(-12)).toEqual([
      ...completes('release'),
      'COMPENSATION_HANDLER_COMPLETED #1 release for reserve',
      ...completes('undo'),
      'SEQUENCE_FLOW_TAKEN f6',
      ...passes('undone'),
      ...completes('compensation-terminated'),
    ]);
    expect(h.state.instance!.state).toBe('COMPLETED');
    expect(h.history().some((line) => line.includes('unapprove'))).toBe(false);
  });
});
