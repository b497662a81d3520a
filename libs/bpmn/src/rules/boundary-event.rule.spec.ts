import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('boundary-event', {
  'misplaced.bpmn': [
    { elementId: 'Outside', message: `Expected bpmn:BoundaryEvent 'Outside' to be in the same process or subprocess as bpmn:Task 'Inner', the activity it is attached to` },
    { elementId: 'On_event', message: `Expected bpmn:BoundaryEvent 'On_event' to be attached to an activity (a task, subprocess or call activity) but it is attached to bpmn:StartEvent 'Start'` },
    { elementId: 'Nowhere', message: `Expected bpmn:BoundaryEvent 'Nowhere' to be attached to an activity (attachedToRef) but found no element with id 'Ghost'` },
    { elementId: 'Dead_end', message: `Expected at least one outgoing sequence flow on bpmn:BoundaryEvent 'Dead_end', where the flow continues when it triggers, but found none` },
  ],
  'ambiguous-errors.bpmn': [
    { elementId: 'Work', message: `Expected at most one catch-all error boundary event (without error code) on bpmn:ServiceTask 'Work' but found 2: 'Any_1', 'Any_2'` },
    { elementId: 'Work', message: `Expected the error boundary events of bpmn:ServiceTask 'Work' to catch different error codes but 'First_a', 'Second_a' all catch 'A'` },
  ],
});
