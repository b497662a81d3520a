import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, screenshot } from '../support/browser.js';
import { deploy } from '../support/deploy.js';
import { retryIncident, useOperateEngine } from '../support/operate-portal.js';
import { openTask } from '../support/process-api.js';
import { taskDetail, taskLink } from '../support/task-steps.js';

/**
 * The task list for real work (docs/portal.md): a task's business context, "Done", "My requests",
 * the approval form's reject rule, and the rough edges — phone layouts without sideways scroll,
 * history to the second, the Retrying banner that goes when the retry is done, filters and the
 * metrics table inside their boxes. Chromium, desktop (1280) and phone (390).
 */

const REQUEST_CONTEXT = fileURLToPath(new URL('../fixtures/tasklist/request-context.bpmn', import.meta.url));
const DESKTOP = { viewport: { width: 1280, height: 900 } };

// What the page.evaluate callbacks below use of the browser (this project compiles tests without the DOM library).
declare const document: any;
declare const window: any;

const { engine, openAs, rest, activatePaymentJob } = useOperateEngine();

beforeAll(async () => {
  const deployed = await deploy(engine(), [REQUEST_CONTEXT]);
  expect(deployed.status, await deployed.clone().text()).toBe(200);
});

/** Starts an instance as `user`; returns its key. */
const startAs = async (user: string, processDefinitionId: string, variables: Record<string, unknown>, businessId?: string) =>
  (await rest('POST', '/v2/process-instances', { processDefinitionId, variables, ...(businessId && { businessId }) }, user)).processInstanceKey as string;

/**
 * No sideways scroll: the page is not wider than the window. (A phone emulation zooms out to show
 * a page wider than the device, which makes `innerWidth` that wider width: compare with the layout
 * viewport, `clientWidth`, too.)
 */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= Math.min(window.innerWidth, document.documentElement.clientWidth));

/** The selectors whose boxes overflow (content wider than the box, or the box past its card). */
const overflowing = (page: Page, selectors: readonly string[]) =>
  page.evaluate((list) => {
    const out: string[] = [];
    for (const selector of list) {
      for (const element of Array.from(document.querySelectorAll(selector) as ArrayLike<any>)) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not shown (e.g. the phone-only toggle on a desktop)
        const parent = element.parentElement!.getBoundingClientRect();
        if (element.scrollWidth > element.clientWidth + 1 || box.right > parent.right + 1 || box.left < parent.left - 1) out.push(`${selector} (${Math.round(box.left)}..${Math.round(box.right)} in ${Math.round(parent.left)}..${Math.round(parent.right)}, scroll ${element.scrollWidth}/${element.clientWidth})`);
      }
    }
    return out;
  }, selectors);

describe('portal: tasks with their business context', () => {
  it('mia sees the business id, who asked and when, and the variables the task names, on desktop and phone', async () => {
    const key = await startAs('emma', 'request-context', { amount: 120, requester: 'Emma Employee', note: 'Team lunch after the fair', secret: 'payroll' }, 'REQ-E2E-1');
    const task = await openTask(engine(), key, 'approve');
    for (const [label, options] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page, unexpectedProblems } = await openAs('mia', `/tasks/${task.userTaskKey}`, options);
      await taskDetail(page).getByRole('heading', { name: 'Approve request' }).waitFor();
      const facts = taskDetail(page).locator('.task-facts');
      await facts.getByText('REQ-E2E-1').waitFor();
      expect(await facts.innerText()).toMatch(/Requested by\s+emma\s+\w{3} \d{1,2}, \d{4}/i);
      const context = taskDetail(page).getByRole('region', { name: 'About this request' });
      await context.waitFor();
      expect(await context.locator('dt').allInnerTexts()).toEqual(['Amount', 'Requester', 'Note']);
      expect(await context.innerText()).toContain('Team lunch after the fair');
      expect(await context.innerText()).not.toContain('payroll');
      // the list item carries the business id as well
      if (label === 'desktop') expect(await taskLink(page, 'Approve request').innerText()).toContain('REQ-E2E-1');
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, `tasklist-context-${label}`);
      expect(unexpectedProblems()).toEqual([]);
    }
  });
});

