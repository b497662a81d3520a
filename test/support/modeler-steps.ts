import type { Locator, Page } from 'playwright-core';

/**
 * Steps in the analysts' workspace as the browser tests take them: the form editor (create a form
 * with a field, deploy) and the modeler (open a deployed version, edit with palette, context pad
 * and properties panel, deploy).
 */

// The browser globals used inside page.evaluate callbacks (the root tsconfig has no DOM lib).
declare const document: { querySelectorAll(selector: string): Iterable<{ textContent: string | null; getAttribute(name: string): string | null }> };

/** The page's notice (live region) where deployments are reported. */
export const notice = (page: Page): Locator => page.getByRole('status').filter({ has: page.locator('.notice') });
/** The modeler's shape or connection of a BPMN id. */
export const shape = (page: Page, elementId: string): Locator => page.locator(`.djs-element[data-element-id="${elementId}"]`);
/** An entry of the context pad of the selected element (`delete`, `replace`, `connect`, ...). */
export const contextPad = (page: Page, action: string): Locator => page.locator(`.djs-context-pad [data-action="${action}"]`);
/** The modeler's properties panel. */
export const propertiesPanel = (page: Page): Locator => page.getByRole('region', { name: 'Properties' });

/** Clicks an empty spot of the canvas (bottom centre), which clears the selection. */
export async function clickCanvasBackground(page: Page): Promise<void> {
  const canvas = page.locator('.modeler-canvas');
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width / 2, y: box.height - 40 } });
}

/**
 * Selects an element afresh (a click on the selected element would not re-select it). Forced:
 * a straight connection's box has no height, which Playwright counts as invisible.
 */
export async function selectElement(page: Page, elementId: string): Promise<void> {
  await clickCanvasBackground(page);
  await shape(page, elementId).click({ force: true });
}

/** The id of the shape whose label is `name`. */
export function elementIdNamed(page: Page, name: string): Promise<string> {
  return page.evaluate((label) => {
    const match = [...document.querySelectorAll('.djs-element.djs-shape')].find((element) => element.textContent?.trim() === label);
    if (!match) throw new Error(`Expected a shape labelled '${label}' on the canvas`);
    return match.getAttribute('data-element-id')!;
  }, name);
}

/** Opens a group of a properties panel (bpmn-js's or form-js's) unless it is open. */
export async function openGroup(container: Locator, label: string): Promise<void> {
  const header = container.locator('.bio-properties-panel-group-header', { hasText: label }).first();
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

/** Selects the element named `name` (id `elementId`) and waits for the properties panel to show it. */
export async function showProperties(page: Page, elementId: string, name: string): Promise<void> {
  await selectElement(page, elementId);
  await propertiesPanel(page).locator('.bio-properties-panel-header-label', { hasText: name }).waitFor();
}

/**
 * On the Forms page: creates the form `formId` and adds one text field with `key` and `label`
 * (palette entry with Enter, then form-js's properties panel). Not deployed yet.
 */
export async function createFormWithTextField(page: Page, formId: string, field: { key: string; label: string }): Promise<void> {
  await page.getByLabel('Form ID').fill(formId);
  await page.getByRole('button', { name: 'Create form' }).click();
  await page.getByRole('heading', { name: formId, level: 1 }).waitFor();
  await page.locator('button.fjs-palette-field[data-field-type="textfield"]').press('Enter');
  await page.locator('.fjs-form-field-textfield').click();
  const formProperties = page.locator('.fjs-properties-container');
  await openGroup(formProperties, 'General');
  await formProperties.getByLabel('Key', { exact: true }).fill(field.key);
  await formProperties.getByLabel('Field label').fill(field.label);
  await page.locator('.fjs-form-field-textfield').getByText(field.label).waitFor();
}

/**
 * Presses Deploy (modeler or form editor) and waits for `message` in the notice; returns the key
 * of the version the page then shows (the last segment of its URL).
 */
export async function deployFromEditor(page: Page, message: string | RegExp): Promise<string> {
  await page.getByRole('button', { name: 'Deploy' }).click();
  await notice(page).getByText(message).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** In the modeler: opens `version` of the deployed process `name` from the list of deployed processes. */
export async function openDeployedVersion(page: Page, name: string, version: number): Promise<void> {
  const processes = page.getByRole('complementary', { name: 'Deployed processes' });
  await processes.getByText(name).click();
  await processes.getByRole('link', { name: new RegExp(`Version ${version}\\b`) }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/**
 * In the modeler: replaces the sequence flow `flowId` from `sourceId` to `targetId` by a new user
 * task named `name` (context pad: delete; palette: create a task below the source and name it;
 * context pad: change its type, connect source → task → target). Returns the task's id.
 */
export async function insertUserTask(page: Page, { flowId, sourceId, targetId, name }: { flowId: string; sourceId: string; targetId: string; name: string }): Promise<string> {
  await selectElement(page, flowId);
  await contextPad(page, 'delete').click();
  const sourceBox = (await shape(page, sourceId).boundingBox())!;
  await page.locator('.djs-palette [data-action="create.task"]').click();
  await page.mouse.click(sourceBox.x + sourceBox.width * 1.5, sourceBox.y + sourceBox.height * 3);
  await page.keyboard.type(name);
  await clickCanvasBackground(page);
  const taskId = await elementIdNamed(page, name);
  await selectElement(page, taskId);
  await contextPad(page, 'replace').click();
  await page.locator('[data-id="replace-with-user-task"]').click();
  await selectElement(page, sourceId);
  await contextPad(page, 'connect').click();
  await shape(page, taskId).click();
  await selectElement(page, taskId);
  await contextPad(page, 'connect').click();
  await shape(page, targetId).click();
  return taskId;
}

/**
 * In the modeler, on the user task whose properties are shown: Form → type "Camunda Form", then
 * picks `formId` in Baton's "Deployed form" select. Returns the select's options as offered.
 */
export async function linkDeployedForm(page: Page, formId: string): Promise<string[]> {
  await openGroup(propertiesPanel(page), 'Form');
  await propertiesPanel(page).locator('#bio-properties-panel-formType').selectOption({ label: 'Camunda Form' });
  const deployedForm = propertiesPanel(page).getByLabel('Deployed form');
  const offered = await deployedForm.locator('option').allInnerTexts();
  await deployedForm.selectOption(formId);
  return offered;
}

/** In the modeler, on the user task whose properties are shown: Assignment → Candidate groups. */
export async function setCandidateGroups(page: Page, groups: string): Promise<void> {
  await openGroup(propertiesPanel(page), 'Assignment');
  await propertiesPanel(page).getByLabel('Candidate groups').fill(groups);
}
