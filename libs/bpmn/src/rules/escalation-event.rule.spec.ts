import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('escalation-event', {
  'escalations.bpmn': [
    { elementId: 'No_escalation', message: `Expected bpmn:IntermediateThrowEvent 'No_escalation' to throw an escalation with a code (escalationRef to a bpmn:escalation with escalationCode) but found no escalation reference` },
    { elementId: 'Unknown', message: `Expected the escalation reference (escalationRef) of bpmn:IntermediateThrowEvent 'Unknown' to name a bpmn:escalation but found no element with id 'Escalation_gone'` },
    { elementId: 'No_code', message: `Expected bpmn:EndEvent 'No_code' to throw an escalation with a code (escalationRef to a bpmn:escalation with escalationCode) but found bpmn:Escalation 'Escalation_nocode' without escalationCode` },
    { elementId: 'Feel_catch', message: `Expected a static escalation code on bpmn:BoundaryEvent 'Feel_catch', which catches escalations, but found the expression '=code': Camunda matches caught escalations by a fixed code` },
    { elementId: 'On_task', message: `Expected bpmn:BoundaryEvent 'On_task', which catches escalations, to be attached to a subprocess or a call activity, where escalations are thrown, but it is attached to bpmn:Task 'Task'` },
  ],
});
