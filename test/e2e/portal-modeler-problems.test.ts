import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { contextPad, notice, openGroup, propertiesPanel, shape, showProperties } from '../support/modeler-steps.js';
import { usePortalEngine } from '../support/portal.js';
import { send } from '../support/process-api.js';

/**
 * The modeler tells before it deploys: Camunda's 8.8 compatibility rules and Baton's linked-form
 * rule run in the browser while the analyst models, and the engine's own deploy rules a moment
 * after each edit (`POST /v2/deployments/validation`). Findings are listed by the element's name and marked on the
 * element (on the line of a sequence flow); fixing one removes it. A task linking a form the
 * engine does not have is flagged, and Deploy asks before deploying it (the engine accepts it,
 * as Camunda's does).
 */

const { engine, openAs } = usePortalEngine({ processesDir: 'processes' });

/** A diagram with a service task without a job type and a gateway whose "No" flow has no condition. */
const REVIEW = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_review" targetNamespace="http://bpmn.io/schema/bpmn"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="review" name="Review" isExecutable="true">
    <bpmn:startEvent id="start" name="Received"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="task_7f3a" name="Check order"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:exclusiveGateway id="gw" name="In stock?"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>yes</bpmn:outgoing><bpmn:outgoing>no</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:userTask id="approve" name="Approve order">
      <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="approve-expense" /></bpmn:extensionElements>
      <bpmn:incoming>yes</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="done" name="Done"><bpmn:incoming>f3</bpmn:incoming><bpmn:incoming>no</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task_7f3a" />
    <bpmn:sequenceFlow id="f2" sourceRef="task_7f3a" targetRef="gw" />
    <bpmn:sequenceFlow id="yes" name="Yes" sourceRef="gw" targetRef="approve"><bpmn:conditionExpression>=inStock</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="no" name="No" sourceRef="gw" targetRef="done" />
    <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="done" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="review">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="task_di" bpmnElement="task_7f3a"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="gw_di" bpmnElement="gw" isMarkerVisible="true"><dc:Bounds x="395" y="95" width="50" height="50" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="approve_di" bpmnElement="approve"><dc:Bounds x="500" y="80" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="done_di" bpmnElement="done"><dc:Bounds x="672" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="395" y="120" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="yes_di" bpmnElement="yes"><di:waypoint x="445" y="120" /><di:waypoint x="500" y="120" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="no_di" bpmnElement="no"><di:waypoint x="420" y="145" /><di:waypoint x="420" y="240" /><di:waypoint x="690" y="240" /><di:waypoint x="690" y="138" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="600" y="120" /><di:waypoint x="672" y="120" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** The engine is asked a moment after each edit, on a busy machine: wait generously for the list to settle. */
const SETTLED = { timeout: 20_000, interval: 100 };

const liveProblems = (page: Page): Locator => page.locator('.modeler-live-findings.modeler-findings-problem');

/** The entries of the live problem list as "where\nmessage". */
async function listedProblems(page: Page): Promise<string[]> {
  if ((await liveProblems(page).count()) === 0) return [];
  return liveProblems(page).getByRole('listitem').allInnerTexts();
}

