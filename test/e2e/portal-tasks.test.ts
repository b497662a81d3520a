import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasHorizontalScroll, PHONE, screenshot } from '../support/browser.js';
import { usePortalEngine } from '../support/portal.js';
import { send } from '../support/process-api.js';
import { claimTask, completeTask, taskDetail as detail, showOfferedTasks, taskLink } from '../support/task-steps.js';

/**
 * The portal's task list and task page, end to end: a real engine that deployed processes/
 * (expense approval with its forms), the built portal, Chromium. Tasks are started over REST
 * as emma, as another system would; people work on them in the browser.
 */

// The browser globals used inside page.evaluate callbacks (the root tsconfig has no DOM lib).
declare const document: { dispatchEvent(event: unknown): boolean };
declare const Event: new (type: string) => unknown;

const { engine, openAs } = usePortalEngine({ processesDir: 'processes' });

/** emma submits an expense over REST; returns the instance key. */
async function submitExpense(amount: number, description: string): Promise<string> {
  const { status, body } = await send(engine(), 'POST', '/v2/process-instances', { processDefinitionId: 'expense-approval', variables: { amount, category: 'travel', expenseDate: '2025-03-14', description } }, 'emma');
  expect(status, JSON.stringify(body)).toBe(200);
  return body.processInstanceKey;
}

/** The open task of an instance, as demo sees it (every task). */
async function openTaskOf(processInstanceKey: string): Promise<any> {
  const { body } = await send(engine(), 'POST', '/v2/user-tasks/search', { filter: { processInstanceKey, state: 'CREATED' } });
  expect(body.items).toHaveLength(1);
  return body.items[0];
}

/**
 * Has the page re-read the task now, as it does when its tab becomes visible again, and waits for
 * that answer: the page's next refresh is then a full interval away, so a test can change the task
 * behind the page's back and act on the page before the page notices.
 */
async function rereadTaskNow(page: Page, userTaskKey: string): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().endsWith(`/v2/user-tasks/${userTaskKey}`) && r.request().method() === 'GET');
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await answered;
}