describe('portal: the expense approval enforces its reject rule', () => {
  it('a reject needs a comment and a confirmation; Go back sends nothing; then Done lists it', async () => {
    const key = await startAs('emma', 'expense-approval', { amount: 480, category: 'Travel', expenseDate: '2026-11-30', description: 'Train to the trade fair' }, 'EXP-E2E-1');
    const task = await openTask(engine(), key, 'approve-expense');
    const { page, unexpectedProblems } = await openAs('mia', `/tasks/${task.userTaskKey}`, DESKTOP);
    await taskDetail(page).getByText('480 EUR').waitFor();

    // Completing with "I approve" unticked and no comment: refused at once, focus on the comment
    await taskDetail(page).getByRole('button', { name: 'Claim and complete' }).click();
    const alert = taskDetail(page).getByRole('alert');
    await expect.poll(() => alert.innerText()).toBe('Not completed yet. Comment: A comment is required when you reject: tell the requester why.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect((await openTask(engine(), key, 'approve-expense')).state).toBe('CREATED');
    await screenshot(page, 'tasklist-reject-needs-comment');

    // With a comment, it asks first; Go back closes the question and sends nothing
    await page.getByLabel('Comment').fill('No receipt attached.');
    await taskDetail(page).getByRole('button', { name: 'Claim and complete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Are you sure?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Reject this expense?');
    await screenshot(page, 'tasklist-reject-confirm');
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await openTask(engine(), key, 'approve-expense')).state).toBe('CREATED');

    // Confirmed: the task is completed with the rejection and the comment
    await taskDetail(page).getByRole('button', { name: 'Claim and complete' }).click();
    await dialog.getByRole('button', { name: 'Reject expense' }).click();
    await taskDetail(page).getByRole('status').getByText('You completed “Approve expense”').waitFor();
    const variables = (await rest('POST', '/v2/variables/search', { filter: { processInstanceKey: key } })).items;
    expect(Object.fromEntries(variables.map((v: any) => [v.name, JSON.parse(v.value)]))).toMatchObject({ approved: false, managerComment: 'No receipt attached.' });

    // "Done" lists the task she completed, with when
    await page.goto(`${engine().url}/tasks?view=done`);
    const done = taskLink(page, 'Approve expense');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/EXP-E2E-1[\s\S]*Completed/);
    expect(await page.getByRole('navigation', { name: 'Task views' }).getByRole('link', { name: /^Done/ }).getAttribute('aria-current')).toBe('page');
    await screenshot(page, 'tasklist-done');
    expect(unexpectedProblems()).toEqual([]);
  });
});

describe('portal: My requests', () => {
  it('emma sees what she started and where each stands, with details to the second; mia never sees hers', async () => {
    const open = await startAs('emma', 'request-context', { amount: 75, requester: 'Emma Employee' }, 'REQ-E2E-2');
    // a payment emma started whose card charge failed with no retries left: delayed
    const stuck = await startAs('emma', 'operate-payment', { amount: 9.5, currency: 'EUR' }, 'PAY-E2E-2');
    const jobKey = await activatePaymentJob(stuck);
    await rest('POST', `/v2/jobs/${jobKey}/failure`, { retries: 0, errorMessage: 'Card provider answered 503' }, 'worker');

    for (const [label, options] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page, unexpectedProblems } = await openAs('emma', '/requests', options);
      const list = page.getByRole('list', { name: 'Your requests' });
      const openItem = list.getByRole('link', { name: /REQ-E2E-2/ });
      await openItem.waitFor();
      expect(await openItem.innerText()).toMatch(/Request with context\s+In progress\s+REQ-E2E-2\s+Now at Approve request \(offered to managers\)/);
      const stuckItem = list.getByRole('link', { name: /PAY-E2E-2/ });
      expect(await stuckItem.innerText()).toMatch(/Delayed: being fixed\s+PAY-E2E-2\s+Delayed at Charge card: being fixed/);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, `tasklist-my-requests-${label}`);

      await stuckItem.click();
      await page.getByRole('heading', { name: 'Card payment' }).waitFor();
      await page.getByText('The people who run Baton have been told').waitFor();
      const step = page.locator('.request-step', { hasText: 'Charge card' });
      expect(await step.innerText()).toMatch(/Delayed: being fixed[\s\S]*\d:\d\d:\d\d/);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, `tasklist-my-request-details-${label}`);
      // emma has no Operate
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operate' }).count()).toBe(0);
      expect(unexpectedProblems()).toEqual([]);
    }

    // mia's list has none of emma's; emma's request by URL is "not yours"
    const mia = await openAs('mia', '/requests', DESKTOP);
    await mia.page.getByText('You have not started anything yet.').waitFor();
    await mia.page.goto(`${engine().url}/requests/${open}`);
    await mia.page.getByRole('alert').getByText('This is not one of your requests').waitFor();
  });
});

