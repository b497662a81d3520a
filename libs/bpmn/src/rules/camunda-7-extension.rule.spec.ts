import { describe, expect, it } from 'vitest';
import { compileFixture, fixtureFiles, project } from '../../test/support/fixtures.js';

describe("rule 'camunda-7-extension'", () => {
  it.each(fixtureFiles('camunda-7-extension', 'valid'))('valid/%s deploys (the rule never refuses)', async (file) => {
    expect((await compileFixture(`camunda-7-extension/valid/${file}`)).ok).toBe(true);
  });

  it('given a Zeebe-only model, when compiled, then there is no warning', async () => {
    expect((await compileFixture('camunda-7-extension/valid/zeebe-only.bpmn')).warnings).toEqual([]);
  });

  it('given a model converted from Camunda 7, when compiled, then each element with camunda: settings gets a warning naming them, and the task\'s assignment is read, not ignored', async () => {
    const result = await compileFixture('camunda-7-extension/valid/converted-user-task.bpmn');
    expect(result.warnings.map(project)).toEqual([
      {
        rule: 'camunda-7-assignment',
        elementId: 'Approve',
        message: `bpmn:UserTask 'Approve' has its assignment in Camunda 7 settings, which Baton reads as the zeebe:assignmentDefinition: camunda:assignee 'demo' as assignee 'demo'`,
      },
      {
        rule: 'camunda-7-extension',
        elementId: 'converted-user-task',
        message: `bpmn:Process 'converted-user-task' has Camunda 7 settings (camunda:historyTimeToLive), which Baton ignores: it reads only the Camunda 8 (zeebe) extensions`,
      },
      {
        rule: 'camunda-7-extension',
        elementId: 'Approve',
        message: `bpmn:UserTask 'Approve' has Camunda 7 settings (camunda:formKey, camunda:inputOutput), which Baton ignores: it reads only the Camunda 8 (zeebe) extensions`,
      },
    ]);
  });

  it('given camunda:assignee on an element that is no user task, when compiled, then it is reported as ignored', async () => {
    const result = await compileFixture('camunda-7-extension/valid/assignee-on-service-task.bpmn');
    expect(result.warnings.map(project)).toEqual([
      {
        rule: 'camunda-7-extension',
        elementId: 'Work',
        message: `bpmn:ServiceTask 'Work' has Camunda 7 settings (camunda:assignee), which Baton ignores: it reads only the Camunda 8 (zeebe) extensions`,
      },
    ]);
  });
});
