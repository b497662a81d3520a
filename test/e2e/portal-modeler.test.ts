import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalScroll, launchBrowser, PHONE, screenshot, type LaunchedBrowser, type LaunchBrowserOptions } from '../support/browser.js';
import { deploy } from '../support/deploy.js';
import {
  clickCanvasBackground,
  contextPad,
  createFormWithTextField,
  deployFromEditor,
  elementIdNamed,
  insertUserTask,
  linkDeployedForm,
  notice as status,
  openDeployedVersion,
  openGroup,
  propertiesPanel as panel,
  selectElement as select,
  shape,
  showProperties,
} from '../support/modeler-steps.js';
import { assertPortalBuilt } from '../support/portal.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The analysts' workspace end to end: the built portal served by a real engine (fresh MariaDB
 * database, demo users) in real Chromium. anna builds a form in the form editor, opens the
 * deployed expense approval in the modeler, adds a user task linked to that form, deploys
 * version 2, and the engine then gives the new task that form. A model with a problem shows it on
 * the element. Employees never get the modeler.
 */

declare const history: { back(): void };

const EXPENSE_FILES = ['expense-approval.bpmn', 'expense-request.form', 'approve-expense.form', 'finance-review.form'].map((name) => `processes/${name}`);
const INVOICE_INTAKE = 'test/fixtures/modeler/invoice-intake.bpmn';
const INVOICE_DRAFT = 'test/fixtures/modeler/invoice-draft.bpmn';
const INVOICE_C7 = 'test/fixtures/camunda7/invoice-approval-c7.bpmn';
/** What Chromium logs for a refused deployment; allowed only where a test provokes it. */
const LOGGED_400 = /status of 400 .*\/v2\/deployments/;

