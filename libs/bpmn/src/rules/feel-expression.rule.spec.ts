import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('feel-expression', {
  'condition-does-not-parse.bpmn': [
    { elementId: 'Flow_2', message: `FEEL expression '= a +' in the condition of bpmn:SequenceFlow 'Flow_2' does not parse: the expression ends too early` },
  ],
  'mappings.bpmn': [
    { elementId: 'Task_1', message: `FEEL expression '="charge-' in the job type (zeebe:taskDefinition type) of bpmn:ServiceTask 'Task_1' does not parse: unexpected '"charge-' at character 2` },
    { elementId: 'Task_1', message: `FEEL expression '=amount * * 2' in the source of zeebe:input 'doubled' of bpmn:ServiceTask 'Task_1' does not parse: unexpected '* 2' at character 11` },
    {
      elementId: 'Task_1',
      message: `Expected the target of zeebe:output with source '=result' on bpmn:ServiceTask 'Task_1' to be a variable name or path (like total or order.total) but found 'the result'`,
    },
    {
      elementId: 'Task_1',
      message: `Expected the target of zeebe:output with source '=other' on bpmn:ServiceTask 'Task_1' to be a variable name or path (like total or order.total) but found none`,
    },
  ],
  'user-task-and-script.bpmn': [
    { elementId: 'Review', message: `FEEL expression '=owner)' in the assignee (zeebe:assignmentDefinition assignee) of bpmn:UserTask 'Review' does not parse: unexpected ')' at character 7` },
    { elementId: 'Compute', message: `FEEL expression 'if a then' in the script (zeebe:script expression) of bpmn:ScriptTask 'Compute' does not parse: the expression ends too early` },
  ],
  'event-expressions.bpmn': [
    { elementId: 'Nightly', message: `FEEL expression '="R/" +' in the timer timeCycle of bpmn:StartEvent 'Nightly' does not parse: the expression ends too early` },
    { elementId: 'Ready', message: `FEEL expression 'stock >' in the event condition of bpmn:IntermediateCatchEvent 'Ready' does not parse: the expression ends too early` },
    { elementId: 'Message_reply', message: `FEEL expression '= "reply-" +' in the message name of bpmn:Message 'Message_reply' does not parse: the expression ends too early` },
    { elementId: 'Signal_stop', message: `FEEL expression '=stop(' in the signal name of bpmn:Signal 'Signal_stop' does not parse: the expression ends too early` },
    { elementId: 'Escalation_level', message: `FEEL expression '="LATE-" + ' in the escalation code of bpmn:Escalation 'Escalation_level' does not parse: the expression ends too early` },
  ],

  'juel-condition.bpmn': [
    {
      elementId: 'Flow_yes',
      message:
        `FEEL expression '\${approved}' in the condition of bpmn:SequenceFlow 'Flow_yes' does not parse: unexpected '\${approved}' at character 1 ` +
        '(it looks like a Camunda 7 JUEL expression; Baton evaluates FEEL, written with a leading =)',
    },
  ],
  'refused-elements.bpmn': [
    { elementId: 'Wait', message: `FEEL expression '=duration(delay' in the timer timeDuration of bpmn:IntermediateCatchEvent 'Wait' does not parse: the expression ends too early` },
    { elementId: 'Ship', message: `FEEL expression '="ship-" +' in the called process id (zeebe:calledElement processId) of bpmn:CallActivity 'Ship' does not parse: the expression ends too early` },
    {
      elementId: 'Message_paid',
      message: `FEEL expression '=order id +' in the correlation key (zeebe:subscription correlationKey) of bpmn:Message 'Message_paid' does not parse: the expression ends too early`,
    },
  ],
});
