import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('unique-id', {
  'duplicate-task-id.bpmn': [
    {
      elementId: 'Task_1',
      message: `Expected element ids to be unique but 'Task_1' is used again at line 8, column 5 (first by bpmn:Task 'Task_1')`,
      line: 8,
      column: 5,
    },
  ],
  'missing-id.bpmn': [{ message: `Expected an id on the bpmn:Task named 'Forgotten' in bpmn:Process 'missing-id' but found none` }],
});
