import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('sequence-flow', {
  'unresolved-target.bpmn': [
    { elementId: 'Flow_1', message: `Expected the target of bpmn:SequenceFlow 'Flow_1' to be an element of the model but found no element with id 'Task_gone'` },
  ],
  'missing-source.bpmn': [{ elementId: 'Flow_2', message: `Expected bpmn:SequenceFlow 'Flow_2' to have a source (sourceRef) but found none` }],
  'into-subprocess.bpmn': [
    {
      elementId: 'Flow_1',
      message: `Expected the target of bpmn:SequenceFlow 'Flow_1' to be in the same scope as the flow (bpmn:Process 'into-subprocess') but found bpmn:Task 'Inner_task' in bpmn:SubProcess 'Inner'`,
    },
  ],
  'to-data-object.bpmn': [
    {
      elementId: 'Flow_1',
      message: `Expected the target of bpmn:SequenceFlow 'Flow_1' to be a flow node (event, activity or gateway) but found bpmn:DataObjectReference 'Invoice'`,
    },
  ],
});
