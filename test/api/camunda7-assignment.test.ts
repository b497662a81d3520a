import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';
import { command, search, startInstance } from '../fixtures/queries/scenario.js';
import { deploy } from '../support/deploy.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Camunda 7 models whose user tasks are assigned with camunda:assignee / camunda:candidateGroups /
 * camunda:candidateUsers: Baton reads static values and ${name} as the Camunda 8 assignment, so the
 * tasks are offered to the right people and not to everyone, and refuses a model naming each task
 * whose expression it cannot read. Real models from ../shared/models/camunda7, and one written in
 * their pattern where none of the corpus can deploy (test/fixtures/camunda7/invoice-approval-c7.bpmn).
 * Demo users: emma (sales), frank (finance), mia (managers, sales), demo (admin).
 */
const camunda7 = resolve(projectRoot(), '../shared/models/camunda7');
const INVOICE_APPROVAL_C7 = 'test/fixtures/camunda7/invoice-approval-c7.bpmn';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.stop();
});

async function deployModel(path: string): Promise<{ status: number; body: any }> {
  const response = await deploy(engine, [{ name: path.split('/').pop()!, content: await readFile(path) }]);
  return { status: response.status, body: await response.json() };
}

/** The open tasks of an instance as `user` sees them in POST /v2/user-tasks/search, by element id. */
async function openTasksAs(user: string, processInstanceKey: string): Promise<Record<string, any>> {
  const { status, body } = await search(engine, '/v2/user-tasks/search', { filter: { processInstanceKey, state: 'CREATED' } }, user);
  expect(status).toBe(200);
  return Object.fromEntries(body.items.map((task: any) => [task.elementId, task]));
}

/** The one open task of an instance that `user` sees (a task is created in the transaction that starts or moves the instance: no waiting). */
async function onlyTaskFor(user: string, processInstanceKey: string, elementId: string): Promise<any> {
  const tasks = await openTasksAs(user, processInstanceKey);
  expect(Object.keys(tasks)).toEqual([elementId]);
  return tasks[elementId];
}

