import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { deploy } from '../support/deploy.js';
import { eventually } from '../support/eventually.js';
import { usePortalEngine } from '../support/portal.js';
import { send } from '../support/process-api.js';
import { taskDetail, taskLink } from '../support/task-steps.js';

/**
 * The task list while a user task's listeners run: the task stays in the list with a "Checking
 * completion…" badge, and its page says it is read-only until they are done.
 */
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://baton.local/test">
  <bpmn:process id="listened-review" name="Listened review" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review the contract">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:taskListeners><zeebe:taskListener eventType="completing" type="e2e-check-review" /></zeebe:taskListeners>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const { engine, openAs } = usePortalEngine({}, async (started) => {
  const response = await deploy(started, [{ name: 'listened-review.bpmn', content: MODEL }]);
  expect(response.status, await response.clone().text()).toBe(200);
});

describe('portal: a task whose listeners run', () => {
  it('shows "Checking completion…" in the list, a read-only page and the listener in Operate until the listener decided', async () => {
    const started = await send(engine(), 'POST', '/v2/process-instances', { processDefinitionId: 'listened-review', variables: {} });
    const key = started.body.processInstanceKey as string;
    const task = await eventually(
      async () => (await send(engine(), 'POST', '/v2/user-tasks/search', { filter: { processInstanceKey: key } })).body.items[0],
      (found: any) => found?.state === 'CREATED',
      'the review task',
    );
    // The completion waits for its listener, which nobody works yet.
    const completion = send(engine(), 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: {} });
    await eventually(
      async () => (await send(engine(), 'GET', `/v2/user-tasks/${task.userTaskKey}`)).body.state,
      (state) => state === 'COMPLETING',
      'the task to wait for its listener',
    );

    const { page, unexpectedProblems } = await openAs('demo', '/tasks');
    const item = taskLink(page, 'Review the contract');
    await expect.poll(() => item.innerText()).toContain('Checking completion…');
    await screenshot(page, 'tasks-listener-badge');
    await item.click();
    await expect.poll(() => taskDetail(page).locator('.task-status-line').innerText()).toContain('Task listeners are checking this task');

    // Operate says what the element waits for.
    await page.goto(`${engine().url}/operate/instances/${key}`);
    await expect.poll(() => page.locator('.token-summary').innerText()).toContain('Review the contract waits for its completing task listener e2e-check-review');
    await screenshot(page, 'operate-listener-wait');

    const [job] = (await send(engine(), 'POST', '/v2/jobs/activation', { type: 'e2e-check-review', timeout: 10_000, maxJobsToActivate: 1, requestTimeout: 5_000 })).body.jobs;
    expect((await send(engine(), 'POST', `/v2/jobs/${job.jobKey}/completion`, {})).status).toBe(204);
    expect((await completion).status).toBe(204);
    expect(unexpectedProblems()).toEqual([]);
  });
});
