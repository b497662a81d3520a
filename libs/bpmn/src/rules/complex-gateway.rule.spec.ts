import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('complex-gateway', {
  'condition-without-join.bpmn': [
    { elementId: 'Lonely', message: `Expected no activation condition on bpmn:ComplexGateway 'Lonely', which has one incoming flow and so never joins, but found '=true'` },
  ],
});