describe('Camunda 7 user task assignment', () => {
  it('deploys camunda-bpm-platform reviewInvoice.bpmn with its static and ${reviewer} assignees, seen only by the assignee', async () => {
    // Given the corpus model, whose tasks say camunda:assignee="demo" and camunda:assignee="${reviewer}"
    const deployed = await deployModel(join(camunda7, 'camunda-bpm-platform__reviewInvoice.bpmn'));
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(200);
    expect(deployed.body.warnings.filter((w: any) => w.rule === 'camunda-7-assignment')).toEqual([
      expect.objectContaining({ elementId: 'assignReviewer', message: expect.stringContaining(`camunda:assignee 'demo' as assignee 'demo'`) }),
      expect.objectContaining({ elementId: 'reviewInvoice', message: expect.stringContaining(`camunda:assignee '\${reviewer}' as assignee '=reviewer'`) }),
    ]);

    // When an instance starts, the first task is demo's: emma does not see it
    const processInstanceKey = await startInstance(engine, 'ReviewInvoice');
    expect(await onlyTaskFor('demo', processInstanceKey, 'assignReviewer')).toMatchObject({ assignee: 'demo', candidateGroups: [], candidateUsers: [] });
    expect(await openTasksAs('emma', processInstanceKey)).toEqual({});

    // When demo names mia as reviewer, the review is assigned to mia: she sees it, emma and frank do not
    const first = await onlyTaskFor('demo', processInstanceKey, 'assignReviewer');
    await command(engine, 'POST', `/v2/user-tasks/${first.userTaskKey}/completion`, { variables: { reviewer: 'mia' } });
    expect(await onlyTaskFor('mia', processInstanceKey, 'reviewInvoice')).toMatchObject({ assignee: 'mia', candidateGroups: [], candidateUsers: [] });
    expect(await openTasksAs('emma', processInstanceKey)).toEqual({});
    expect(await openTasksAs('frank', processInstanceKey)).toEqual({});
  });

  it('offers the tasks of a model in the invoice.v2 pattern to ${approverGroups} and the static group, not to everyone', async () => {
    const deployed = await deployModel(INVOICE_APPROVAL_C7);
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(200);

    // Given the approver groups decided at start (in invoice.v2 a DMN decision does it)
    const processInstanceKey = await startInstance(engine, 'invoice-approval-c7', { approverGroups: ['managers'], clerk: 'emma' });
    // Then the approval is offered to managers: mia sees it, emma (sales) and frank (finance) do not
    expect(await onlyTaskFor('mia', processInstanceKey, 'approveInvoice')).toMatchObject({ candidateGroups: ['managers'], candidateUsers: [] });
    expect(await openTasksAs('emma', processInstanceKey)).toEqual({});
    expect(await openTasksAs('frank', processInstanceKey)).toEqual({});
    expect((await search(engine, '/v2/user-tasks/search', { filter: { processInstanceKey, candidateGroup: 'managers' } })).body.items).toHaveLength(1);

    // When mia approves, the bank transfer is offered to finance and to the clerk the instance names
    const approval = await onlyTaskFor('mia', processInstanceKey, 'approveInvoice');
    await command(engine, 'POST', `/v2/user-tasks/${approval.userTaskKey}/completion`, { variables: { approved: true } }, 'mia');
    expect(await onlyTaskFor('frank', processInstanceKey, 'prepareBankTransfer')).toMatchObject({ candidateGroups: ['finance'], candidateUsers: ['emma'] });
    expect(await onlyTaskFor('emma', processInstanceKey, 'prepareBankTransfer')).toMatchObject({ candidateGroups: ['finance'] });
    expect(await openTasksAs('mia', processInstanceKey)).toEqual({});
  });

  it('refuses camunda-bpm-examples job announcement naming the two tasks whose assignee is a bean call, and reads the candidate groups of the others', async () => {
    const refused = await deployModel(join(camunda7, 'camunda-bpm-examples__camunda-testing-job-announcement.bpmn'));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ title: 'INVALID_ARGUMENT', code: 'DEPLOYMENT.INVALID_RESOURCE' });
    // Refused for other reasons too (a Java expression service task, JUEL conditions, a Camunda 7 call activity) ...
    expect(new Set(refused.body.problems.map((p: any) => p.rule))).toEqual(new Set(['job-type', 'call-activity', 'feel-expression', 'camunda-7-assignment']));
    // ... but the assignment problems name exactly the tasks with bean calls: review and correct, not edit and publish
    const assignment = refused.body.problems.filter((p: any) => p.rule === 'camunda-7-assignment');
    expect(assignment.map((p: any) => [p.elementId, p.elementType])).toEqual([
      ['review', 'bpmn:UserTask'],
      ['correct', 'bpmn:UserTask'],
    ]);
    expect(assignment[0].message).toContain(`camunda:assignee of bpmn:UserTask 'review'`);
    expect(assignment[0].message).toContain(`'#{jobAnnouncementService.findRequester(jobAnnouncementId)}'`);
    expect(refused.body.warnings.filter((w: any) => w.rule === 'camunda-7-assignment').map((w: any) => w.elementId)).toEqual(['edit', 'publish']);
  });

  it('reads the assignment of camunda-bpm-platform invoice.v2.bpmn (refused for DMN, a Java delegate and JUEL conditions, not for its assignment)', async () => {
    const refused = await deployModel(join(camunda7, 'camunda-bpm-platform__invoice.v2.bpmn'));
    expect(refused.status).toBe(400);
    expect(refused.body.problems.filter((p: any) => p.rule === 'camunda-7-assignment')).toEqual([]);
    expect(refused.body.warnings.filter((w: any) => w.rule === 'camunda-7-assignment').map((w: any) => [w.elementId, w.message])).toEqual([
      ['approveInvoice', expect.stringContaining(`camunda:candidateGroups '\${approverGroups}' as candidateGroups '=approverGroups'`)],
      ['prepareBankTransfer', expect.stringContaining(`camunda:candidateGroups 'accounting' as candidateGroups 'accounting'`)],
    ]);
  });
});
