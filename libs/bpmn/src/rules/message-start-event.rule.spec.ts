import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('message-start-event', {
  'message-names.bpmn': [
    { elementId: 'Dynamic', message: `Expected a static message name on bpmn:StartEvent 'Dynamic', a message start event, but found the expression '="order-" + kind': a published message is matched to a start event by a fixed name` },
    { elementId: 'Unnamed', message: `Expected bpmn:StartEvent 'Unnamed' to reference a message with a name (messageRef to a bpmn:message with name) but found bpmn:Message 'Message_unnamed' without name` },
    { elementId: 'No_message', message: `Expected bpmn:StartEvent 'No_message' to reference a message with a name (messageRef to a bpmn:message with name) but found no message` },
    { elementId: 'message-names', message: `Expected the message start events of bpmn:Process 'message-names' to have different messages but 'Placed', 'Placed_again' all start on 'order-placed'` },
  ],
});
