import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('boundary-event', {
  'ambiguous-catches.bpmn': [
    { elementId: 'Soft_error', message: `Expected bpmn:BoundaryEvent 'Soft_error', an error boundary event, to be interrupting (cancelActivity="true") but found cancelActivity="false": an error ends the activity it is thrown in` },
    { elementId: 'Work', message: `Expected at most one catch-all escalation boundary event (without escalation code) on bpmn:SubProcess 'Work' but found 2: 'Any_escalation_1', 'Any_escalation_2'` },
    { elementId: 'Work', message: `Expected the escalation boundary events of bpmn:SubProcess 'Work' to catch different escalation codes but 'Late_1', 'Late_2' all catch 'LATE'` },
    { elementId: 'Work', message: `Expected the message boundary events of bpmn:SubProcess 'Work' to wait for different messages but 'Cancel_1', 'Cancel_2' all wait for 'cancel'` },
    { elementId: 'Work', message: `Expected the signal boundary events of bpmn:SubProcess 'Work' to wait for different signals but 'Stop_1', 'Stop_2' all wait for 'stop'` },
    { elementId: 'Confirm', message: `Expected the message boundary events of bpmn:ReceiveTask 'Confirm' to wait for other messages than the receive task itself but 'Confirmed_again' also waits for 'confirmed'` },
  ],
  'ambiguous-errors.bpmn': [
    { elementId: 'Work', message: `Expected at most one catch-all error boundary event (without error code) on bpmn:ServiceTask 'Work' but found 2: 'Any_1', 'Any_2'` },
    { elementId: 'Work', message: `Expected the error boundary events of bpmn:ServiceTask 'Work' to catch different error codes but 'First_a', 'Second_a' all catch 'A'` },
  ],
  'misplaced.bpmn': [
    { elementId: 'Outside', message: `Expected bpmn:BoundaryEvent 'Outside' to be in the same process or subprocess as bpmn:Task 'Inner', the activity it is attached to` },
    { elementId: 'On_event', message: `Expected bpmn:BoundaryEvent 'On_event' to be attached to an activity (a task, subprocess or call activity) but it is attached to bpmn:StartEvent 'Start'` },
    { elementId: 'Nowhere', message: `Expected bpmn:BoundaryEvent 'Nowhere' to be attached to an activity (attachedToRef) but found no element with id 'Ghost'` },
    { elementId: 'Dead_end', message: `Expected at least one outgoing sequence flow on bpmn:BoundaryEvent 'Dead_end', where the flow continues when it triggers, but found none` },
  ],
});
