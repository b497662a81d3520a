import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('ad-hoc-subprocess', {
  'ad-hoc.bpmn': [
    { elementId: 'Empty', message: `Expected bpmn:AdHocSubProcess 'Empty', an ad-hoc subprocess, to contain at least one activity but found none` },
    { elementId: 'Empty', message: `Expected no start or end events in bpmn:AdHocSubProcess 'Empty', an ad-hoc subprocess (its elements are activated on request), but found bpmn:StartEvent 'Inner_start'` },
    { elementId: 'Empty', message: `Expected the output collection (zeebe:adHoc outputCollection) of bpmn:AdHocSubProcess 'Empty' to be a variable name but found 'the results'` },
    { elementId: 'Empty', message: `Expected an output element (zeebe:adHoc outputElement) on bpmn:AdHocSubProcess 'Empty', which collects into 'the results', but found none` },
    { elementId: 'Agent', message: `Expected a job type (zeebe:taskDefinition type) on bpmn:AdHocSubProcess 'Agent', an ad-hoc subprocess with the job worker implementation, but found none` },
    { elementId: 'Agent', message: `Expected an output collection (zeebe:adHoc outputCollection) on bpmn:AdHocSubProcess 'Agent', which has the output element '=result', but found none` },
  ],
});
