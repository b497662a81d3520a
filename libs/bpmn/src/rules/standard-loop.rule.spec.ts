import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('standard-loop', {
  'loops.bpmn': [
    {
      elementId: 'Endless',
      message:
        `Expected a loop condition (bpmn:loopCondition, a FEEL expression like =loopCounter < 3) or a loop maximum (loopMaximum) on the standard loop of bpmn:Task 'Endless' but found neither: the loop would never end`,
    },
    { elementId: 'Negative', message: `Expected the loop maximum (bpmn:standardLoopCharacteristics loopMaximum) of bpmn:Task 'Negative' to be an integer ≥ 0 but found -1` },
    { elementId: 'Words', message: `Expected the loop maximum (bpmn:standardLoopCharacteristics loopMaximum) of bpmn:Task 'Words' to be an integer ≥ 0 but found a value that is not an integer` },
  ],
});
