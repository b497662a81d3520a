import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '#runtime';
import { deploy } from '../support/deploy.js';
import { eventually } from '../support/eventually.js';
import { elementsOf, instance, send, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Camunda 8.8 ad-hoc subprocesses (BPMN implementation) through the REST API against MariaDB and
 * Redis: elements activated by activeElementsCollection and by
 * `POST /v2/element-instances/ad-hoc-activities/{key}/activation`, each in an
 * AD_HOC_SUB_PROCESS_INNER_INSTANCE; the output collection; the completion condition; the
 * endpoint's answers for keys and elements it cannot take.
 */
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://baton.local/test">
  <bpmn:process id="support-case" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="handle" />
    <bpmn:adHocSubProcess id="handle" name="Handle request">
      <bpmn:extensionElements><zeebe:adHoc activeElementsCollection="=firstSteps" outputCollection="answers" outputElement="=answer" /></bpmn:extensionElements>
      <bpmn:serviceTask id="lookup"><bpmn:extensionElements><zeebe:taskDefinition type="kb-lookup" /></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:serviceTask id="draft"><bpmn:extensionElements><zeebe:taskDefinition type="draft-reply" /></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:sequenceFlow id="f-review" sourceRef="draft" targetRef="review" />
      <bpmn:scriptTask id="review"><bpmn:extensionElements><zeebe:script expression="=answer + &quot; (reviewed)&quot;" resultVariable="answer" /></bpmn:extensionElements></bpmn:scriptTask>
      <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=resolved = true</bpmn:completionCondition>
    </bpmn:adHocSubProcess>
    <bpmn:sequenceFlow id="f1" sourceRef="handle" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
  const response = await deploy(engine, [{ name: 'support-case.bpmn', content: MODEL }]);
  expect(response.status, await response.clone().text()).toBe(200);
});
afterAll(async () => {
  await engine?.stop();
});

async function start(variables: Record<string, unknown>): Promise<string> {
  const { status, body } = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'support-case', variables });
  expect(status).toBe(200);
  return body.processInstanceKey as string;
}

/** Activates the one job of `type` in the instance and completes it; returns the job's variables. */
async function work(processInstanceKey: string, type: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const activated = await eventually(
    () => send(engine, 'POST', '/v2/jobs/activation', { type, timeout: 30_000, maxJobsToActivate: 5, requestTimeout: -1 }, 'worker'),
    (result) => result.body.jobs.length === 1,
    `a job of type ${type}`,
  );
  const job = activated.body.jobs[0];
  expect(job.processInstanceKey).toBe(processInstanceKey);
  expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables }, 'worker')).status).toBe(204);
  return job.variables;
}

/** The instance's ad-hoc subprocess element instance (not its inner instances, which share its element id). */
async function adHocOf(processInstanceKey: string): Promise<any> {
  return eventually(
    async () => (await elementsOf(engine, processInstanceKey)).find((element) => element.type === 'AD_HOC_SUB_PROCESS'),
    (element) => element?.state === 'ACTIVE',
    'the active ad-hoc subprocess',
  );
}

const activation = (key: string, body: unknown) => send(engine, 'POST', `/v2/element-instances/ad-hoc-activities/${key}/activation`, body);

