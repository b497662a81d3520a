import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { deploy } from '../support/deploy.js';
import { usePortalEngine } from '../support/portal.js';
import { send } from '../support/process-api.js';
import { completeTask, openStartPage, startProcess, taskDetail } from '../support/task-steps.js';

/**
 * Typing into forms at human speed keeps every character: one form with every field type
 * Baton's forms support (text field, text area, number, date, time, date and time, select,
 * searchable select, radio, checkbox, checklist, tag list), as a start form and as a task form.
 * The test types with a delay between keys, as a person does, and starts typing as soon as the
 * form appears, then checks the variables the engine received, exactly.
 */

/** Every field type; `prefix` keeps the start form's keys apart from the task form's. */
function allFieldsForm(id: string, prefix: string): string {
  const options = (...values: string[]) => values.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value }));
  const components = [
    { id: `${prefix}name`, key: `${prefix}name`, type: 'textfield', label: 'Name' },
    { id: `${prefix}amount`, key: `${prefix}amount`, type: 'number', label: 'Amount', decimalDigits: 2 },
    { id: `${prefix}reference`, key: `${prefix}reference`, type: 'textfield', label: 'Reference' },
    { id: `${prefix}quantity`, key: `${prefix}quantity`, type: 'number', label: 'Quantity' },
    { id: `${prefix}due`, key: `${prefix}due`, type: 'datetime', subtype: 'date', dateLabel: 'Due date' },
    { id: `${prefix}note`, key: `${prefix}note`, type: 'textarea', label: 'Note' },
    { id: `${prefix}at`, key: `${prefix}at`, type: 'datetime', subtype: 'time', timeLabel: 'Call at', use24h: true, timeSerializingFormat: 'no_timezone', timeInterval: 15 },
    { id: `${prefix}meeting`, key: `${prefix}meeting`, type: 'datetime', subtype: 'datetime', dateLabel: 'Meeting day', timeLabel: 'Meeting time', use24h: true, timeSerializingFormat: 'no_timezone', timeInterval: 15 },
    { id: `${prefix}city`, key: `${prefix}city`, type: 'textfield', label: 'City' },
    { id: `${prefix}category`, key: `${prefix}category`, type: 'select', label: 'Category', values: options('travel', 'meals', 'training') },
    { id: `${prefix}country`, key: `${prefix}country`, type: 'select', label: 'Country', searchable: true, values: options('portugal', 'spain', 'france') },
    { id: `${prefix}priority`, key: `${prefix}priority`, type: 'radio', label: 'Priority', values: options('low', 'high') },
    { id: `${prefix}urgent`, key: `${prefix}urgent`, type: 'checkbox', label: 'Urgent' },
    { id: `${prefix}channels`, key: `${prefix}channels`, type: 'checklist', label: 'Channels', values: options('email', 'phone', 'chat') },
    { id: `${prefix}tags`, key: `${prefix}tags`, type: 'taglist', label: 'Tags', values: options('alpha', 'beta', 'gamma') },
    { id: `${prefix}comment`, key: `${prefix}comment`, type: 'textarea', label: 'Comment' },
  ];
  return JSON.stringify({ id, type: 'default', executionPlatform: 'Camunda Cloud', executionPlatformVersion: '8.8.0', schemaVersion: 18, components });
}

const TYPING_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_typing" targetNamespace="http://baton.local/test"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="typing" name="Typing" isExecutable="true">
    <bpmn:startEvent id="requested">
      <bpmn:extensionElements><zeebe:formDefinition formId="typing-start" /></bpmn:extensionElements>
      <bpmn:outgoing>f1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="review" name="Review typing">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="typing-task" /><zeebe:assignmentDefinition candidateGroups="sales" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="requested" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="done" />
  </bpmn:process>
