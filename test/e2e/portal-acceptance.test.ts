import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, type LaunchedBrowser } from '../support/browser.js';
import { createFormWithTextField, deployFromEditor, insertUserTask, linkDeployedForm, openDeployedVersion, setCandidateGroups, showProperties } from '../support/modeler-steps.js';
import { diagramElement, expectCompletedPath, expectIncidentShown, retryIncident, useOperateEngine } from '../support/operate-portal.js';
import { claimTask, completeTask, fillExpenseRequest, openStartPage, showOfferedTasks, startProcess, taskDetail, taskLink } from '../support/task-steps.js';

/**
 * The portal's acceptance story as one chained scenario against one real engine (processes/ and
 * the card payment fixture deployed), in Chromium, each person in a browser of their own:
 *
 * 1. anna (analyst) builds a form in the form editor and deploys it, opens the deployed expense
 *    approval in the modeler, adds a user task "File the receipt" linked to that form and offered
 *    to sales, connects it and deploys: version 2.
 * 2. emma (employee, sales) starts version 2 with its start form; mia approves the expense as the
 *    manager (the new task comes after the approval); emma finds the new task in her Tasks,
 *    claims it, fills in anna's field and completes it.
 * 3. demo (admin) opens the instance in Operate: completed, the path through the new task marked.
 * 4. A card payment's job fails with no retries left (a REST worker): demo finds the incident in
 *    Operate, red on the diagram, gives the job retries and presses Retry; a REST worker completes
 *    the job and the page shows the payment completed.
 */
const { engine, openAs, rest, paymentWithIncident, completePaymentJob } = useOperateEngine();

const navigate = (page: Page, to: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: to }).click();

/** The id of the sequence flow from `sourceRef` to `targetRef` in BPMN XML. */
function flowId(xml: string, sourceRef: string, targetRef: string): string {
  const id = new RegExp(`<bpmn:sequenceFlow id="([^"]+)" sourceRef="${sourceRef}" targetRef="${targetRef}"`).exec(xml)?.[1];
  if (!id) throw new Error(`Expected a sequence flow from ${sourceRef} to ${targetRef}`);
  return id;
}

