import { describe, expect, it } from 'vitest';
import { diagramElement, expectCompletedPath, expectIncidentShown, retryIncident, screenshot, stateBadge, useOperateEngine } from '../support/operate-portal.js';

/**
 * Operations in the portal, end to end: a real engine (processes/ deployed, plus a card payment
 * process with one service task, retries 1), the built portal, Chromium. Instances are driven
 * over REST as other systems and workers would; the admin watches and repairs them in the browser.
 * The instances list and the phone layouts are in portal-operate-instances.test.ts.
 */
const { engine, openAs, rest, startPayment, completePaymentJob, paymentWithIncident, instanceState } = useOperateEngine();

describe('portal: operate', () => {
  it('an admin finds a completed instance from the processes overview and sees the path it took on its diagram', async () => {
    // Given an expense emma submitted and the manager approved (500: no finance review)
    const key = (await rest('POST', '/v2/process-instances', { processDefinitionId: 'expense-approval', businessId: 'EXP-OP-1', variables: { amount: 500, category: 'travel', expenseDate: '2025-03-14', description: 'Train to Porto' } }, 'emma'))
      .processInstanceKey;
    const { items: tasks } = await rest('POST', '/v2/user-tasks/search', { filter: { processInstanceKey: key, state: 'CREATED' } });
    await rest('POST', `/v2/user-tasks/${tasks[0].userTaskKey}/completion`, { variables: { approved: true, managerComment: 'Fine' } });
    expect(await instanceState(key)).toBe('COMPLETED');

    // When the admin opens Operate: the overview counts the completed instance
    const { page, unexpectedProblems } = await openAs('demo', '/operate');
    await page.getByRole('heading', { name: 'Processes' }).waitFor();
    const expenseRow = page.locator('tbody.process-group', { has: page.getByRole('link', { name: 'Expense approval' }) });
    await expect.poll(() => expenseRow.getByRole('link', { name: '1 completed' }).count()).toBe(1);
    await screenshot(page, 'operate-processes-desktop');

    // ...follows the completed count to the instances list, filtered to that process and state
    await expenseRow.getByRole('link', { name: '1 completed' }).click();
    await page.waitForURL(/\/operate\/instances\?process=expense-approval&state=COMPLETED/);
    await page.getByRole('status').filter({ hasText: '1–1 of 1 instances' }).waitFor();
    await expect.poll(() => page.getByLabel('Process').inputValue()).toBe('expense-approval');
    await screenshot(page, 'operate-instances-desktop');

    // ...and opens the instance
    await page.getByRole('link', { name: key }).click();
    await page.waitForURL(`${engine().url}/operate/instances/${key}`);

    // Then the diagram marks the completed path: elements and the sequence flows taken, not the others
    await expectCompletedPath(page, ['expense-submitted', 'approve-expense', 'manager-decision', 'amount-check', 'record-approval', 'expense-approved'], ['flow-to-approval']);
    await page.getByText('This instance has ended.').waitFor();
    expect(await diagramElement(page, 'finance-review').getAttribute('class')).not.toContain('op-completed');
    expect(await diagramElement(page, 'expense-rejected').getAttribute('class')).not.toContain('op-completed');
    expect(await page.locator('.instance-diagram .op-flow-taken').count()).toBeGreaterThanOrEqual(5);

    // ...with the header, variables (with their scope) and the audit log
    await expect.poll(() => page.locator('.instance-header').textContent()).toContain('EXP-OP-1');
    const variables = page.getByRole('table', { name: 'Variables' });
    await variables.getByRole('row', { name: /managerComment\s+"Fine"\s+Process/ }).waitFor();
    const history = page.getByRole('list', { name: 'Events' });
    await history.getByText('User task completed').waitFor();
    expect(await history.getByText('Variable created').count()).toBe(0); // details only with "Every event"
    await page.getByLabel('Every event (lifecycle steps, flows, variables, subscriptions)').check();
    expect(await history.getByText('Variable created').count()).toBeGreaterThan(0);
    await screenshot(page, 'operate-instance-completed-desktop');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('a job fails with no retries left: the incident shows in red, the admin retries it, a worker completes the job', async () => {
    // Given a payment whose job a REST worker failed with no retries left
    const { key, jobKey } = await paymentWithIncident('PAY-OP-1', 'Card provider answered 503 Service Unavailable');

    // When the admin opens the instance
    const { page, unexpectedProblems } = await openAs('demo', `/operate/instances/${key}`);

    // Then the failed task is red on the diagram with its incident count, the start is on the path taken
    const incidents = await expectIncidentShown(page, 'charge-card', 'Card provider answered 503 Service Unavailable');
    expect(await diagramElement(page, 'payment-requested').getAttribute('class')).toContain('op-completed');
    expect(await diagramElement(page, 'flow-to-charge').getAttribute('class')).toContain('op-flow-taken');
    await page.getByText('Incident at Charge card').waitFor();
    await screenshot(page, 'operate-instance-incident-desktop');

    // A retry needs at least one retry for the job: said next to the button, nothing sent
    await incidents.getByLabel('Retries').fill('0');
    await incidents.getByRole('button', { name: 'Retry Charge card' }).click();
    await incidents.getByRole('alert').filter({ hasText: 'Give the job at least 1 retry.' }).waitFor();

    // When the admin gives the job 2 retries and presses Retry
    await retryIncident(page, 'Charge card', 2);
    const job = (await rest('POST', '/v2/jobs/search', { filter: { jobKey } })).items[0];
    expect(job.retries).toBe(2);

    // ...and a worker picks the job up again and completes it
    expect(await completePaymentJob(key, { receipt: 'R-778' })).toBe(jobKey);

    // Then the page shows the instance completed, by itself, and the whole path taken
    await expectCompletedPath(page, ['payment-requested', 'charge-card', 'payment-done'], ['flow-to-charge', 'flow-to-paid']);
    expect(await page.locator('.op-badge-incident').count()).toBe(0);
    await page.getByRole('table', { name: 'Variables' }).getByRole('row', { name: /receipt\s+"R-778"/ }).waitFor();
    await page.getByRole('list', { name: 'Events' }).getByText('Incident resolved').waitFor();
    await screenshot(page, 'operate-instance-retried-desktop');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('the admin cancels an instance from its page after confirming', async () => {
    const key = await startPayment('PAY-OP-2');
    const { page, unexpectedProblems } = await openAs('demo', `/operate/instances/${key}`);
    await expect.poll(() => stateBadge(page).textContent()).toBe('Active');
    await diagramElement(page, 'charge-card').and(page.locator('.op-active')).waitFor();
    expect(await page.locator('.op-badge-active').textContent()).toBe('1');

    await page.getByRole('button', { name: 'Cancel instance' }).click();
    const confirm = page.getByRole('group', { name: /Cancel this instance\?/ });
    await confirm.waitFor();
    // Changing one's mind keeps it running
    await confirm.getByRole('button', { name: 'Keep it running' }).click();
    expect(await instanceState(key)).toBe('ACTIVE');
    await page.getByRole('button', { name: 'Cancel instance' }).click();
    await screenshot(page, 'operate-instance-cancel-confirm-desktop');
    await page.getByRole('button', { name: 'Yes, cancel instance' }).click();

    await page.getByRole('status').filter({ hasText: 'The instance was canceled.' }).waitFor();
    await expect.poll(() => stateBadge(page).textContent()).toBe('Canceled');
    expect(await instanceState(key)).toBe('TERMINATED');
    await diagramElement(page, 'charge-card').and(page.locator('.op-canceled')).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel instance' }).count()).toBe(0);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('analysts watch but may not retry or cancel; employees cannot open operations at all', async () => {
    const { key } = await paymentWithIncident('PAY-ANNA-1', 'Timeout talking to the bank');

    const anna = await openAs('anna', `/operate/instances/${key}`);
    await anna.page.getByRole('region', { name: '1 incident' }).getByText('Only admins can retry incidents.').waitFor();
    expect(await anna.page.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
    expect(await anna.page.getByRole('button', { name: 'Cancel instance' }).count()).toBe(0);
    expect(anna.unexpectedProblems()).toEqual([]);

    const emma = await openAs('emma', '/');
    await emma.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).waitFor();
    expect(await emma.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operate' }).count()).toBe(0);
    await emma.page.goto(`${engine().url}/operate/instances/${key}`);
    await emma.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(emma.unexpectedProblems()).toEqual([]);
  });
});
