import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('script-task', {
  'script-and-job.bpmn': [
    { elementId: 'Task_1', message: `Expected either a FEEL script (zeebe:script) or a job type (zeebe:taskDefinition) on bpmn:ScriptTask 'Task_1' but found both` },
  ],
  'javascript-only.bpmn': [
    {
      elementId: 'Task_1',
      message:
        `Expected a FEEL script (zeebe:script) or a job type (zeebe:taskDefinition) on bpmn:ScriptTask 'Task_1' but found neither ` +
        '(its javascript bpmn:script is not run: Baton evaluates only FEEL scripts in zeebe:script)',
    },
  ],
  'incomplete-script.bpmn': [
    { elementId: 'No_result', message: `Expected a result variable (zeebe:script resultVariable) on bpmn:ScriptTask 'No_result' but found none` },
    { elementId: 'No_expression', message: `Expected an expression (zeebe:script expression) on bpmn:ScriptTask 'No_expression' but found none` },
    { elementId: 'Bad_result', message: `Expected the result variable (zeebe:script resultVariable) of bpmn:ScriptTask 'Bad_result' to be a variable name but found 'the result'` },
  ],
});