describe('portal: modeler and form editor', () => {
  let engine: TestEngine;
  let expenseV1Key: string;
  const browsers: LaunchedBrowser[] = [];

  beforeAll(async () => {
    assertPortalBuilt();
    engine = await startTestEngine();
    const response = await deploy(engine, EXPENSE_FILES);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { deployments: Array<{ processDefinition?: { processDefinitionKey: string } }> };
    expenseV1Key = body.deployments.find((d) => d.processDefinition)!.processDefinition!.processDefinitionKey;
  });

  afterEach(async () => {
    await Promise.all(browsers.splice(0).map((browser) => browser.close()));
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function openPortal(options?: LaunchBrowserOptions): Promise<LaunchedBrowser & { scripts: string[] }> {
    const browser = await launchBrowser(options);
    browsers.push(browser);
    const scripts: string[] = [];
    browser.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await browser.page.goto(`${engine.url}/sign-in`);
    return { ...browser, scripts };
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(username);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${engine.url}/`);
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

  async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
    const [file] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])) as [Download, void];
    return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
  }

  /** The scripts (paths the browser loaded) whose code contains `marker`. */
  async function scriptsContaining(paths: readonly string[], marker: string): Promise<string[]> {
    const found: string[] = [];
    for (const path of paths) {
      if ((await (await fetch(engine.url + path)).text()).includes(marker)) found.push(path);
    }
    return found;
  }

  it('anna builds a form, links a new user task of expense approval to it and deploys version 2', async () => {
    const { page, scripts, unexpectedProblems } = await openPortal();
    await signIn(page, 'anna');
    expect(await nav(page).getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['Modeler', 'Forms']));
    // The home page loads none of bpmn-js (diagram-js's palette) or form-js's editor
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const homeScripts = [...scripts];
    expect(await scriptsContaining(homeScripts, 'djs-palette')).toEqual([]);
    expect(await scriptsContaining(homeScripts, 'fjs-palette-field')).toEqual([]);

    // Given a new form built in the form editor
    await nav(page).getByRole('link', { name: 'Forms' }).click();
    await page.getByRole('heading', { name: 'Forms', level: 1 }).waitFor();
    expect(await scriptsContaining(scripts, 'fjs-palette-field')).not.toEqual([]);
    await createFormWithTextField(page, 'receipt-check', { key: 'receiptNumber', label: 'Receipt number' });
    expect(await page.locator('.modeler-dirty').innerText()).toBe('Unsaved changes');

    // When she deploys it, it is version 1; deploying it again changes nothing
    expect(await deployFromEditor(page, 'Deployed form receipt-check: version 1.')).toMatch(/^\d+$/);
    expect(new URL(page.url()).pathname).toMatch(/^\/forms\/\d+$/);
    expect(await page.locator('.modeler-dirty').count()).toBe(0);
    await page.getByRole('complementary', { name: 'Deployed forms' }).getByRole('link', { name: /Version 1/ }).waitFor();
    await screenshot(page, 'form-editor-desktop');
    await page.getByRole('button', { name: 'Deploy' }).click();
    await status(page).getByText('Unchanged: form receipt-check is still version 1 (nothing differs from it).').waitFor();

    // When she opens version 1 of expense approval in the modeler
    await nav(page).getByRole('link', { name: 'Modeler' }).click();
    await openDeployedVersion(page, 'Expense approval', 1);
    await shape(page, 'record-approval').waitFor();
    expect(await scriptsContaining(scripts, 'djs-palette')).not.toEqual([]);
    expect(new URL(page.url()).pathname).toBe(`/modeler/${expenseV1Key}`);

    // ...replaces the flow into the end event by a user task "File the receipt" (context pad:
    // delete; palette: create a task; context pad: change type, connect)
    const taskId = await insertUserTask(page, { flowId: 'flow-to-approved', sourceId: 'record-approval', targetId: 'expense-approved', name: 'File the receipt' });

    // ...and links it to the deployed form with the properties panel
    await showProperties(page, taskId, 'File the receipt');
    expect(await linkDeployedForm(page, 'receipt-check')).toEqual([
      '— Choose a deployed form —',
      'approve-expense (version 1)',
      'expense-request (version 1)',
      'finance-review (version 1)',
      'receipt-check (version 1)',
    ]);
    expect(await page.locator('.modeler-dirty').innerText()).toBe('Unsaved changes');

    // Then deploying makes version 2, shown on the page and in the list
    const v2Key = await deployFromEditor(page, 'Deployed Expense approval: version 2.');
    expect(v2Key).not.toBe(expenseV1Key);
    await page.locator('.modeler-version-badge', { hasText: 'version 2' }).waitFor();
    const processes = page.getByRole('complementary', { name: 'Deployed processes' });
    await processes.getByRole('link', { name: /Version 2/ }).waitFor();
    expect(await processes.locator('[aria-current="page"]').innerText()).toMatch(/^Version 2/);
    await select(page, taskId);
    await openGroup(panel(page), 'Form');
    await screenshot(page, 'modeler-desktop');

    // And the engine has it: version 2 with the user task, its form link and the new flow
    const definition = (await (await engine.request(`/v2/process-definitions/${v2Key}`, { user: 'anna' })).json()) as { processDefinitionId: string; version: number };
    expect(definition).toMatchObject({ processDefinitionId: 'expense-approval', version: 2 });
    const xml = await (await engine.request(`/v2/process-definitions/${v2Key}/xml`, { user: 'anna' })).text();
    const userTask = new RegExp(`<bpmn:userTask id="${taskId}"[^>]*>([\\s\\S]*?)</bpmn:userTask>`).exec(xml)?.[1] ?? '';
    expect(userTask).toContain('<zeebe:formDefinition formId="receipt-check" />');
    expect(xml).toMatch(new RegExp(`sourceRef="record-approval" targetRef="${taskId}"`));
    expect(xml).toMatch(new RegExp(`sourceRef="${taskId}" targetRef="expense-approved"`));
    expect(xml).not.toContain('id="flow-to-approved"');

    // ...and an instance of version 2 reaches the new task, which shows the form anna built
    const started = (await (await engine.request('/v2/process-instances', { json: { processDefinitionKey: v2Key, variables: { amount: 120, category: 'travel' } } })).json()) as { processInstanceKey: string };
    const findTask = async (elementId: string) => {
      const found = (await (await engine.request('/v2/user-tasks/search', { json: { filter: { processInstanceKey: started.processInstanceKey, elementId, state: 'CREATED' } } })).json()) as { items: Array<{ userTaskKey: string }> };
      expect(found.items).toHaveLength(1);
      return found.items[0]!.userTaskKey;
    };
    const approval = await findTask('approve-expense');
    expect((await engine.request(`/v2/user-tasks/${approval}/completion`, { json: { variables: { approved: true } } })).status).toBe(204);
    const filing = await findTask(taskId);
    const form = (await (await engine.request(`/v2/user-tasks/${filing}/form`)).json()) as { formId: string; version: number; schema: { components: Array<{ key?: string; label?: string }> } };
    expect(form).toMatchObject({ formId: 'receipt-check', version: 1 });
    expect(form.schema.components).toEqual([expect.objectContaining({ key: 'receiptNumber', label: 'Receipt number' })]);

    expect(unexpectedProblems()).toEqual([]);
  });

  it('shows the engine’s problems on the elements they concern and guards undeployed changes', async () => {
    const { page, unexpectedProblems } = await openPortal();
    await signIn(page, 'anna');
    await nav(page).getByRole('link', { name: 'Modeler' }).click();
    await page.locator('.modeler-subtitle', { hasText: 'new diagram, not deployed' }).waitFor();

    // Given a new diagram with a service task that has no job type
    await select(page, 'StartEvent_1');
    await contextPad(page, 'append.append-task').click();
    await page.keyboard.type('Charge card');
    await clickCanvasBackground(page);
    const taskId = await elementIdNamed(page, 'Charge card');
    await select(page, taskId);
    await contextPad(page, 'replace').click();
    await page.locator('[data-id="replace-with-service-task"]').click();
    await select(page, taskId);
    await contextPad(page, 'append.end-event').click();

    // When anna deploys it
    await page.getByRole('button', { name: 'Deploy' }).click();

    // Then the engine's problem is listed, outlined on the service task and counted in its badge
    const problems = page.getByRole('region', { name: '1 problem stopped the deployment' });
    await problems.waitFor();
    const message = 'Expected a job type (zeebe:taskDefinition type) on service task “Charge card” but found none';
    // listed by the task's name; the status says it was refused without repeating the list
    expect(await problems.getByRole('listitem').innerText()).toBe(`Service task “Charge card”\n${message}`);
    expect(await status(page).innerText()).toBe('The engine refused the deployment: one problem, listed below.');
    expect(await page.locator(`.djs-element.baton-problem[data-element-id="${taskId}"]`).count()).toBe(1);
    const badge = page.locator(`.baton-problem-badge[data-element-id="${taskId}"]`);
    expect(await badge.innerText()).toBe('1');
    expect(await badge.getAttribute('title')).toBe(message);
    await clickCanvasBackground(page);
    await screenshot(page, 'modeler-problem');

    // When she clicks the problem, the service task is selected and its properties open
    await problems.getByRole('button', { name: /Service task/ }).click();
    await panel(page).locator('.bio-properties-panel-header-label', { hasText: 'Charge card' }).waitFor();

    // When she leaves with undeployed changes, she is asked first and may stay
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.dismiss();
    });
    await nav(page).getByRole('link', { name: 'Home' }).click();
    expect(question).toBe('This diagram has changes that are not deployed. Leave and lose them?');
    expect(new URL(page.url()).pathname).toBe('/modeler');
    // ...and so does the browser's Back button
    const backQuestion = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.evaluate(() => history.back());
    expect(await backQuestion).toBe('This diagram has changes that are not deployed. Leave and lose them?');
    await page.waitForURL(`${engine.url}/modeler`);
    expect(await page.locator('.modeler-dirty').innerText()).toBe('Unsaved changes');

    // When she gives the task a job type and deploys, the problem is gone and version 1 exists
    await openGroup(panel(page), 'Task definition');
    await panel(page).getByLabel('Job type').fill('charge-card');
    await page.getByRole('button', { name: 'Deploy' }).click();
    await status(page).getByText(/^Deployed Process_\w+: version 1\.$/).waitFor();
    expect(await problems.count()).toBe(0);
    expect(await page.locator('.baton-problem-badge').count()).toBe(0);

    // Then nothing is left to lose: Home opens without a question
    await nav(page).getByRole('link', { name: 'Home' }).click();
    await page.waitForURL(`${engine.url}/`);

    expect(unexpectedProblems([LOGGED_400])).toEqual([]);
  });

  it('opens .bpmn and .form files from disk, deploys them and saves them back', async () => {
    const { page, unexpectedProblems } = await openPortal();
    await signIn(page, 'anna');
    await nav(page).getByRole('link', { name: 'Modeler' }).click();
    await page.locator('.modeler-subtitle', { hasText: 'new diagram, not deployed' }).waitFor();

    // A file that is not BPMN is refused and the diagram stays
    await page.getByLabel('BPMN file to open').setInputFiles({ name: 'notes.bpmn', mimeType: 'application/xml', buffer: Buffer.from('these are notes, not XML') });
    await status(page).getByText(/^notes\.bpmn is not a BPMN diagram bpmn-js can open: .+/).waitFor();
    await page.locator('.modeler-subtitle', { hasText: 'new diagram, not deployed' }).waitFor();
    await shape(page, 'StartEvent_1').waitFor();

    // A Camunda 8 file opens and deploys unchanged, under its own name
    const fixture = await readFile(INVOICE_INTAKE, 'utf8');
    await page.getByLabel('BPMN file to open').setInputFiles(INVOICE_INTAKE);
    await page.getByRole('heading', { name: 'Invoice intake', level: 1 }).waitFor();
    await page.locator('.modeler-subtitle', { hasText: 'from invoice-intake.bpmn' }).waitFor();
    await page.getByRole('button', { name: 'Deploy' }).click();
    await status(page).getByText('Deployed Invoice intake: version 1.').waitFor();
    const key = new URL(page.url()).pathname.split('/').pop()!;
    expect(await (await engine.request(`/v2/process-definitions/${key}`)).json()).toMatchObject({ processDefinitionId: 'invoice-intake', version: 1, resourceName: 'invoice-intake.bpmn' });
    expect(await (await engine.request(`/v2/process-definitions/${key}/xml`)).text()).toBe(fixture);

    // A process that is not executable is refused with a problem about the file, not an element
    await page.getByLabel('BPMN file to open').setInputFiles(INVOICE_DRAFT);
    await page.getByRole('heading', { name: 'Invoice draft', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Deploy' }).click();
    const problems = page.getByRole('region', { name: '1 problem stopped the deployment' });
    expect(await problems.getByRole('listitem').innerText()).toBe(
      `invoice-draft.bpmn\nMust contain at least one executable process: expected a bpmn:process with isExecutable="true" but found only non-executable process 'invoice-draft'`,
    );
    expect(await problems.getByRole('button', { name: /Dismiss/ }).count()).toBe(1);
    expect(await page.locator('.baton-problem-badge').count()).toBe(0);

    // It saves back as the same file, and as an image
    await page.getByLabel('BPMN file to open').setInputFiles(INVOICE_INTAKE);
    await page.getByRole('heading', { name: 'Invoice intake', level: 1 }).waitFor();
    expect(await download(page, 'Download BPMN')).toEqual({ name: 'invoice-intake.bpmn', text: fixture });
    const svg = await download(page, 'Download SVG');
    expect(svg.name).toBe('invoice-intake.svg');
    expect(svg.text).toMatch(/<svg[\s\S]*Check invoice[\s\S]*<\/svg>/);

    // In the form editor: a JSON file that is no form is refused; the deployed form's own file is unchanged
    await nav(page).getByRole('link', { name: 'Forms' }).click();
    await page.getByRole('heading', { name: 'Forms', level: 1 }).waitFor();
    await page.getByLabel('Form file to open').setInputFiles({ name: 'list.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2]') });
    await status(page).getByText('list.json is not a form: expected a JSON object with a components array.').waitFor();
    await page.getByLabel('Form file to open').setInputFiles('processes/approve-expense.form');
    await page.getByRole('heading', { name: 'approve-expense', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Deploy' }).click();
    await status(page).getByText('Unchanged: form approve-expense is still version 1 (nothing differs from it).').waitFor();
    expect(await download(page, 'Download JSON')).toEqual({ name: 'approve-expense.form', text: await readFile('processes/approve-expense.form', 'utf8') });

    expect(unexpectedProblems([LOGGED_400])).toEqual([]);
  });

  it('shows the engine’s warnings after a deployment on the elements they concern, and next to the problems of a refused one', async () => {
    const { page, unexpectedProblems } = await openPortal();
    await signIn(page, 'anna');
    await nav(page).getByRole('link', { name: 'Modeler' }).click();
    await page.locator('.modeler-subtitle', { hasText: 'new diagram, not deployed' }).waitFor();

    // Given a Camunda 7 model: its assignment is read, its other Camunda 7 settings are ignored
    await page.getByLabel('BPMN file to open').setInputFiles(INVOICE_C7);
    await page.getByRole('heading', { name: 'Invoice approval (Camunda 7)', level: 1 }).waitFor();

    // When anna deploys it, it deploys, and the engine's warnings are listed and marked on the tasks
    await page.getByRole('button', { name: 'Deploy' }).click();
    await status(page)
      .getByText('Deployed Invoice approval (Camunda 7): version 1. The engine warns about 6 things it ignores or reads differently, listed below.')
      .waitFor();
    const warnings = page.getByRole('region', { name: '6 warnings from the engine' });
    const items = await warnings.getByRole('listitem').allInnerTexts();
    expect(items).toContain(
      `User task “Approve invoice”\nUser task “Approve invoice” has its assignment in Camunda 7 settings, which Baton reads as the zeebe:assignmentDefinition: camunda:candidateGroups '\${approverGroups}' as candidateGroups '=approverGroups'`,
    );
    expect(items).toContain(
      `Process “Invoice approval (Camunda 7)”\nProcess “Invoice approval (Camunda 7)” has Camunda 7 settings (camunda:historyTimeToLive), which Baton ignores: it reads only the Camunda 8 (zeebe) extensions`,
    );
    expect(await page.locator('.djs-element.baton-warning[data-element-id="approveInvoice"]').count()).toBe(1);
    expect(await page.locator('.baton-warning-badge[data-element-id="approveInvoice"]').innerText()).toBe('2');
    expect(await page.locator('.baton-warning-badge[data-element-id="StartEvent_1"]').innerText()).toBe('1');
    expect(await page.locator('.baton-problem-badge').count()).toBe(0);
    await clickCanvasBackground(page);
    await screenshot(page, 'modeler-warnings');

    // When she clicks a warning, its task is selected and its properties open
    await warnings.getByRole('button', { name: /User task “Approve invoice” .* has its assignment/ }).click();
    await panel(page).locator('.bio-properties-panel-header-label', { hasText: 'Approve invoice' }).waitFor();

    // Given the same model with a candidate users expression Baton cannot read, when she deploys it,
    // the problem stops it and the warnings are listed as well
    const unreadable = (await readFile(INVOICE_C7, 'utf8')).replace('camunda:candidateUsers="\${clerk}"', 'camunda:candidateUsers="\${directory.clerkFor(region)}"');
    await page.getByLabel('BPMN file to open').setInputFiles({ name: 'invoice-approval-c7.bpmn', mimeType: 'application/xml', buffer: Buffer.from(unreadable) });
    await page.locator('.modeler-subtitle', { hasText: 'from invoice-approval-c7.bpmn' }).waitFor();
    expect(await page.locator('.baton-warning-badge').count()).toBe(0);
    await page.getByRole('button', { name: 'Deploy' }).click();
    const problems = page.getByRole('region', { name: '1 problem stopped the deployment' });
    expect(await problems.getByRole('listitem').innerText()).toMatch(/^User task “Prepare bank transfer”\nExpected camunda:candidateUsers of user task “Prepare bank transfer” to be a comma-separated list or a variable reference/);
    await page.getByRole('region', { name: '6 warnings as well' }).waitFor();
    expect(await page.locator('.baton-problem-badge[data-element-id="prepareBankTransfer"]').innerText()).toBe('1');
    expect(await page.locator('.baton-warning-badge[data-element-id="prepareBankTransfer"]').innerText()).toBe('2');

    // Dismissing the warnings leaves the problems
    await page.getByRole('region', { name: '6 warnings as well' }).getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('.baton-warning-badge').count()).toBe(0);
    expect(await page.locator('.baton-problem-badge').count()).toBe(1);
    await problems.waitFor();

    expect(unexpectedProblems([LOGGED_400])).toEqual([]);
  });

  it('keeps the modeler and the form editor from employees: no navigation entry, the not-found page by URL', async () => {
    const { page, scripts, unexpectedProblems } = await openPortal();
    await signIn(page, 'emma');
    const links = await nav(page).getByRole('link').allInnerTexts();
    expect(links).not.toContain('Modeler');
    expect(links).not.toContain('Forms');

    for (const path of ['/modeler', `/modeler/${expenseV1Key}`, '/forms']) {
      await page.goto(engine.url + path);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await page.locator('.djs-container, .fjs-container').count()).toBe(0);
    }
    expect(await scriptsContaining(scripts, 'djs-palette')).toEqual([]);
    expect(await scriptsContaining(scripts, 'fjs-palette-field')).toEqual([]);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('fits a phone: panes stacked, lists folded away, no sideways scrolling', async () => {
    const { page, unexpectedProblems } = await openPortal(PHONE);
    await signIn(page, 'anna');

    await page.goto(`${engine.url}/modeler/${expenseV1Key}`);
    await page.getByRole('heading', { name: 'Expense approval', level: 1 }).waitFor();
    await shape(page, 'approve-expense').waitFor();
    const processes = page.getByRole('complementary', { name: 'Deployed processes' });
    expect(await processes.getByRole('link', { name: /Version 1/ }).isVisible()).toBe(false);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'modeler-phone');
    // The list unfolds with the open process's versions showing
    await processes.getByRole('button', { name: /Show/ }).click();
    expect(await processes.getByRole('link', { name: /Version 1/ }).isVisible()).toBe(true);

    await page.goto(`${engine.url}/forms`);
    await page.getByLabel('Form ID').fill('phone-form');
    await page.getByRole('button', { name: 'Create form' }).click();
    await page.locator('.fjs-palette-container').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'form-editor-phone');

    expect(unexpectedProblems()).toEqual([]);
  });
});
