import { describe, expect, it } from 'vitest';
import type { UserTaskNode } from '../model/executable-process.js';
import { compileFixture, describeRuleFixtures, project } from '../../test/support/fixtures.js';

const expected = (attribute: string, task: string, kind: string, field: string, value: string) =>
  `Expected ${attribute} of bpmn:UserTask '${task}' to be ${kind} or a variable reference like \${name}, which Baton reads as the Camunda 8 ${field}, ` +
  `but found the expression '${value}': Baton does not evaluate Camunda 7 (JUEL) expressions, and without its assignment the task would be offered to everyone; ` +
  `set it with zeebe:assignmentDefinition ${field} as a FEEL expression instead`;

describeRuleFixtures('camunda-7-assignment', {
  'expressions.bpmn': [
    { elementId: 'Review', message: expected('c7:assignee', 'Review', 'a user name', 'assignee', '#{jobAnnouncementService.findRequester(jobAnnouncementId)}') },
    { elementId: 'Edit', message: expected('c7:candidateUsers', 'Edit', 'a comma-separated list', 'candidateUsers', '${someBean.method()}') },
    { elementId: 'Regional', message: expected('c7:assignee', 'Regional', 'a user name', 'assignee', '${true}') },
    { elementId: 'Regional', message: expected('c7:candidateGroups', 'Regional', 'a comma-separated list', 'candidateGroups', 'sales-${region}') },
  ],
});

/** The compiled user task `id` of a fixture that deploys. */
async function userTaskOf(fixture: string, id: string): Promise<UserTaskNode['userTask']> {
  const result = await compileFixture(fixture);
  if (!result.ok) throw new Error(`Expected ${fixture} to compile but got ${JSON.stringify(result.problems)}`);
  const node = result.processes[0]!.elements[id];
  if (node?.type !== 'bpmn:UserTask') throw new Error(`Expected a user task '${id}' in ${fixture}`);
  return node.userTask;
}

describe("rule 'camunda-7-assignment': what a Camunda 7 assignment becomes", () => {
  it('given static names and lists, when compiled, then they are the static Camunda 8 assignment', async () => {
    expect(await userTaskOf('camunda-7-assignment/valid/static-and-variables.bpmn', 'AssignReviewer')).toMatchObject({ assignee: { kind: 'static', value: 'demo' } });
    const transfer = await userTaskOf('camunda-7-assignment/valid/static-and-variables.bpmn', 'Transfer');
    expect(transfer).toMatchObject({ candidateGroups: { kind: 'static', value: 'accounting, finance' }, candidateUsers: { kind: 'static', value: 'frank' } });
    expect(transfer).not.toHaveProperty('assignee');
  });

  it('given ${name} and #{ name }, when compiled, then each is the FEEL expression naming the variable', async () => {
    expect((await userTaskOf('camunda-7-assignment/valid/static-and-variables.bpmn', 'Review')).assignee).toEqual({ kind: 'feel', expression: 'reviewer' });
    expect(await userTaskOf('camunda-7-assignment/valid/static-and-variables.bpmn', 'Approve')).toMatchObject({
      candidateGroups: { kind: 'feel', expression: 'approverGroups' },
      candidateUsers: { kind: 'feel', expression: 'approvers' },
    });
  });

  it('given a translated assignment, when compiled, then a warning says how each attribute was read, and the other Camunda 7 settings are still reported as ignored', async () => {
    const result = await compileFixture('camunda-7-assignment/valid/static-and-variables.bpmn');
    const warnings = result.warnings.filter((w) => w.elementId === 'Review' || w.elementId === 'Approve').map(project);
    expect(warnings).toEqual([
      {
        rule: 'camunda-7-assignment',
        elementId: 'Review',
        message: `bpmn:UserTask 'Review' has its assignment in Camunda 7 settings, which Baton reads as the zeebe:assignmentDefinition: camunda:assignee '\${reviewer}' as assignee '=reviewer'`,
      },
      {
        rule: 'camunda-7-assignment',
        elementId: 'Approve',
        message:
          `bpmn:UserTask 'Approve' has its assignment in Camunda 7 settings, which Baton reads as the zeebe:assignmentDefinition: ` +
          `camunda:candidateGroups '\${approverGroups}' as candidateGroups '=approverGroups', camunda:candidateUsers '#{ approvers }' as candidateUsers '=approvers'`,
      },
      {
        rule: 'camunda-7-extension',
        elementId: 'Review',
        message: `bpmn:UserTask 'Review' has Camunda 7 settings (camunda:dueDate), which Baton ignores: it reads only the Camunda 8 (zeebe) extensions`,
      },
    ]);
  });

  it('given a zeebe:assignmentDefinition next to Camunda 7 settings, when compiled, then the Zeebe one wins, with a warning, even over an expression Baton cannot read', async () => {
    const review = await userTaskOf('camunda-7-assignment/valid/zeebe-wins.bpmn', 'Review');
    expect(review.assignee).toEqual({ kind: 'feel', expression: 'requester' });
    expect(review).not.toHaveProperty('candidateGroups');
    const result = await compileFixture('camunda-7-assignment/valid/zeebe-wins.bpmn');
    expect(result.warnings.filter((w) => w.rule === 'camunda-7-assignment').map(project)).toEqual([
      {
        rule: 'camunda-7-assignment',
        elementId: 'Review',
        message: `bpmn:UserTask 'Review' has a zeebe:assignmentDefinition and Camunda 7 assignment settings (camunda:assignee, camunda:candidateGroups): the zeebe:assignmentDefinition wins, so camunda:assignee, camunda:candidateGroups are ignored`,
      },
      {
        rule: 'camunda-7-assignment',
        elementId: 'Publish',
        message: `bpmn:UserTask 'Publish' has its assignment in Camunda 7 settings, which Baton reads as the zeebe:assignmentDefinition: camunda:candidateGroups 'engineering' as candidateGroups 'engineering'`,
      },
    ]);
  });

  it('given an empty zeebe:assignmentDefinition, when compiled, then the Camunda 7 settings are read (an empty one does not offer the task to everyone)', async () => {
    expect((await userTaskOf('camunda-7-assignment/valid/zeebe-wins.bpmn', 'Publish')).candidateGroups).toEqual({ kind: 'static', value: 'engineering' });
  });
});