async function openReview(page: Page, xml = REVIEW): Promise<void> {
  await page.locator('.modeler-subtitle', { hasText: 'new diagram, not deployed' }).waitFor();
  await page.getByLabel('BPMN file to open').setInputFiles({ name: 'review.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
}

describe('portal: the modeler’s live problems', () => {
  it('lists problems by element name as the analyst models, marks them on the element and on the flow, and drops them when fixed', async () => {
    const { page, unexpectedProblems } = await openAs('anna', '/modeler');
    await openReview(page);

    // Then the two problems are listed by the names of their elements, before any deployment
    await expect.poll(() => listedProblems(page), SETTLED).toHaveLength(2);
    const [taskEntry, flowEntry] = await listedProblems(page);
    expect(taskEntry).toMatch(/^Service task “Check order”\n/);
    expect(flowEntry).toMatch(/^Sequence flow “No”\n/);
    expect(await liveProblems(page).getByRole('heading').innerText()).toBe('Checked while you model: 2 problems');
    // ...with no element id where the element has a name
    expect(taskEntry).not.toContain('task_7f3a');
    // ...and a moment later the engine's own rules (asked without deploying) speak for the task and the flow, naming elements by name
    await expect
      .poll(async () => (await listedProblems(page)).sort(), SETTLED)
      .toEqual([
        'Sequence flow “No”\nExpected a condition on sequence flow “No”, which leaves exclusive gateway “In stock?” and is not its default flow, but found none',
        'Service task “Check order”\nExpected a job type (zeebe:taskDefinition type) on service task “Check order” but found none',
      ]);

    // ...and marked: the service task outlined with a badge, the flow's line outlined with a badge on it
    expect(await page.locator('.djs-element.baton-live-problem[data-element-id="task_7f3a"]').count()).toBe(1);
    expect(await page.locator('.djs-element.djs-connection.baton-live-problem[data-element-id="no"]').count()).toBe(1);
    const flowBadge = page.locator('.baton-live-problem-badge[data-element-id="no"]');
    expect(await flowBadge.innerText()).toBe('1');
    expect(await flowBadge.getAttribute('aria-label')).toMatch(/^1 problem on Sequence flow “No”: /);
    // the flow's badge sits on the flow's line (its middle, on the bottom leg), not at a corner of its box
    const badgeBox = (await flowBadge.boundingBox())!;
    const taskBox = (await shape(page, 'task_7f3a').boundingBox())!;
    const endBox = (await shape(page, 'done').boundingBox())!;
    expect(badgeBox.y).toBeGreaterThan(taskBox.y + taskBox.height);
    expect(badgeBox.x).toBeGreaterThan(taskBox.x + taskBox.width);
    expect(badgeBox.x).toBeLessThan(endBox.x);
    // nothing was deployed: these are the modeler's own checks
    expect(await page.locator('.modeler-problems').count()).toBe(0);
    await screenshot(page, 'modeler-live-problems');

    // When she clicks the flow's entry, the flow is selected
    await liveProblems(page).getByRole('button', { name: /^Sequence flow “No”/ }).click();
    await propertiesPanel(page).locator('.bio-properties-panel-header-label', { hasText: 'No' }).waitFor();

    // When she gives the service task a job type, its problem goes away, marks and all
    await showProperties(page, 'task_7f3a', 'Check order');
    await openGroup(propertiesPanel(page), 'Task definition');
    await propertiesPanel(page).getByLabel('Job type').fill('check-order');
    await expect.poll(() => listedProblems(page), SETTLED).toHaveLength(1);
    expect(await page.locator('.baton-live-problem-badge[data-element-id="task_7f3a"]').count()).toBe(0);
    expect(await page.locator('.djs-element.baton-live-problem[data-element-id="task_7f3a"]').count()).toBe(0);

    // When she deletes the flow without a condition, the list is gone
    // (selected from its entry: a click in the middle of the flow's box would miss its line)
    await liveProblems(page).getByRole('button', { name: /^Sequence flow “No”/ }).click();
    await contextPad(page, 'delete').click();
    await expect.poll(() => listedProblems(page), SETTLED).toEqual([]);
    expect(await page.locator('.baton-live-problem-badge').count()).toBe(0);

    // And the engine agrees: it deploys
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    await notice(page).getByText('Deployed Review: version 1.').waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });

  it('flags a task whose linked form is not deployed, and Deploy asks before deploying it', async () => {
    const { page, unexpectedProblems } = await openAs('anna', '/modeler');
    // Given the review with a job type and a condition, whose approval links a form the engine lacks
    const xml = REVIEW.replace('<bpmn:serviceTask id="task_7f3a" name="Check order">', '<bpmn:serviceTask id="task_7f3a" name="Check order"><bpmn:extensionElements><zeebe:taskDefinition type="check-order" /></bpmn:extensionElements>')
      .replace('<bpmn:sequenceFlow id="no" name="No" sourceRef="gw" targetRef="done" />', '<bpmn:sequenceFlow id="no" name="No" sourceRef="gw" targetRef="done"><bpmn:conditionExpression>=not(inStock)</bpmn:conditionExpression></bpmn:sequenceFlow>')
      .replace('formId="approve-expense"', 'formId="approve-order"')
      .replace('id="review" name="Review"', 'id="review-forms" name="Review"');
    await openReview(page, xml);

    // Then the approval is flagged, by name, with what would happen
    const message = "Links form 'approve-order', which is not deployed: every instance would stop at this task with an incident. Deploy the form first, or pick a deployed one under \"Form\".";
    await expect.poll(() => listedProblems(page), SETTLED).toEqual([`User task “Approve order”\n${message}`]);
    expect(await page.locator('.baton-live-problem-badge[data-element-id="approve"]').getAttribute('title')).toBe(message);

    // When she deploys, a dialog names the task and the form, and "Keep modeling" deploys nothing
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Deploy with a form that is not deployed?' });
    await dialog.waitFor();
    expect(await dialog.getByRole('listitem').innerText()).toBe(`User task “Approve order”: ${message}`);
    await screenshot(page, 'modeler-form-not-deployed');
    await dialog.getByRole('button', { name: 'Keep modeling' }).click();
    await dialog.waitFor({ state: 'detached' });
    const deployed = async () => (await send(engine(), 'POST', '/v2/process-definitions/search', { filter: { processDefinitionId: 'review-forms' } })).body.items.length;
    expect(await deployed()).toBe(0);

    // When she picks a deployed form instead, the flag goes away and Deploy deploys at once
    await showProperties(page, 'approve', 'Approve order');
    await openGroup(propertiesPanel(page), 'Form');
    await propertiesPanel(page).getByLabel('Deployed form').selectOption('approve-expense');
    await expect.poll(() => listedProblems(page), SETTLED).toEqual([]);
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    await notice(page).getByText('Deployed Review: version 1.').waitFor();
    expect(await deployed()).toBe(1);

    // When she links the missing form again and deploys anyway, the engine accepts it (as Camunda's does)
    await showProperties(page, 'approve', 'Approve order');
    await openGroup(propertiesPanel(page), 'Form');
    await propertiesPanel(page).getByLabel('Form ID', { exact: true }).fill('approve-order');
    await expect.poll(() => listedProblems(page), SETTLED).toHaveLength(1);
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    await dialog.getByRole('button', { name: 'Deploy anyway' }).click();
    await notice(page).getByText('Deployed Review: version 2.').waitFor();
    // ...and the flag stays, since the form is still missing
    expect(await listedProblems(page)).toHaveLength(1);
    expect(unexpectedProblems()).toEqual([]);
  });
});