describe('portal: acceptance', () => {
  it('an analyst adds a task with a form, an employee works it, an admin sees it done and repairs a failed job', { timeout: 90_000 }, async () => {
    const browsers: Array<[string, LaunchedBrowser]> = [];
    const open = async (username: string, path: string) => {
      const browser = await openAs(username, path);
      browsers.push([username, browser]);
      return browser.page;
    };

    // 1. anna builds the form "receipt-details" and deploys it
    const anna = await open('anna', '/forms');
    await createFormWithTextField(anna, 'receipt-details', { key: 'receiptNumber', label: 'Receipt number' });
    await deployFromEditor(anna, 'Deployed form receipt-details: version 1.');

    // ...opens expense approval version 1 and puts "File the receipt" between recording the approval and its end
    await navigate(anna, 'Modeler');
    await openDeployedVersion(anna, 'Expense approval', 1);
    const taskId = await insertUserTask(anna, { flowId: 'flow-to-approved', sourceId: 'record-approval', targetId: 'expense-approved', name: 'File the receipt' });
    // ...links it to her form and offers it to sales, in the properties panel
    await showProperties(anna, taskId, 'File the receipt');
    expect(await linkDeployedForm(anna, 'receipt-details')).toContain('receipt-details (version 1)');
    await setCandidateGroups(anna, 'sales');

    // ...and deploys: version 2, shown on the page
    const v2Key = await deployFromEditor(anna, 'Deployed Expense approval: version 2.');
    await anna.locator('.modeler-version-badge', { hasText: 'version 2' }).waitFor();
    await screenshot(anna, 'acceptance-1-modeler-deployed');
    const xml = await (await engine().request(`/v2/process-definitions/${v2Key}/xml`, { user: 'anna' })).text();
    const userTask = new RegExp(`<bpmn:userTask id="${taskId}"[^>]*>([\\s\\S]*?)</bpmn:userTask>`).exec(xml)?.[1] ?? '';
    expect(userTask).toContain('<zeebe:formDefinition formId="receipt-details" />');
    expect(userTask).toContain('<zeebe:assignmentDefinition candidateGroups="sales" />');

    // 2. emma starts version 2 from the Start page with its start form
    const emma = await open('emma', '/start');
    await openStartPage(emma, 'Expense approval');
    expect(new URL(emma.url()).pathname).toBe(`/start/${v2Key}`);
    await emma.getByText('expense-approval · version 2').waitFor();
    await fillExpenseRequest(emma, '120', 'Travel', '03/14/2025', 'Taxi to the client workshop');
    const key = await startProcess(emma, 'Expense approval');
    await screenshot(emma, 'acceptance-2a-started');
    expect(await rest('GET', `/v2/process-instances/${key}`)).toMatchObject({ processDefinitionKey: v2Key, processDefinitionVersion: 2 });

    // ...mia, a manager, approves it (120 EUR: no finance review)
    const mia = await open('mia', '/tasks?view=offered');
    await taskLink(mia, 'Approve expense').click();
    await taskDetail(mia).getByText('Taxi to the client workshop').waitFor();
    await mia.getByLabel('I approve this expense').check();
    await completeTask(mia, 'Approve expense', 'Claim and complete');

    // ...and emma finds anna's new task offered to her group, claims it, fills anna's field and completes it
    await navigate(emma, 'Tasks');
    await showOfferedTasks(emma);
    const item = taskLink(emma, 'File the receipt');
    await expect.poll(() => item.innerText(), { timeout: 15_000 }).toContain('Offered to sales');
    await item.click();
    await taskDetail(emma).getByText('Expense approval v2').waitFor();
    await claimTask(emma);
    await emma.getByLabel('Receipt number').fill('R-2025-0042');
    await screenshot(emma, 'acceptance-2b-task-form');
    await completeTask(emma, 'File the receipt');
    const filed = (await rest('POST', '/v2/user-tasks/search', { filter: { processInstanceKey: key, elementId: taskId } })).items;
    expect(filed).toEqual([expect.objectContaining({ state: 'COMPLETED', assignee: 'emma' })]);
    const variables = (await rest('POST', '/v2/variables/search', { filter: { processInstanceKey: key, name: 'receiptNumber' } })).items;
    expect(variables.map((v: any) => v.value)).toEqual(['"R-2025-0042"']);

    // 3. demo opens the instance in Operate: completed, the path through the new task marked
    const demo = await open('demo', '/operate/instances?process=expense-approval&version=2');
    await demo.getByRole('link', { name: key }).click();
    await expectCompletedPath(
      demo,
      ['expense-submitted', 'approve-expense', 'manager-decision', 'amount-check', 'record-approval', taskId, 'expense-approved'],
      ['flow-to-approval', flowId(xml, 'record-approval', taskId), flowId(xml, taskId, 'expense-approved')],
    );
    expect(await diagramElement(demo, 'finance-review').getAttribute('class')).not.toContain('op-completed');
    await demo.locator('.instance-header').getByText('Expense approval · version 2').waitFor();
    await screenshot(demo, 'acceptance-3-operate-completed');

    // 4. A payment's job fails with no retries left; demo finds the incident in Operate, red on the diagram
    const { key: paymentKey, jobKey } = await paymentWithIncident('PAY-ACCEPT-1', 'Card provider answered 503 Service Unavailable');
    await demo.goto(`${engine().url}/operate/instances?incident=true`);
    await demo.getByRole('link', { name: paymentKey }).click();
    await expectIncidentShown(demo, 'charge-card', 'Card provider answered 503 Service Unavailable');
    await screenshot(demo, 'acceptance-4a-incident');

    // ...gives the job 2 retries and presses Retry; a REST worker completes the job; the page shows it completed
    await retryIncident(demo, 'Charge card', 2);
    expect(await completePaymentJob(paymentKey, { receipt: 'R-778' })).toBe(jobKey);
    await expectCompletedPath(demo, ['payment-requested', 'charge-card', 'payment-done'], ['flow-to-charge', 'flow-to-paid']);
    await screenshot(demo, 'acceptance-4b-retried-completed');

    for (const [username, browser] of browsers) expect(browser.unexpectedProblems(), username).toEqual([]);
  });
});
