import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('event-based-gateway', {
  'gateway-targets.bpmn': [
    { elementId: 'One_way', message: `Expected bpmn:EventBasedGateway 'One_way' to have at least two outgoing sequence flows, one to each event it waits for, but found 1` },
    { elementId: 'Flow_conditional', message: `Expected no condition on bpmn:SequenceFlow 'Flow_conditional', which leaves bpmn:EventBasedGateway 'Decide' (the event that happens first decides the way), but found '=amount > 0'` },
    { elementId: 'Flow_receive', message: `Expected the target of bpmn:SequenceFlow 'Flow_receive', which leaves bpmn:EventBasedGateway 'Decide', to be an intermediate catch event of a message, timer, signal or condition but found bpmn:ReceiveTask 'Confirm': Camunda 8 waits only for catch events after an event-based gateway; use a message intermediate catch event` },
    { elementId: 'Flow_task', message: `Expected the target of bpmn:SequenceFlow 'Flow_task', which leaves bpmn:EventBasedGateway 'Decide', to be an intermediate catch event of a message, timer, signal or condition but found bpmn:Task 'Check'` },
    { elementId: 'Shared', message: `Expected bpmn:IntermediateCatchEvent 'Shared', which waits after bpmn:EventBasedGateway 'Decide', to have no other incoming sequence flow but found bpmn:SequenceFlow 'Flow_back'` },
    { elementId: 'Decide', message: `Expected the message catch events after bpmn:EventBasedGateway 'Decide' to wait for different messages but 'Paid', 'Paid_again' all wait for 'paid'` },
    { elementId: 'Decide', message: `Expected the signal catch events after bpmn:EventBasedGateway 'Decide' to wait for different signals but 'Stop_1', 'Stop_2' all wait for 'stop'` },
  ],
});