</bpmn:definitions>`;

const { engine, openAs } = usePortalEngine({}, async (started) => {
  const deployed = await deploy(started, [
    { name: 'typing.bpmn', content: TYPING_BPMN },
    { name: 'typing-start.form', content: allFieldsForm('typing-start', '') },
    { name: 'typing-task.form', content: allFieldsForm('typing-task', 'r_') },
  ]);
  expect(deployed.status, await deployed.clone().text()).toBe(200);
});

/** A person's typing speed: 40 to 80 ms between keys. */
const HUMAN = 60;

/** What the test types, and the variables that must come out of it (keys without the prefix). */
const TYPED = {
  name: 'Ana Lúcia Gonçalves-Ó Brien',
  amount: '1234.56',
  reference: 'REF-2026/0042 (urgent)',
  quantity: '17',
  due: '03/14/2026',
  note: 'First line\nsecond line, with a comma; and more',
  at: '14:30',
  meetingDay: '04/01/2026',
  meetingTime: '09:15',
  city: 'Lisboa',
  comment: 'Typed last, right after the tag list',
};

const EXPECTED = {
  name: TYPED.name,
  amount: 1234.56,
  reference: TYPED.reference,
  quantity: 17,
  due: '2026-03-14',
  note: TYPED.note,
  at: '14:30',
  meeting: '2026-04-01T09:15',
  city: TYPED.city,
  category: 'meals',
  country: 'spain',
  priority: 'high',
  urgent: true,
  channels: ['email', 'chat'],
  tags: ['alpha', 'gamma'],
  comment: TYPED.comment,
};

/** Focuses the field labelled `label` by clicking it, then types `text` at human speed. */
async function typeInto(form: Locator, label: string, text: string): Promise<void> {
  await form.getByLabel(label, { exact: true }).click();
  await form.page().keyboard.type(text, { delay: HUMAN });
}

/** The form-js field whose label is `label`. */
function field(form: Locator, label: string): Locator {
  return form.locator('.fjs-form-field').filter({ has: form.page().locator('label', { hasText: new RegExp(`^${label}$`) }) });
}

/**
 * Fills every field of the form the way a person does: click, type at human speed, Tab or
 * click onwards without waiting for anything. The first keys go in as soon as the first field
 * is there.
 */
async function fillEveryField(form: Locator): Promise<void> {
  const page = form.page();
  await form.getByLabel('Name', { exact: true }).waitFor();
  await typeInto(form, 'Name', TYPED.name);
  // straight on with Tab: number, then text right after it
  await page.keyboard.press('Tab');
  await page.keyboard.type(TYPED.amount, { delay: HUMAN });
  await page.keyboard.press('Tab');
  await page.keyboard.type(TYPED.reference, { delay: HUMAN });
  await page.keyboard.press('Tab');
  await page.keyboard.type(TYPED.quantity, { delay: HUMAN });
  // a date typed, then text right after it
  await typeInto(form, 'Due date', TYPED.due);
  await page.keyboard.press('Enter');
  await typeInto(form, 'Note', TYPED.note);
  await typeInto(form, 'Call at', TYPED.at);
  await page.keyboard.press('Enter');
  await typeInto(form, 'Meeting day', TYPED.meetingDay);
  await page.keyboard.press('Enter');
  await typeInto(form, 'Meeting time', TYPED.meetingTime);
  await page.keyboard.press('Enter');
  await typeInto(form, 'City', TYPED.city);
  // select: open the list and pick
  await field(form, 'Category').locator('.fjs-select-display').click();
  await field(form, 'Category').locator('.fjs-dropdownlist-item', { hasText: 'Meals' }).click();
  // searchable select: type to filter, Enter picks
  await field(form, 'Country').locator('input.fjs-input').click();
  await page.keyboard.type('spa', { delay: HUMAN });
  await page.keyboard.press('Enter');
  await form.getByLabel('High', { exact: true }).check();
  await form.getByLabel('Urgent', { exact: true }).check();
  await form.getByLabel('Email', { exact: true }).check();
  await form.getByLabel('Chat', { exact: true }).check();
  // tag list: type to filter, Enter adds the tag
  await field(form, 'Tags').locator('input.fjs-taglist-input').click();
  await page.keyboard.type('alp', { delay: HUMAN });
  await page.keyboard.press('Enter');
  await page.keyboard.type('gam', { delay: HUMAN });
  await page.keyboard.press('Enter');
  await typeInto(form, 'Comment', TYPED.comment);
}

/** `EXPECTED` with `prefix` before each key. */
function expectedWith(prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(EXPECTED).map(([key, value]) => [prefix + key, value]));
}

async function variablesOf(processInstanceKey: string): Promise<Record<string, unknown>> {
  const { body } = await send(engine(), 'POST', '/v2/variables/search?truncateValues=false', { filter: { processInstanceKey }, page: { limit: 100 } });
  return Object.fromEntries(body.items.map((v: any) => [v.name, JSON.parse(v.value)]));
}

describe('portal: typing into forms at human speed', () => {
  it('keeps every character typed into every field type, on a start form and on a task form', async () => {
    // Given emma on the start page of a process whose start form has every field type
    const { page, unexpectedProblems } = await openAs('emma', '/start');
    await openStartPage(page, 'Typing');

    // When she fills every field at human speed, starting as soon as the form appears, and starts
    await fillEveryField(page.getByRole('region', { name: 'Start form: Typing' }));
    await screenshot(page, 'form-typing-start');
    await startProcess(page, 'Typing');

    // Then the engine has exactly what she typed and picked
    const [instance] = (await send(engine(), 'POST', '/v2/process-instances/search', { filter: { processDefinitionId: 'typing' } })).body.items;
    expect(await variablesOf(instance.processInstanceKey)).toEqual(expectedWith(''));

    // When she opens the review task (offered to her group) and fills its form the same way
    await page.getByRole('link', { name: 'Open “Review typing”' }).click();
    await taskDetail(page).getByRole('heading', { name: 'Review typing' }).waitFor();
    await fillEveryField(page.getByRole('region', { name: 'Form: Review typing' }));
    await screenshot(page, 'form-typing-task');
    await completeTask(page, 'Review typing', 'Claim and complete');

    // Then the engine has both forms' values, exactly
    expect(await variablesOf(instance.processInstanceKey)).toEqual({ ...expectedWith(''), ...expectedWith('r_') });
    expect(unexpectedProblems()).toEqual([]);
    // typing at human speed into two forms takes half a minute; a busy machine may need more
  }, 180_000);
});