describe('ad-hoc subprocess', () => {
  it('activates elements on entry and on request, collects their answers and completes when the condition holds', async () => {
    const key = await start({ firstSteps: ['lookup'], resolved: false });
    const handle = await adHocOf(key);

    await work(key, 'kb-lookup', { answer: 'rates are 4%' });
    expect(await activation(handle.elementInstanceKey, { elements: [{ elementId: 'draft', variables: { tone: 'friendly' } }] })).toEqual({ status: 204, body: null });
    expect(await work(key, 'draft-reply', { answer: 'Dear customer', resolved: true })).toMatchObject({ tone: 'friendly' });

    await eventually(() => instance(engine, key), (body) => body.state === 'COMPLETED', 'the instance to complete');
    expect(await variablesIn(engine, key)).toMatchObject({ answers: ['rates are 4%', 'Dear customer (reviewed)'], resolved: true });
    const types = (await elementsOf(engine, key)).filter((element) => element.elementId === 'handle').map((element) => `${element.type} ${element.state}`);
    expect(types).toEqual(['AD_HOC_SUB_PROCESS COMPLETED', 'AD_HOC_SUB_PROCESS_INNER_INSTANCE COMPLETED', 'AD_HOC_SUB_PROCESS_INNER_INSTANCE COMPLETED']);
  });

  it('answers 400 for elements it cannot activate, 404 for a key that is not an ad-hoc subprocess, and changes nothing', async () => {
    const key = await start({ firstSteps: [], resolved: false });
    const handle = await adHocOf(key);

    const refused = await activation(handle.elementInstanceKey, { elements: [{ elementId: 'lookup' }, { elementId: 'review' }, { elementId: 'ghost' }] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      title: 'INVALID_ARGUMENT',
      detail: `Expected the elements to activate in ad-hoc subprocess 'handle' to be among its inner elements without incoming flows (lookup, draft) but found 'review' (it has incoming flows), 'ghost' (not an element of it)`,
    });
    expect((await elementsOf(engine, key)).map((element) => element.elementId)).toEqual(['support-case', 'start', 'handle']);

    const notAdHoc = await activation(key, { elements: [{ elementId: 'lookup' }] });
    expect(notAdHoc.status).toBe(404);
    expect(notAdHoc.body.detail).toBe(`Expected an active ad-hoc subprocess instance with key ${key} but found bpmn:Process 'support-case'`);
    expect((await activation('2251799813999999', { elements: [{ elementId: 'lookup' }] })).status).toBe(404);
    expect((await activation(handle.elementInstanceKey, { elements: [{ variables: {} }] })).status).toBe(400);
  });

  it('an activation with cancelRemainingInstances terminates what runs in it', async () => {
    const key = await start({ firstSteps: ['lookup'], resolved: false });
    const handle = await adHocOf(key);
    await eventually(() => elementsOf(engine, key), (elements) => elements.some((element) => element.elementId === 'lookup'), 'the lookup task');

    expect((await activation(handle.elementInstanceKey, { elements: [{ elementId: 'draft' }], cancelRemainingInstances: true })).status).toBe(204);
    const states = (await elementsOf(engine, key)).filter((element) => element.elementId === 'lookup' || element.elementId === 'draft').map((element) => `${element.elementId} ${element.state}`);
    expect(states).toEqual(['lookup TERMINATED', 'draft ACTIVE']);
  });

  it('deploys and runs the AI Email Support Agent model (../shared/models): a worker acting as the agent gets the tools and ends the subprocess', async () => {
    const file = resolve(projectRoot(), '../shared/models/camunda8/camunda-8-tutorials__AI Email Support Agent.bpmn');
    const deployed = await deploy(engine, [file]);
    expect(deployed.status, await deployed.clone().text()).toBe(200);
    const published = await send(engine, 'POST', '/v2/messages/publication', {
      name: '3c562193-4e24-4d28-8407-3f6079e80f0e',
      correlationKey: '',
      variables: { currentEmail: { fromAddress: 'ada@example.com', subject: 'Loan rates', plainTextBody: 'What are your rates?', messageId: 'm-1' } },
    });
    expect(published.status).toBe(200);

    const memory = await eventually(
      () => send(engine, 'POST', '/v2/jobs/activation', { type: 'io.camunda:embeddings-vector-database:1', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: -1 }, 'worker'),
      (result) => result.body.jobs.length === 1,
      'the past-conversations job',
    );
    const key = memory.body.jobs[0].processInstanceKey as string;
    expect((await send(engine, 'POST', `/v2/jobs/${memory.body.jobs[0].jobKey}/completion`, { variables: { pastConversations: [] } }, 'worker')).status).toBe(204);

    const agent = await eventually(
      () => send(engine, 'POST', '/v2/jobs/activation', { type: 'io.camunda.agenticai:aiagent-job-worker:1', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: -1 }, 'worker'),
      (result) => result.body.jobs.length === 1,
      'the agent job of the ad-hoc subprocess',
    );
    const job = agent.body.jobs[0];
    expect(job).toMatchObject({ elementId: 'Activity_04glkkx', processInstanceKey: key });
    expect(job.variables.adHocSubProcessElements.map((element: any) => element.elementId)).toEqual(['Reply_with_email_to_customer', 'Ask_a_specialist', 'query_knowledge_base']);
    expect(job.variables.data.userPrompt.prompt).toBe('What are your rates?');

    const completion = await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, {
      variables: { agent: { responseText: 'Our rates start at 4%.' } },
      result: { type: 'adHocSubProcess', activateElements: [], isCompletionConditionFulfilled: true, isCancelRemainingInstances: true },
    }, 'worker');
    expect(completion.status).toBe(204);

    const adHoc = await eventually(
      async () => (await elementsOf(engine, key)).find((element) => element.type === 'AD_HOC_SUB_PROCESS'),
      (element) => element?.state === 'COMPLETED',
      'the agent subprocess to complete',
    );
    expect(adHoc.elementId).toBe('Activity_04glkkx');
    expect(await variablesIn(engine, key)).toMatchObject({ agent: { responseText: 'Our rates start at 4%.' }, toolCallResults: [] });
    await eventually(() => elementsOf(engine, key), (elements) => elements.some((element) => element.elementId === 'Activity_0tn95r9' && element.state === 'ACTIVE'), 'the next step after the agent');
  });

  it('answers 400 for an adHocSubProcess job result whose element id is not a string, before looking for the job', async () => {
    const key = await start({ firstSteps: [], resolved: false });
    await adHocOf(key);
    const refused = await send(engine, 'POST', '/v2/jobs/2251799813999998/completion', { result: { type: 'adHocSubProcess', activateElements: [{ elementId: 7 }] } }, 'worker');
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe(
      'The request is invalid: result.activateElements.0.elementId: elementId must be shorter than or equal to 255 characters; result.activateElements.0.elementId: elementId must be a string',
    );
  });
});
