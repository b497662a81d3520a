import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('message-subscription', {
  'subscriptions.bpmn': [
    { elementId: 'No_ref', message: `Expected bpmn:IntermediateCatchEvent 'No_ref' to reference the message it waits for (messageRef to a bpmn:message with a name and a zeebe:subscription correlationKey) but found none` },
    { elementId: 'Unknown_ref', message: `Expected the message reference (messageRef) of bpmn:IntermediateCatchEvent 'Unknown_ref' to name a bpmn:message but found no element with id 'Message_gone'` },
    { elementId: 'Unnamed', message: `Expected bpmn:Message 'Message_unnamed', which bpmn:IntermediateCatchEvent 'Unnamed' waits for, to have a name but found none` },
    { elementId: 'Static_key', message: `Expected the correlation key (zeebe:subscription correlationKey) of bpmn:Message 'Message_static' ('confirmed'), which bpmn:ReceiveTask 'Static_key' waits for, to be a FEEL expression (like =orderId) but found the static value 'order-1': Camunda evaluates it when the subscription opens, usually to read a variable of the instance` },
    { elementId: 'No_key', message: `Expected a correlation key (zeebe:subscription correlationKey) on bpmn:Message 'Message_no_subscription' ('cancel-order'), which bpmn:BoundaryEvent 'No_key' waits for, but found no zeebe:subscription: Camunda correlates a published message to a waiting instance by its name and correlation key` },
    { elementId: 'Twice', message: `Expected one zeebe:subscription on bpmn:Message 'Message_twice' ('twice'), which bpmn:ReceiveTask 'Twice' waits for, but found 2` },
    { elementId: 'Empty_key', message: `Expected a correlation key (zeebe:subscription correlationKey) on bpmn:Message 'Message_empty' ('stop'), which bpmn:StartEvent 'Empty_key' waits for, but found an empty one` },
  ],
});