describe('portal: tasks', () => {
  it('mia claims the approval offered to her group, fills the form and completes it; frank completes the finance review', async () => {
    const instance = await submitExpense(2500, 'Flights to the Lisbon workshop');

    // Given mia at home: the approval waits for her group
    const { page, unexpectedProblems } = await openAs('mia', '/');
    const tasksCard = page.getByRole('region', { name: 'Your tasks' });
    await tasksCard.getByRole('link', { name: '1 waiting for your groups, unclaimed' }).waitFor();
    expect(await tasksCard.getByRole('link', { name: '0 assigned to you' }).isVisible()).toBe(true);

    // When she opens her tasks, she finds the approval under "Offered to my groups"
    await tasksCard.getByRole('link', { name: 'Open tasks' }).click();
    await page.waitForURL(`${engine().url}/tasks`);
    await showOfferedTasks(page);
    const item = taskLink(page, 'Approve expense');
    await expect.poll(() => item.innerText()).toContain('Unassigned');
    expect(await item.innerText()).toContain('Offered to managers');
    await screenshot(page, 'tasks-list-desktop');

    // When she opens it, the form shows the expense (from the instance's variables)
    await item.click();
    await detail(page).getByRole('heading', { name: 'Approve expense' }).waitFor();
    await detail(page).getByText('2500 EUR').waitFor();
    expect(await detail(page).getByText('Flights to the Lisbon workshop').isVisible()).toBe(true);
    expect(await detail(page).locator('.task-status-line').innerText()).toMatch(/^Unassigned/);

    // And claims it
    await claimTask(page);
    await expect.poll(() => taskLink(page, 'Approve expense').innerText()).toContain('Assigned to you');

    // A comment over the form's 2000 characters is refused by the form, and nothing is sent
    await page.getByLabel('I approve this expense').check();
    await page.getByLabel('Comment').fill('x'.repeat(2001));
    await detail(page).getByRole('button', { name: 'Complete task' }).click();
    expect(await detail(page).getByRole('alert').innerText()).toBe('Not completed yet. Check this field: Comment.');
    expect((await openTaskOf(instance)).elementId).toBe('approve-expense');
    await screenshot(page, 'task-form-invalid-desktop');

    // When she writes a proper comment and completes the task
    await page.getByLabel('Comment').fill('Fine, the workshop is confirmed.');
    await screenshot(page, 'task-form-desktop');
    await completeTask(page, 'Approve expense');

    // Then the engine has her decision, and the task left her list
    const approval = (await send(engine(), 'POST', '/v2/user-tasks/search', { filter: { processInstanceKey: instance, elementId: 'approve-expense' } })).body.items[0];
    expect(approval).toMatchObject({ state: 'COMPLETED', assignee: 'mia' });
    const variables = (await send(engine(), 'POST', '/v2/variables/search', { filter: { processInstanceKey: instance } })).body.items;
    expect(Object.fromEntries(variables.map((v: any) => [v.name, JSON.parse(v.value)]))).toMatchObject({ approved: true, managerComment: 'Fine, the workshop is confirmed.' });
    await taskLink(page, 'Approve expense').waitFor({ state: 'detached' });
    expect(unexpectedProblems()).toEqual([]);

    // Given frank, finance: he sees the review offered to his group and completes it without claiming first
    const frank = await openAs('frank', '/tasks?view=offered');
    await taskLink(frank.page, 'Review expense \\(finance\\)').click();
    await detail(frank.page).getByText("Manager's comment: Fine, the workshop is confirmed.").waitFor();
    await frank.page.getByLabel('Finance approves the payment').check();
    await frank.page.getByLabel('Comment').fill('Booked on cost centre 4711.');
    await screenshot(frank.page, 'task-finance-review-desktop');
    await completeTask(frank.page, 'Review expense (finance)', 'Claim and complete');

    // Then the expense is approved by finance
    const done = await send(engine(), 'GET', `/v2/process-instances/${instance}`);
    expect(done.body.state).toBe('COMPLETED');
    const outcome = (await send(engine(), 'POST', '/v2/variables/search', { filter: { processInstanceKey: instance, name: 'outcome' } })).body.items;
    expect(outcome.map((v: any) => v.value)).toEqual(['"approved by finance"']);
    expect(frank.unexpectedProblems()).toEqual([]);
  });

  it('explains a conflict: demo claims the task while mia has it open, mia’s claim is refused with who has it', async () => {
    const instance = await submitExpense(400, 'Taxi to the airport');
    const { userTaskKey } = await openTaskOf(instance);

    // Given mia and demo (an admin, who sees every task) both have the task open
    const mia = await openAs('mia', `/tasks/${userTaskKey}?view=offered`);
    await detail(mia.page).getByRole('button', { name: 'Claim', exact: true }).waitFor();
    const demo = await openAs('demo', `/tasks/${userTaskKey}`);
    await detail(demo.page).getByRole('button', { name: 'Claim', exact: true }).waitFor();

    // When demo claims it just after mia's page re-read the task (so mia's next refresh is seconds away)
    await rereadTaskNow(mia.page, userTaskKey);
    await detail(demo.page).getByRole('button', { name: 'Claim', exact: true }).click();
    await detail(demo.page).getByText('Assigned to you.').waitFor();

    // And mia, still seeing it unassigned, claims it too
    await detail(mia.page).getByRole('button', { name: 'Claim', exact: true }).click();

    // Then mia is told who was first, and sees the task read-only
    expect(await detail(mia.page).getByRole('alert').innerText()).toBe('demo claimed this task first, so it can’t be yours now. You can still read it.');
    await detail(mia.page).getByText('demo has claimed this task. You can read it; only demo can complete it.').waitFor();
    expect(await detail(mia.page).getByRole('button', { name: /Claim|Complete/ }).count()).toBe(0);
    expect(await mia.page.getByLabel('Comment').isEditable()).toBe(false);
    expect(await mia.page.locator('.fjs-form-field-checkbox').getAttribute('class')).toContain('fjs-readonly');
    // and her list, still under "Offered to my groups", says so too
    await expect.poll(() => taskLink(mia.page, 'Approve expense').innerText()).toContain('Claimed by demo');
    await screenshot(mia.page, 'task-conflict-desktop');

    // When demo releases it, mia's open page notices by itself and offers the claim again
    await detail(demo.page).getByRole('button', { name: 'Unclaim' }).click();
    await detail(demo.page).getByRole('status').getByText('You unclaimed this task').waitFor();
    await detail(mia.page).getByText('demo released this task; you can claim it now.').waitFor();
    await detail(mia.page).getByRole('button', { name: 'Claim', exact: true }).waitFor();

    // When mia fills in the form and demo claims the task again just before she completes it
    await mia.page.getByLabel('I approve this expense').check();
    await mia.page.getByLabel('Comment').fill('Approved, taxis are fine.');
    await rereadTaskNow(mia.page, userTaskKey);
    expect((await send(engine(), 'POST', `/v2/user-tasks/${userTaskKey}/assignment`, { assignee: 'demo' })).status).toBe(204);
    await detail(mia.page).getByRole('button', { name: 'Claim and complete' }).click();

    // Then her completion is refused with who has it, and she is told her input was not sent
    await detail(mia.page).getByRole('alert').getByText('demo claimed this task before you completed it; only demo can complete it now. What you entered was not sent.').waitFor();
    expect((await openTaskOf(instance)).assignee).toBe('demo');
    await screenshot(mia.page, 'task-complete-conflict-desktop');

    // The only errors in mia's browser are the refused claim and completion (logged by Chromium as failed loads)
    expect(mia.unexpectedProblems([/status of 409 .*\/assignment/, /status of 409 .*\/completion/])).toEqual([]);
    expect(demo.unexpectedProblems()).toEqual([]);
  });

  it('refreshes the list by itself when a task arrives, and filters by process, due date and priority', async () => {
    // Given mia looking at her groups' tasks
    const { page, unexpectedProblems } = await openAs('mia', '/tasks?view=offered&sort=priority');
    await page.getByRole('list', { name: 'Tasks' }).waitFor();
    const before = await page.getByRole('list', { name: 'Tasks' }).getByRole('link').count();

    // When a new expense comes in over REST while the page is open
    const instance = await submitExpense(1800, 'Conference ticket');
    const { userTaskKey } = await openTaskOf(instance);

    // Then it appears without a reload, marked new, first by priority (80 above the 50s)
    const arrived = page.locator(`a[href^="/tasks/${userTaskKey}"]`);
    await arrived.waitFor();
    expect(await arrived.getByText('New').isVisible()).toBe(true);
    expect(await page.getByRole('list', { name: 'Tasks' }).getByRole('link').count()).toBe(before + 1);
    expect(await page.getByRole('list', { name: 'Tasks' }).getByRole('link').first().getAttribute('href')).toBe(`/tasks/${userTaskKey}?view=offered&sort=priority`);

    // When demo sets a due date in the past on it, only it is overdue
    const due = await send(engine(), 'PATCH', `/v2/user-tasks/${userTaskKey}`, { changeset: { dueDate: '2025-01-01T09:00:00.000Z' } });
    expect(due.status).toBe(204);
    await page.getByRole('button', { name: /^Filters and sorting/ }).click();
    await page.getByLabel('Due date').selectOption('overdue');
    await page.waitForURL(/due=overdue/);
    await expect.poll(() => page.getByRole('list', { name: 'Tasks' }).getByRole('link').count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Tasks' }).innerText()).toContain('Overdue');

    // Priority "Critical" (76-100) with "Overdue": still that one; "Low" (0-25): none
    await page.getByLabel('Priority').selectOption('critical');
    await page.waitForURL(/priority=critical/);
    await expect.poll(() => page.getByRole('list', { name: 'Tasks' }).getByRole('link').count()).toBe(1);
    await page.getByLabel('Priority').selectOption('low');
    await page.getByText('No tasks match these filters.').waitFor();
    await screenshot(page, 'tasks-filters-desktop');

    // Process filter: expense approval keeps the overdue one; clearing the filters brings all back
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Process').selectOption('expense-approval');
    await expect.poll(() => page.getByRole('list', { name: 'Tasks' }).getByRole('link').count()).toBe(before + 1);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('works on a phone: list, menu and task form fit the screen', async () => {
    const instance = await submitExpense(120, 'Team lunch');
    const { userTaskKey } = await openTaskOf(instance);

    // Given mia on a phone
    const { page, unexpectedProblems } = await openAs('mia', '/tasks?view=offered', PHONE);
    await page.locator(`a[href^="/tasks/${userTaskKey}"]`).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'tasks-list-phone');

    // The navigation folds behind the menu button
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Home', 'Tasks', 'Start', 'My requests']);
    expect(await nav.getByRole('link', { name: 'Tasks' }).getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'nav-menu-phone');
    await page.getByRole('button', { name: 'Menu' }).click();

    // When she opens the task, it takes the whole screen, with a way back
    await page.locator(`a[href^="/tasks/${userTaskKey}"]`).click();
    await detail(page).getByRole('heading', { name: 'Approve expense' }).waitFor();
    await detail(page).getByText('120 EUR').waitFor();
    expect(await page.getByRole('list', { name: 'Tasks' }).isVisible()).toBe(false);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'task-form-phone');
    await detail(page).getByRole('link', { name: '← All tasks' }).click();
    await page.waitForURL(`${engine().url}/tasks?view=offered`);
    await page.getByRole('list', { name: 'Tasks' }).waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });
});
