import { describeRuleFixtures } from '../../test/support/fixtures.js';

const ignored = (flow: string, condition: string, source: string) => ({
  elementId: flow,
  message:
    `Expected no condition on bpmn:SequenceFlow '${flow}', which leaves ${source}, but found '${condition}': ` +
    'Baton, like Zeebe, evaluates conditions only on flows leaving an exclusive or inclusive gateway, so this one would be ignored; ' +
    `add a gateway after ${source} to branch`,
});

describeRuleFixtures('conditional-flow', {
  'condition-after-task.bpmn': [ignored('Flow_ok', '=ok', `bpmn:Task 'Check'`), ignored('Flow_start', '=skip', `bpmn:StartEvent 'Start'`)],
});
