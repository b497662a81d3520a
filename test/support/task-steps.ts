import type { Locator, Page } from 'playwright-core';

/**
 * Steps on the pages where employees work, as the browser tests take them: the Start page and a
 * start form, the task list and the task page (claim, complete).
 */

/** The task list's link to the task whose name is `name` (a regular expression's source). */
export const taskLink = (page: Page, name: string): Locator => page.getByRole('list', { name: 'Tasks' }).getByRole('link', { name: new RegExp(`^${name}`) });

/** The open task. */
export const taskDetail = (page: Page): Locator => page.locator('.task-detail');

/** Switches the task list to "Offered to my groups". */
export async function showOfferedTasks(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Task views' }).getByRole('link', { name: /^Offered to my groups/ }).click();
  await page.waitForURL(/view=offered/);
}

/** Claims the open task and waits until the page says it is the user's. */
export async function claimTask(page: Page): Promise<void> {
  await taskDetail(page).getByRole('button', { name: 'Claim', exact: true }).click();
  await taskDetail(page).getByRole('status').getByText('You claimed this task.').waitFor();
  await taskDetail(page).getByText('Assigned to you.').waitFor();
}

/** Completes the open task named `name` with `button` ("Claim and complete" for an unclaimed one) and waits for the confirmation. */
export async function completeTask(page: Page, name: string, button: 'Complete task' | 'Claim and complete' = 'Complete task'): Promise<void> {
  await taskDetail(page).getByRole('button', { name: button }).click();
  await taskDetail(page).getByRole('status').getByText(`You completed “${name}”`).waitFor();
}

/** On the Start page: opens the process named `name` and waits for its start page. */
export async function openStartPage(page: Page, name: string): Promise<void> {
  await page.getByRole('list', { name: 'Processes you can start' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await page.getByRole('heading', { name: `Start “${name}”` }).waitFor();
}

/** On a start page with a valid form: starts the process; returns the instance key the page shows. */
export async function startProcess(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Start process' }).click();
  try {
    await page.getByRole('heading', { name: `Started “${name}”` }).waitFor({ timeout: 30_000 });
  } catch (error) {
    // Say what the page showed instead (a validation message, an engine problem) rather than only "timeout".
    const shown = await page.getByRole('alert').allInnerTexts().catch(() => []);
    throw new Error(`"${name}" did not start; the page shows: ${JSON.stringify(shown)}`, { cause: error });
  }
  return page.locator('.start-instance-key').innerText();
}

/** Fills the expense request start form (form-js: a number, a custom select, a date picker, a text area). */
export async function fillExpenseRequest(page: Page, amount: string, category: string, date: string, description: string): Promise<void> {
  await page.getByLabel('Amount (EUR)').fill(amount);
  await page.locator('.fjs-form-field-select .fjs-select-display').click();
  await page.locator('.fjs-dropdownlist-item', { hasText: category }).click();
  await page.getByLabel('Date of the expense').fill(date);
  await page.getByLabel('Date of the expense').press('Enter');
  await page.getByLabel('What was it for?').fill(description);
}