describe('portal: rough edges', () => {
  it('history shows times to the second; the Retrying banner goes once the retry is done', async () => {
    const key = await startAs('demo', 'operate-payment', { amount: 12, currency: 'EUR' }, 'PAY-E2E-3');
    const jobKey = await activatePaymentJob(key);
    await rest('POST', `/v2/jobs/${jobKey}/failure`, { retries: 0, errorMessage: 'Card provider answered 503' }, 'worker');
    const { page, unexpectedProblems } = await openAs('demo', `/operate/instances/${key}`, DESKTOP);
    const history = page.getByRole('region', { name: 'History' });
    await history.locator('time').first().waitFor();
    for (const time of await history.locator('time').allInnerTexts()) expect(time).toMatch(/\d:\d\d:\d\d/);

    await retryIncident(page, 'Charge card', 1);
    const banner = page.getByRole('status').filter({ hasText: 'Retrying Charge card' });
    expect(await banner.count()).toBe(1);
    // a worker takes the job again and completes it: the retry is done, the banner goes
    const again = await activatePaymentJob(key);
    await rest('POST', `/v2/jobs/${again}/completion`, { variables: {} }, 'worker');
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.instance-header .state-badge', { hasText: 'Completed' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'tasklist-retry-done');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('every start form fits a 390 px phone without sideways scroll', async () => {
    const { page, unexpectedProblems } = await openAs('emma', '/start', PHONE);
    const links = page.getByRole('list', { name: 'Processes you can start' }).getByRole('link');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) {
      await page.goto(`${engine().url}${href}`);
      await page.getByRole('button', { name: 'Start process' }).waitFor();
      await page.waitForTimeout(300); // form-js lays out after it rendered
      const name = (await page.getByRole('heading', { level: 1 }).innerText()).replace(/\W+/g, '-').toLowerCase();
      await screenshot(page, `tasklist-start-form-phone-${name}`);
      expect(await fitsWidth(page), `${href} scrolls sideways`).toBe(true);
    }
    expect(unexpectedProblems()).toEqual([]);
  });

  it('filters and the metrics table fit their boxes at 1280 and 390 px', async () => {
    for (const [label, options] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page, unexpectedProblems } = await openAs('demo', '/operate/instances', options);
      const filters = page.getByRole('form', { name: 'Filter instances' });
      await filters.waitFor();
      const instanceToggle = filters.locator('.filters-toggle');
      if ((await instanceToggle.isVisible()) && (await instanceToggle.getAttribute('aria-expanded')) === 'false') await instanceToggle.click();
      await page.waitForTimeout(300);
      await screenshot(page, `tasklist-instance-filters-${label}`);
      expect(await fitsWidth(page)).toBe(true);
      expect(await overflowing(page, ['.filters', '.filters .field', '.filters select', '.filters input', '.filters button'])).toEqual([]);

      await page.goto(`${engine().url}/tasks`);
      const toggle = page.locator('.task-filters-toggle');
      await toggle.waitFor({ state: 'attached' });
      if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      await page.waitForTimeout(200);
      // the date range shows its two date inputs
      await page.locator('.task-filters select').nth(1).selectOption('range');
      await screenshot(page, `tasklist-task-filters-${label}`);
      expect(await fitsWidth(page)).toBe(true);
      expect(await overflowing(page, ['.task-filters', '.task-filters .field', '.task-filters select', '.task-filters input'])).toEqual([]);

      // the payment completed by the retry test above gives the table a row or two
      await page.goto(`${engine().url}/operate/metrics?process=operate-payment`);
      await page.locator('.metrics-page .filters').waitFor();
      await page.waitForTimeout(1500);
      await screenshot(page, `tasklist-metrics-${label}`);
      const boxes = ['.metrics-page .filters', '.metrics-page .filters .field', '.metrics-page .filters select', '.metrics-page .filters input', '.metrics-page .table-scroll'];
      expect(await fitsWidth(page)).toBe(true);
      expect(await overflowing(page, boxes)).toEqual([]);
      // a custom period shows its two date-time inputs
      await page.getByLabel('Period', { exact: true }).selectOption('custom');
      await page.getByLabel('From', { exact: true }).waitFor();
      await screenshot(page, `tasklist-metrics-custom-${label}`);
      expect(await fitsWidth(page)).toBe(true);
      expect(await overflowing(page, boxes)).toEqual([]);
      expect(unexpectedProblems()).toEqual([]);
    }
  });
});


