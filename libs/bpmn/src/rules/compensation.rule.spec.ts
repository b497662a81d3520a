import { describe, expect, it } from 'vitest';
import { compileFixture, describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('compensation', {
  'handlers.bpmn': [
    { elementId: 'Pay_undo', message: `Expected the activity associated with compensation boundary event bpmn:BoundaryEvent 'Pay_undo', bpmn:Task 'Refund', to be marked as a compensation handler (isForCompensation="true")` },
    { elementId: 'Ship_undo', message: `Expected compensation boundary event bpmn:BoundaryEvent 'Ship_undo' to have no outgoing sequence flows (its handler is associated with it) but it has 1` },
    { elementId: 'Ship_undo', message: `Expected compensation boundary event bpmn:BoundaryEvent 'Ship_undo' to be associated with exactly one compensation handler activity but found 0` },
    { elementId: 'Orphan', message: `Expected compensation handler bpmn:Task 'Orphan' to have no incoming or outgoing sequence flows (it runs only when its activity is compensated) but it has 1` },
    { elementId: 'Orphan', message: `Expected compensation handler bpmn:Task 'Orphan' to be associated with a compensation boundary event but none is associated with it` },
  ],
  'throws-and-cancels.bpmn': [
    { elementId: 'Quit', message: `Expected cancel end event bpmn:EndEvent 'Quit' to be directly inside a transaction but it is in bpmn:SubProcess 'Work'` },
    { elementId: 'Work_cancelled', message: `Expected cancel boundary event bpmn:BoundaryEvent 'Work_cancelled' to be attached to a transaction but it is attached to bpmn:SubProcess 'Work'` },
    { elementId: 'No_wait', message: `Expected bpmn:IntermediateThrowEvent 'No_wait' to wait for its compensation handlers (waitForCompletion="false" is not supported, as in Camunda 8)` },
    { elementId: 'Wrong_ref', message: `Expected the activityRef of bpmn:IntermediateThrowEvent 'Wrong_ref' to name an activity in bpmn:Process 'throws-and-cancels' but bpmn:Task 'Inner' is in bpmn:SubProcess 'Work'` },
    { elementId: 'Tx_quit', message: `Expected transaction bpmn:Transaction 'Tx' to have a cancel boundary event, where cancel end event bpmn:EndEvent 'Tx_quit' continues, but it has none` },
    {
      elementId: 'Process_level_undo_start',
      message: `Expected compensation start event bpmn:StartEvent 'Process_level_undo_start' to start an event subprocess directly inside an embedded subprocess or transaction (BPMN 2.0.2; a process cannot be compensated from outside)`,
    },
  ],
});

describe('compensation', () => {
  it('compiles handlers, throws with and without activityRef, a transaction with its cancel events and a compensation event subprocess', async () => {
    const result = await compileFixture('compensation/valid/sagas.bpmn');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { elements } = result.processes[0]!;
    expect(elements['Book']).toMatchObject({ compensationHandlerId: 'Unbook' });
    expect(elements['Unbook']).toMatchObject({ isForCompensation: true });
    expect(elements['Booking']).toMatchObject({ type: 'bpmn:SubProcess', transaction: true, cancelBoundaryId: 'Booking_cancelled', compensationEventSubProcessId: 'Undo_booking' });
    expect(elements['Booking']).not.toHaveProperty('eventSubProcessIds');
    expect(elements['Undo_booking']).toMatchObject({ compensationEventSubProcess: true, triggeredByEvent: true });
    expect(elements['Give_up']).toMatchObject({ cancel: true });
    expect(elements['Undo']).toMatchObject({ compensate: { activityRef: 'Booking' } });
    expect(elements['Done']).toMatchObject({ compensate: {} });
    expect(elements['Undo_inside']).toMatchObject({ compensate: { activityRef: 'Book' } });
    expect(elements['Booking_cancelled']).toMatchObject({ trigger: { kind: 'cancel' } });
  });
});
