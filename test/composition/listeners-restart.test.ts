import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineProcess } from '../support/engine-process.js';
import { eventually } from '../support/eventually.js';
import { basicAuth } from '../support/test-engine.js';

/**
 * The built engine is killed (SIGKILL) between two execution listeners of a task and between two
 * task listeners of a completion with a correction: after the restart each goes on where it
 * stopped — the next listener's job, the corrections so far, the task still COMPLETING.
 */
const engine = new EngineProcess();

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://baton.local/test">
  <bpmn:process id="rl-process" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:serviceTask id="work">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="rl-work" />
        <zeebe:executionListeners>
          <zeebe:executionListener eventType="start" type="rl-a" />
          <zeebe:executionListener eventType="start" type="rl-b" />
        </zeebe:executionListeners>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="check" />
    <bpmn:userTask id="check">
      <bpmn:extensionElements>
        <zeebe:userTask />
        <zeebe:taskListeners>
          <zeebe:taskListener eventType="completing" type="rl-c1" />
          <zeebe:taskListener eventType="completing" type="rl-c2" />
        </zeebe:taskListeners>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const call = (method: string, path: string, body?: unknown) => engine.call(method, path, body);

/** Activates the one job of a type (waiting until there is one) and returns it. */
async function activate(type: string): Promise<any> {
  const [job] = await eventually(
    async () => (await call('POST', '/v2/jobs/activation', { type, timeout: 30_000, maxJobsToActivate: 1, requestTimeout: -1 })).json.jobs,
    (jobs: any[]) => jobs.length === 1,
    `a job of type ${type}`,
    30_000,
  );
  return job;
}

async function taskOf(processInstanceKey: string): Promise<any> {
  return (await call('POST', '/v2/user-tasks/search', { filter: { processInstanceKey } })).json.items[0];
}

describe.skipIf(!EngineProcess.isBuilt())('listeners across a restart of the engine', () => {
  beforeAll(async () => {
    await engine.start();
  });
  afterAll(async () => {
    await engine.drop();
  });

  it('an execution listener and a task listener transition go on where they stopped', async () => {
    const form = new FormData();
    form.append('resources', new Blob([MODEL]), 'rl-process.bpmn');
    expect((await fetch(`${engine.url}/v2/deployments`, { method: 'POST', headers: { Authorization: basicAuth('demo') }, body: form })).status).toBe(200);
    const created = await call('POST', '/v2/process-instances', { processDefinitionId: 'rl-process', variables: {} });
    const key = created.json.processInstanceKey as string;

    const first = await activate('rl-a');
    expect((await call('POST', `/v2/jobs/${first.jobKey}/completion`, { variables: { prepared: 1 } })).status).toBe(204);
    await engine.kill();
    await engine.start();

    const second = await activate('rl-b');
    expect(second).toMatchObject({ kind: 'EXECUTION_LISTENER', listenerEventType: 'START', variables: { prepared: 1 } });
    expect((await call('POST', `/v2/jobs/${second.jobKey}/completion`, {})).status).toBe(204);
    const work = await activate('rl-work');
    expect((await call('POST', `/v2/jobs/${work.jobKey}/completion`, {})).status).toBe(204);

    const task = await eventually(() => taskOf(key), (found) => found?.state === 'CREATED', 'the user task');
    // The completion waits for its listeners; the engine dies under it.
    const completion = call('POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: { ok: true } }).catch(() => ({ status: 0, json: null }));
    const c1 = await activate('rl-c1');
    expect((await call('POST', `/v2/jobs/${c1.jobKey}/completion`, { result: { type: 'userTask', corrections: { priority: 77 } } })).status).toBe(204);
    await engine.kill();
    await completion;
    await engine.start();

    expect(await taskOf(key)).toMatchObject({ state: 'COMPLETING', priority: 50 });
    const c2 = await activate('rl-c2');
    expect(c2.customHeaders).toMatchObject({ 'io.camunda.zeebe:priority': '77', 'io.camunda.zeebe:changedAttributes': '["priority"]', 'io.camunda.zeebe:action': 'complete' });
    expect((await call('POST', `/v2/jobs/${c2.jobKey}/completion`, {})).status).toBe(204);
    await eventually(() => call('GET', `/v2/process-instances/${key}`), (found) => found.json.state === 'COMPLETED', 'the instance to complete');
    expect(await taskOf(key)).toMatchObject({ state: 'COMPLETED', priority: 77 });
  });
});
