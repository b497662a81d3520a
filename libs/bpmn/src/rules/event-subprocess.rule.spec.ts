import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('event-subprocess', {
  'ambiguous.bpmn': [
    { elementId: 'ambiguous', message: `Expected at most one catch-all error start event (without error code) among the event subprocesses of bpmn:Process 'ambiguous' but found 2: 'Any_error_1', 'Any_error_2'` },
    { elementId: 'ambiguous', message: `Expected the error start events of the event subprocesses of bpmn:Process 'ambiguous' to catch different error codes but 'Failed_1', 'Failed_2' all catch 'FAILED'` },
    { elementId: 'ambiguous', message: `Expected at most one catch-all escalation start event (without escalation code) among the event subprocesses of bpmn:Process 'ambiguous' but found 2: 'Any_escalation_1', 'Any_escalation_2'` },
    { elementId: 'ambiguous', message: `Expected the message start events of the event subprocesses of bpmn:Process 'ambiguous' to wait for different messages but 'Cancel_1', 'Cancel_2' all wait for 'cancel'` },
    { elementId: 'ambiguous', message: `Expected the signal start events of the event subprocesses of bpmn:Process 'ambiguous' to wait for different signals but 'Stop_1', 'Stop_2' all wait for 'stop'` },
  ],
  'flows-and-starts.bpmn': [
    { elementId: 'Connected', message: `Expected no incoming sequence flow on bpmn:SubProcess 'Connected', an event subprocess (started by the trigger of its start event), but found bpmn:SequenceFlow 'Flow_in'` },
    { elementId: 'Connected', message: `Expected no outgoing sequence flow on bpmn:SubProcess 'Connected', an event subprocess (started by the trigger of its start event), but found bpmn:SequenceFlow 'Flow_out'` },
    { elementId: 'Two_starts', message: `Expected exactly one start event in bpmn:SubProcess 'Two_starts', an event subprocess (started by the trigger of its start event), but found 2: 'First_start', 'Second_start'` },
    { elementId: 'No_start', message: `Expected exactly one start event in bpmn:SubProcess 'No_start', an event subprocess (started by the trigger of its start event), but found none` },
    { elementId: 'Plain_start', message: `Expected a trigger (timer, message, signal, error, escalation or condition) on bpmn:StartEvent 'Plain_start', the start event of bpmn:SubProcess 'Untriggered', an event subprocess, but found none` },
    { elementId: 'Soft_error', message: `Expected bpmn:StartEvent 'Soft_error', the error start event of bpmn:SubProcess 'Soft', to be interrupting (isInterrupting="true") but found isInterrupting="false": an error ends the scope it is thrown in` },
  ],
});
