import { describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('user-task', {
  'two-form-references.bpmn': [
    { elementId: 'Task_1', message: `Expected one of formId, formKey or externalReference on the zeebe:formDefinition of bpmn:UserTask 'Task_1' but found formId and externalReference` },
  ],
  'unknown-embedded-form.bpmn': [
    {
      elementId: 'Task_1',
      message: `Expected the form key 'camunda-forms:bpmn:UserTaskForm_missing' of bpmn:UserTask 'Task_1' to name a zeebe:userTaskForm of bpmn:Process 'unknown-embedded-form' but found no form with id 'UserTaskForm_missing'`,
    },
  ],
  'priority-out-of-range.bpmn': [
    { elementId: 'Task_1', message: `Expected the priority (zeebe:priorityDefinition priority) of bpmn:UserTask 'Task_1' to be an integer from 0 to 100 or a FEEL expression but found '120'` },
  ],
  'version-tag-binding-without-tag.bpmn': [
    { elementId: 'Task_1', message: `Expected a version tag (zeebe:formDefinition versionTag) on the form of bpmn:UserTask 'Task_1', whose binding type is versionTag, but found none` },
  ],
  'local-due-date.bpmn': [
    {
      elementId: 'Task_1',
      message:
        `Expected the dueDate (zeebe:taskSchedule dueDate) of bpmn:UserTask 'Task_1' to be an ISO 8601 date-time with offset (like 2025-01-31T17:00:00+01:00) or a FEEL expression ` +
        `but found '2025-12-31T17:00:00': it does not have the form YYYY-MM-DDThh:mm:ss followed by Z or an offset like +01:00`,
    },
  ],
});
