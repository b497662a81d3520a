import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('multi-instance', {
  'loop-characteristics.bpmn': [
    { elementId: 'No_collection', message: `Expected an input collection (zeebe:loopCharacteristics inputCollection, a FEEL expression like =items) on multi-instance bpmn:Task 'No_collection' but found none` },
    { elementId: 'Static_collection', message: `Expected the input collection (zeebe:loopCharacteristics inputCollection) of bpmn:Task 'Static_collection' to be a FEEL expression like =items but found 'items'` },
    { elementId: 'Static_collection', message: `Expected the input element (zeebe:loopCharacteristics inputElement) of bpmn:Task 'Static_collection' to be a variable name but found 'the item'` },
    { elementId: 'Half_output', message: `Expected an output element (zeebe:loopCharacteristics outputElement) on bpmn:Task 'Half_output', which collects into 'results', but found none` },
    { elementId: 'Static_output', message: `Expected an output collection (zeebe:loopCharacteristics outputCollection) on bpmn:Task 'Static_output', which has the output element 'result', but found none` },
    { elementId: 'Static_output', message: `Expected the output element (zeebe:loopCharacteristics outputElement) of bpmn:Task 'Static_output' to be a FEEL expression like =result but found 'result'` },
  ],
});
