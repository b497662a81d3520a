import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('job-type', {
  'service-task-without-job-type.bpmn': [{ elementId: 'charge', message: `Expected a job type (zeebe:taskDefinition type) on bpmn:ServiceTask 'charge' but found none` }],
  'empty-job-type.bpmn': [{ elementId: 'Task_1', message: `Expected a job type (zeebe:taskDefinition type) on bpmn:SendTask 'Task_1' but found an empty type` }],
  'bad-retries.bpmn': [
    {
      elementId: 'Task_1',
      message: `Expected the job retries (zeebe:taskDefinition retries) on bpmn:ServiceTask 'Task_1' to be a non-negative integer or a FEEL expression but found 'three'`,
    },
  ],
  'message-events-without-job.bpmn': [
    { elementId: 'Shipped', message: `Expected a job type (zeebe:taskDefinition type) on bpmn:IntermediateThrowEvent 'Shipped' but found none` },
    { elementId: 'Done', message: `Expected a job type (zeebe:taskDefinition type) on bpmn:EndEvent 'Done' but found none` },
  ],
  'camunda-7-service-task.bpmn': [
    {
      elementId: 'Task_1',
      message: `Expected a job type (zeebe:taskDefinition type) on bpmn:ServiceTask 'Task_1' but found none (it has the Camunda 7 attribute camunda:class, which Baton does not execute)`,
    },
  ],
});
