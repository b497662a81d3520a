import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasHorizontalScroll, PHONE, screenshot } from '../support/browser.js';
import { deploy } from '../support/deploy.js';
import { usePortalEngine } from '../support/portal.js';
import { send } from '../support/process-api.js';
import { completeTask, fillExpenseRequest, openStartPage, startProcess } from '../support/task-steps.js';

/**
 * Starting processes from the portal, end to end: the expense approval (deployed from
 * processes/ with its start form), a process without a start form (variables editor, and a
 * task for the starter), and a process only messages start (not offered).
 */

/** No start form; its one task is offered to sales and has no form either. */
const TEAM_REQUEST = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_team_request" targetNamespace="http://baton.local/test"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="team-request" name="Team request" isExecutable="true">
    <bpmn:startEvent id="requested"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="handle-request" name="Handle request">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="sales" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="handled"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="requested" targetRef="handle-request" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle-request" targetRef="handled" />
  </bpmn:process>
</bpmn:definitions>`;
const MESSAGE_START = fileURLToPath(new URL('../../libs/bpmn/test/fixtures/supported-element/valid/message-start.bpmn', import.meta.url));

const { engine, openAs } = usePortalEngine({ processesDir: 'processes' }, async (started) => {
  const deployed = await deploy(started, [{ name: 'team-request.bpmn', content: TEAM_REQUEST }, MESSAGE_START]);
  expect(deployed.status, await deployed.clone().text()).toBe(200);
});

async function instancesOf(processDefinitionId: string): Promise<any[]> {
  return (await send(engine(), 'POST', '/v2/process-instances/search', { filter: { processDefinitionId } })).body.items;
}

async function variablesOf(processInstanceKey: string): Promise<Record<string, unknown>> {
  const { body } = await send(engine(), 'POST', '/v2/variables/search', { filter: { processInstanceKey } });
  return Object.fromEntries(body.items.map((v: any) => [v.name, JSON.parse(v.value)]));
}

describe('portal: start a process', () => {
  it('emma starts an expense with its start form: refused while invalid, then started, with the instance key', async () => {
    // Given emma on the Start page: the processes she can start, not the message-started one
    const { page, unexpectedProblems } = await openAs('emma', '/start');
    const list = page.getByRole('list', { name: 'Processes you can start' });
    await list.waitFor();
    expect(await list.getByRole('link').allInnerTexts()).toEqual([
      'Expense approval\nexpense-approval · version 1\nStarts with a form',
      'Order fulfilment\norder-fulfilment · version 1\nStarts with a form',
      'Order with online payment\norder-payment · version 1\nStarts with a form',
      'Purchase approval with reminders\npurchase-approval · version 1\nStarts with a form',
      'Team request\nteam-request · version 1\nStarts with variables',
      'Trip booking\ntrip-booking · version 1\nStarts with variables',
    ]);
    await screenshot(page, 'start-list-desktop');

    // When she opens the expense approval and starts it without filling the form
    await openStartPage(page, 'Expense approval');
    await page.getByLabel('Amount (EUR)').waitFor();
    await page.getByRole('button', { name: 'Start process' }).click();

    // Then the form's validation says what is missing, and nothing was started
    expect(await page.getByRole('alert').innerText()).toBe('Not started yet. Check these fields: Amount (EUR), Category, Date of the expense, What was it for?');
    expect(await page.getByText('Field is required.').count()).toBe(4);
    expect(await page.getByLabel('Amount (EUR)').evaluate((element) => element === (element.ownerDocument as any).activeElement)).toBe(true);
    expect(await instancesOf('expense-approval')).toEqual([]);
    await screenshot(page, 'start-form-invalid-desktop');

    // When she fills it in and starts it
    await fillExpenseRequest(page, '2500', 'Travel', '03/14/2025', 'Flights to the Lisbon workshop');
    const shownKey = await startProcess(page, 'Expense approval');

    // Then she sees the new instance's key; the engine has it with her values
    const [instance] = await instancesOf('expense-approval');
    expect(shownKey).toBe(instance.processInstanceKey);
    expect(await variablesOf(instance.processInstanceKey)).toEqual({ amount: 2500, category: 'travel', expenseDate: '2025-03-14', description: 'Flights to the Lisbon workshop' });
    // the approval is for managers, so there is no task for her to open
    expect(await page.getByText('Nothing in it waits for you right now').isVisible()).toBe(true);
    const forMia = (await send(engine(), 'POST', '/v2/user-tasks/search', { filter: { processInstanceKey: instance.processInstanceKey } }, 'mia')).body.items;
    expect(forMia.map((t: any) => t.name)).toEqual(['Approve expense']);
    await screenshot(page, 'start-result-desktop');

    // "Start another" brings back an empty form
    await page.getByRole('button', { name: 'Start another' }).click();
    await page.getByLabel('Amount (EUR)').waitFor();
    expect(await page.getByLabel('What was it for?').inputValue()).toBe('');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('starts a process without a start form from variables, links to the starter’s task, which she completes with variables', async () => {
    // Given emma on the team request, which has no start form
    const { page, unexpectedProblems } = await openAs('emma', '/start');
    await openStartPage(page, 'Team request');

    // When she types text without JSON quotes, it is refused at the field
    await page.getByLabel('Name 1').fill('topic');
    await page.getByLabel('Value 1 (JSON)').fill('travel budget');
    await page.getByRole('button', { name: 'Start process' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Not started yet. Fix the variable marked below.');
    expect(await page.getByLabel('Value 1 (JSON)').getAttribute('aria-invalid')).toBe('true');
    await page.getByText(/^Not valid JSON/).waitFor();
    expect(await instancesOf('team-request')).toEqual([]);
    await screenshot(page, 'start-variables-invalid-desktop');

    // When she quotes it, adds a second variable and starts
    await page.getByLabel('Value 1 (JSON)').fill('"travel budget"');
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByLabel('Name 2').fill('urgent');
    await page.getByLabel('Value 2 (JSON)').fill('true');

    // Then the result links to her group's task in the new instance
    await startProcess(page, 'Team request');
    const [instance] = await instancesOf('team-request');
    expect(await variablesOf(instance.processInstanceKey)).toEqual({ topic: 'travel budget', urgent: true });
    await page.getByRole('link', { name: 'Open “Handle request”' }).click();

    // And the task page, without a form, shows the variables and an editor to complete it with
    await page.locator('.task-detail').getByRole('heading', { name: 'Handle request' }).waitFor();
    await page.getByText('Variables of this task').click();
    expect(await page.locator('.task-variables dl').innerText()).toBe('topic\n"travel budget"\nurgent\ntrue');
    await page.getByLabel('Name 1').fill('resolution');
    await page.getByLabel('Value 1 (JSON)').fill('{"approved": true, "budget": 1200}');
    await screenshot(page, 'task-variables-desktop');
    await completeTask(page, 'Handle request', 'Claim and complete');

    const task = (await send(engine(), 'POST', '/v2/user-tasks/search', { filter: { processInstanceKey: instance.processInstanceKey } })).body.items[0];
    expect(task).toMatchObject({ state: 'COMPLETED', assignee: 'emma' });
    expect(await variablesOf(instance.processInstanceKey)).toEqual({ topic: 'travel budget', urgent: true, resolution: { approved: true, budget: 1200 } });
    expect(unexpectedProblems()).toEqual([]);
  });

  it('fits a phone: the Start page and the start form', async () => {
    const { page, unexpectedProblems } = await openAs('emma', '/start', PHONE);
    await page.getByRole('list', { name: 'Processes you can start' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'start-list-phone');

    await openStartPage(page, 'Expense approval');
    await page.getByLabel('Amount (EUR)').waitFor();
    await page.getByRole('button', { name: 'Start process' }).click();
    await page.getByRole('alert').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'start-form-phone');
    expect(unexpectedProblems()).toEqual([]);
  });
});
