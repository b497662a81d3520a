import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../support/deploy.js';
import { eventually } from '../support/eventually.js';
import { elementOf, historyOf, incidentsOf, instance, send, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Call activities and message start events on a real engine: children started and reporting
 * back through the pending-command outbox, parent keys in the API, called processes that are not
 * deployed (incident, then resolved), errors travelling from a child to its parent's boundary
 * event, binding types, and the message endpoints with their bad inputs.
 */
const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://baton.local/test">`;

function caller(id: string, calledId: string, options: { binding?: string; versionTag?: string; errorBoundary?: string } = {}): string {
  const binding = options.binding ? ` bindingType="${options.binding}"` : '';
  const tag = options.versionTag ? ` versionTag="${options.versionTag}"` : '';
  const boundary = options.errorBoundary
    ? `<bpmn:boundaryEvent id="caught" attachedToRef="call"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>
       <bpmn:endEvent id="error-end" /><bpmn:sequenceFlow id="f3" sourceRef="caught" targetRef="error-end" />`
    : '';
  return `${HEADER}
  ${options.errorBoundary ? `<bpmn:error id="err" errorCode="${options.errorBoundary}" />` : ''}
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:callActivity id="call">
      <bpmn:extensionElements><zeebe:calledElement processId="${calledId}" propagateAllChildVariables="true"${binding}${tag} /></bpmn:extensionElements>
    </bpmn:callActivity>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
    ${boundary}
  </bpmn:process>
</bpmn:definitions>`;
}

/** A child with one job; its version tag (if any) and a result variable tell versions apart. */
function child(id: string, options: { versionTag?: string; result?: string } = {}): string {
  return `${HEADER}
  <bpmn:process id="${id}" isExecutable="true">
    ${options.versionTag ? `<bpmn:extensionElements><zeebe:versionTag value="${options.versionTag}" /></bpmn:extensionElements>` : ''}
    <bpmn:startEvent id="child-start" />
    <bpmn:serviceTask id="child-work">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="child-work" />
        <zeebe:ioMapping><zeebe:output source="=&quot;${options.result ?? 'done'}&quot;" target="result" /></zeebe:ioMapping>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:endEvent id="child-end" />
    <bpmn:sequenceFlow id="c1" sourceRef="child-start" targetRef="child-work" />
    <bpmn:sequenceFlow id="c2" sourceRef="child-work" targetRef="child-end" />
  </bpmn:process>
</bpmn:definitions>`;
}

function messageStarted(id: string, messageName: string): string {
  return `${HEADER}
  <bpmn:message id="msg" name="${messageName}" />
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="by-message"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>
    <bpmn:userTask id="handle"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="by-message" targetRef="handle" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

describe('call activities and message starts', () => {
  let engine: TestEngine;

  beforeAll(async () => {
    engine = await startTestEngine();
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function deployXml(name: string, xml: string): Promise<any> {
    const response = await deploy(engine, [{ name, content: xml }]);
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    return body;
  }

  async function start(processDefinitionId: string, variables: Record<string, unknown> = {}): Promise<string> {
    const created = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId, variables });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return created.body.processInstanceKey;
  }

  async function childrenOf(parent: string): Promise<any[]> {
    return (await send(engine, 'POST', '/v2/process-instances/search', { filter: { parentProcessInstanceKey: parent } })).body.items;
  }

  async function completeJobOf(processInstanceKey: string, variables: Record<string, unknown> = {}): Promise<void> {
    const [job] = await eventually(
      async () => (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey, state: 'CREATED' } })).body.items,
      (items: any[]) => items.length > 0,
      `a job in ${processInstanceKey}`,
    );
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { worker: 'test', timeout: 30_000 }, 'worker')).status).toBe(200);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/completion`, { variables }, 'worker')).status).toBe(204);
  }

  it('starts the child, shows both parent keys, and continues the parent with the child variables when it completes', async () => {
    await deployXml('calls-child.bpmn', child('calls-child'));
    await deployXml('calls-parent.bpmn', caller('calls-parent', 'calls-child'));
    const parent = await start('calls-parent', { orderId: 'o-1' });

    const [called] = await eventually(() => childrenOf(parent), (items) => items.length === 1, 'the child');
    const callActivity = await elementOf(engine, parent, 'call');
    expect(called).toMatchObject({ processDefinitionId: 'calls-child', state: 'ACTIVE', parentProcessInstanceKey: parent, parentElementInstanceKey: callActivity.elementInstanceKey });
    expect(callActivity).toMatchObject({ type: 'CALL_ACTIVITY', state: 'ACTIVE' });
    expect(await variablesIn(engine, called.processInstanceKey)).toEqual({ orderId: 'o-1' });
    expect((await instance(engine, parent)).parentProcessInstanceKey).toBeUndefined();

    // The job's own variables stay in the task (it has output mappings); the mapped result reaches the child's root.
    await completeJobOf(called.processInstanceKey, { shipped: true });
    await eventually(() => instance(engine, parent), (p) => p.state === 'COMPLETED', 'the parent to complete');
    expect(await variablesIn(engine, parent)).toEqual({ orderId: 'o-1', result: 'done' });
    expect((await historyOf(engine, parent)).filter((e) => e.eventType.includes('CHILD') || e.command === 'COMPLETE_CALL_ACTIVITY').map((e) => `${e.command} ${e.eventType}`)).toEqual([
      'CREATE_PROCESS_INSTANCE CHILD_INSTANCE_REQUESTED',
      'COMPLETE_CALL_ACTIVITY ELEMENT_COMPLETING',
      'COMPLETE_CALL_ACTIVITY VARIABLE_CREATED',
      'COMPLETE_CALL_ACTIVITY ELEMENT_COMPLETED',
      'COMPLETE_CALL_ACTIVITY SEQUENCE_FLOW_TAKEN',
      'COMPLETE_CALL_ACTIVITY ELEMENT_ACTIVATING',
      'COMPLETE_CALL_ACTIVITY ELEMENT_ACTIVATED',
      'COMPLETE_CALL_ACTIVITY ELEMENT_COMPLETING',
      'COMPLETE_CALL_ACTIVITY ELEMENT_COMPLETED',
      'COMPLETE_CALL_ACTIVITY ELEMENT_COMPLETING',
      'COMPLETE_CALL_ACTIVITY ELEMENT_COMPLETED',
    ]);
  });

  it('cancelling the parent cancels the child; the child itself may not be cancelled directly (409)', async () => {
    const parent = await start('calls-parent');
    const [called] = await eventually(() => childrenOf(parent), (items) => items.length === 1, 'the child');

    const refused = await send(engine, 'POST', `/v2/process-instances/${called.processInstanceKey}/cancellation`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'PROCESS_INSTANCE.IS_CALLED' });

    expect((await send(engine, 'POST', `/v2/process-instances/${parent}/cancellation`, {})).status).toBe(204);
    expect((await instance(engine, parent)).state).toBe('TERMINATED');
    expect((await instance(engine, called.processInstanceKey)).state).toBe('TERMINATED');
    const jobs = (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey: called.processInstanceKey } })).body.items;
    expect(jobs.map((j: any) => j.state)).toEqual(['CANCELED']);
  });

  it('a called process that is not deployed raises CALLED_ELEMENT_ERROR; deploying it and resolving the incident calls it', async () => {
    await deployXml('calls-missing.bpmn', caller('calls-missing', 'calls-later'));
    const parent = await start('calls-missing');
    const [incident] = await eventually(() => incidentsOf(engine, parent), (items) => items.length === 1, 'the incident');
    expect(incident).toMatchObject({ errorType: 'CALLED_ELEMENT_ERROR', elementId: 'call', state: 'ACTIVE' });
    expect(incident.errorMessage).toBe("Expected process with BPMN process id 'calls-later' to be deployed, but not found.");
    expect(await childrenOf(parent)).toEqual([]);

    await deployXml('calls-later.bpmn', child('calls-later'));
    expect((await send(engine, 'POST', `/v2/incidents/${incident.incidentKey}/resolution`, {})).status).toBe(204);
    const [called] = await eventually(() => childrenOf(parent), (items) => items.length === 1, 'the child');
    await completeJobOf(called.processInstanceKey);
    await eventually(() => instance(engine, parent), (p) => p.state === 'COMPLETED', 'the parent to complete');
  });

  it('a BPMN error the child does not catch is caught by the boundary event on its call activity', async () => {
    await deployXml('calls-erring.bpmn', caller('calls-erring', 'calls-child', { errorBoundary: 'REJECTED' }));
    const parent = await start('calls-erring');
    const [called] = await eventually(() => childrenOf(parent), (items) => items.length === 1, 'the child');
    const [job] = (await send(engine, 'POST', '/v2/jobs/search', { filter: { processInstanceKey: called.processInstanceKey } })).body.items;
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/activation`, { worker: 'test', timeout: 30_000 }, 'worker')).status).toBe(200);
    expect((await send(engine, 'POST', `/v2/jobs/${job.jobKey}/error`, { errorCode: 'REJECTED', errorMessage: 'no stock' }, 'worker')).status).toBe(204);

    await eventually(() => instance(engine, parent), (p) => p.state === 'COMPLETED', 'the parent to complete');
    expect((await elementOf(engine, parent, 'error-end')).state).toBe('COMPLETED');
    expect((await instance(engine, called.processInstanceKey)).state).toBe('TERMINATED');
    expect(await incidentsOf(engine, parent)).toEqual([]);
  });

  it('binding types: latest, the same deployment, or a version tag', async () => {
    await deployXml('calls-bound-child.bpmn', child('calls-bound-child', { versionTag: 'v1', result: 'one' }));
    const together = await deploy(engine, [
      { name: 'calls-bound-child.bpmn', content: child('calls-bound-child', { versionTag: 'v2', result: 'two' }) },
      { name: 'calls-by-deployment.bpmn', content: caller('calls-by-deployment', 'calls-bound-child', { binding: 'deployment' }) },
    ]);
    expect(together.status).toBe(200);
    await deployXml('calls-bound-child.bpmn', child('calls-bound-child', { versionTag: 'v3', result: 'three' }));
    await deployXml('calls-by-tag.bpmn', caller('calls-by-tag', 'calls-bound-child', { binding: 'versionTag', versionTag: 'v1' }));
    await deployXml('calls-latest.bpmn', caller('calls-latest', 'calls-bound-child'));

    for (const [process, result] of [['calls-latest', 'three'], ['calls-by-deployment', 'two'], ['calls-by-tag', 'one']] as const) {
      const parent = await start(process);
      const [called] = await eventually(() => childrenOf(parent), (items) => items.length === 1, 'the child');
      await completeJobOf(called.processInstanceKey);
      await eventually(() => instance(engine, parent), (p) => p.state === 'COMPLETED', `${process} to complete`);
      expect((await variablesIn(engine, parent))['result'], process).toBe(result);
    }
  });

  describe('messages', () => {
    beforeAll(async () => {
      await deployXml('message-order.bpmn', messageStarted('message-order', 'order-received'));
      await deployXml('message-audit.bpmn', messageStarted('message-audit', 'order-received'));
    });

    it('publication starts every process listening for the message; the correlation key is the business id', async () => {
      const published = await send(engine, 'POST', '/v2/messages/publication', { name: 'order-received', correlationKey: 'order-17', variables: { total: 42 } });
      expect(published.status).toBe(200);
      expect(published.body).toEqual({ messageKey: expect.stringMatching(/^\d+$/), tenantId: '<default>' });

      const started = (await send(engine, 'POST', '/v2/process-instances/search', { filter: { businessId: 'order-17' }, sort: [{ field: 'processDefinitionId' }] })).body.items;
      expect(started.map((i: any) => [i.processDefinitionId, i.state])).toEqual([
        ['message-audit', 'ACTIVE'],
        ['message-order', 'ACTIVE'],
      ]);
      expect(await variablesIn(engine, started[0].processInstanceKey)).toEqual({ total: 42 });
      expect((await historyOf(engine, started[0].processInstanceKey))[0]).toMatchObject({ command: 'PUBLISH_MESSAGE', actor: 'demo' });
      expect((await elementOf(engine, started[0].processInstanceKey, 'by-message')).state).toBe('COMPLETED');

      // While they run, the same key starts nothing more; another key starts both again.
      expect((await send(engine, 'POST', '/v2/messages/publication', { name: 'order-received', correlationKey: 'order-17' })).status).toBe(200);
      expect((await send(engine, 'POST', '/v2/process-instances/search', { filter: { businessId: 'order-17' } })).body.page.totalItems).toBe(2);
      expect((await send(engine, 'POST', '/v2/messages/publication', { name: 'order-received', correlationKey: 'order-18' })).status).toBe(200);
      expect((await send(engine, 'POST', '/v2/process-instances/search', { filter: { businessId: 'order-18' } })).body.page.totalItems).toBe(2);
    });

    it('correlation answers with the started instance; 409 while the key runs; 404 when nothing listens', async () => {
      const first = await send(engine, 'POST', '/v2/messages/correlation', { name: 'order-received', correlationKey: 'order-30' });
      expect(first.status).toBe(200);
      expect((await instance(engine, first.body.processInstanceKey)).processDefinitionId).toBe('message-audit');

      const again = await send(engine, 'POST', '/v2/messages/correlation', { name: 'order-received', correlationKey: 'order-30' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'MESSAGE.NOT_CORRELATED', processInstanceKey: first.body.processInstanceKey });

      const nobody = await send(engine, 'POST', '/v2/messages/correlation', { name: 'nobody-listens' });
      expect(nobody.status).toBe(404);
      expect(nobody.body).toMatchObject({ code: 'MESSAGE.NO_SUBSCRIPTION' });
      // A publication nobody listens to is accepted and discarded, as in Camunda.
      expect((await send(engine, 'POST', '/v2/messages/publication', { name: 'nobody-listens' })).status).toBe(200);
    });

    it('a new version replaces the subscriptions of the previous one', async () => {
      await deployXml('message-audit.bpmn', messageStarted('message-audit', 'audit-requested'));
      const published = await send(engine, 'POST', '/v2/messages/correlation', { name: 'audit-requested', correlationKey: 'a-1' });
      expect(published.status).toBe(200);
      expect(await instance(engine, published.body.processInstanceKey)).toMatchObject({ processDefinitionId: 'message-audit', processDefinitionVersion: 2 });
      const old = await send(engine, 'POST', '/v2/messages/correlation', { name: 'order-received', correlationKey: 'order-40' });
      expect((await instance(engine, old.body.processInstanceKey)).processDefinitionId).toBe('message-order');
    });

    it('refuses bad input precisely', async () => {
      const cases: Array<[unknown, number, string]> = [
        [{}, 400, 'REQUEST.INVALID_BODY'],
        [{ name: '' }, 400, 'REQUEST.INVALID_BODY'],
        [{ name: 'x', variables: [1] }, 400, 'REQUEST.INVALID_BODY'],
        [{ name: 'x', timeToLive: -1 }, 400, 'REQUEST.INVALID_BODY'],
        [{ name: 'x', unknown: 1 }, 400, 'REQUEST.INVALID_BODY'],
        [{ name: 'x', tenantId: 'other' }, 400, 'MESSAGE.UNKNOWN_TENANT'],
      ];
      for (const [body, status, code] of cases) {
        const result = await send(engine, 'POST', '/v2/messages/publication', body);
        expect(result.status, JSON.stringify(body)).toBe(status);
        expect(result.body.code, JSON.stringify(body)).toBe(code);
      }
      expect((await engine.request('/v2/messages/publication', { json: { name: 'x' }, user: null })).status).toBe(401);
    });

    it('a process that only starts by message cannot be started over /v2/process-instances (400)', async () => {
      const refused = await send(engine, 'POST', '/v2/process-instances', { processDefinitionId: 'message-order' });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'PROCESS_INSTANCE.NO_NONE_START_EVENT' });
    });
  });
});
