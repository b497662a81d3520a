import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('gateway-exit', {
  'no-outgoing.bpmn': [{ elementId: 'Decide', message: `Expected bpmn:ExclusiveGateway 'Decide' to have at least one outgoing sequence flow but found none` }],
  'missing-condition.bpmn': [
    { elementId: 'Flow_no', message: `Expected a condition on bpmn:SequenceFlow 'Flow_no', which leaves bpmn:ExclusiveGateway 'Decide' and is not its default flow, but found none` },
    {
      elementId: 'Flow_blank',
      message: `Expected a condition on bpmn:SequenceFlow 'Flow_blank', which leaves bpmn:ExclusiveGateway 'Decide' and is not its default flow, but found none`,
    },
  ],
  'default-elsewhere.bpmn': [
    {
      elementId: 'Decide',
      message: `Expected the default flow of bpmn:ExclusiveGateway 'Decide' to be one of its outgoing sequence flows but found bpmn:SequenceFlow 'Flow_1', which does not leave it`,
    },
  ],
  'unresolved-default.bpmn': [
    {
      elementId: 'Decide',
      message: `Expected the default flow of bpmn:InclusiveGateway 'Decide' to be one of its outgoing sequence flows but found no element with id 'Flow_gone'`,
    },
  ],
  'default-with-condition.bpmn': [
    { elementId: 'Flow_other', message: `Expected no condition on bpmn:SequenceFlow 'Flow_other', the default flow of bpmn:ExclusiveGateway 'Decide', but found '=not(vip)'` },
  ],
  'parallel-condition.bpmn': [
    {
      elementId: 'Flow_a',
      message: `Expected no condition on bpmn:SequenceFlow 'Flow_a', which leaves bpmn:ParallelGateway 'Fork' (a parallel gateway takes every outgoing flow), but found '=express'`,
    },
  ],
});
