import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createCamundaClient from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { HEADER, message } from './event-api.js';

/**
 * Camunda's own client (@camunda8/orchestration-cluster-api, strict validation of requests and
 * answers) publishes, correlates and broadcasts against Baton, and searches message
 * subscriptions: the shapes are Camunda's.
 */
const MODEL = `${HEADER}
  ${message('paid', 'client-payment')}
  <bpmn:signal id="go" name="client-go" />
  <bpmn:process id="client-events" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait-payment"><bpmn:messageEventDefinition messageRef="paid" /></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="wait-go"><bpmn:signalEventDefinition signalRef="go" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait-payment" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait-payment" targetRef="wait-go" />
    <bpmn:sequenceFlow id="f3" sourceRef="wait-go" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe("Camunda's client publishes, correlates, broadcasts and searches subscriptions", () => {
  let engine: TestEngine;
  let client: ReturnType<typeof createCamundaClient>;

  beforeAll(async () => {
    engine = await startTestEngine();
    client = createCamundaClient({
      config: {
        CAMUNDA_REST_ADDRESS: engine.url,
        CAMUNDA_AUTH_STRATEGY: 'BASIC',
        CAMUNDA_BASIC_AUTH_USERNAME: 'demo',
        CAMUNDA_BASIC_AUTH_PASSWORD: 'demo',
        CAMUNDA_SDK_VALIDATION: 'strict',
        CAMUNDA_SDK_LOG_LEVEL: 'error',
      } as never,
    });
    const file = join(tmpdir(), `client-events-${Date.now()}.bpmn`);
    await writeFile(file, MODEL);
    await client.deployResourcesFromFiles([file]);
  });

  afterAll(async () => {
    await engine?.stop();
  });

  async function state(processInstanceKey: string): Promise<string> {
    return ((await client.getProcessInstance({ processInstanceKey } as never, { consistency: { waitUpToMs: 0 } } as never)) as { state: string }).state;
  }

  async function waitingAt(processInstanceKey: string, elementId: string): Promise<void> {
    await eventually(
      async () => ((await client.searchElementInstances({ filter: { processInstanceKey, elementId } } as never, { consistency: { waitUpToMs: 0 } } as never)) as { items: Array<{ state: string }> }).items,
      (items) => items.some((item) => item.state === 'ACTIVE'),
      `${processInstanceKey} to wait at ${elementId}`,
    );
  }

  it('a buffered publication, a correlation answering the instance, a broadcast and the subscription search', async () => {
    // Published before the instance exists, buffered: the catch event takes it when it opens.
    const published = await client.publishMessage({ name: 'client-payment', correlationKey: 'cl-1', timeToLive: 60_000, messageId: 'pay-cl-1', variables: { amount: 12 } } as never);
    expect(published).toMatchObject({ tenantId: '<default>', messageKey: expect.stringMatching(/^\d+$/) });
    const first = (await client.createProcessInstance({ processDefinitionId: 'client-events', variables: { orderId: 'cl-1' } } as never)) as { processInstanceKey: string };
    await waitingAt(first.processInstanceKey, 'wait-go');

    const second = (await client.createProcessInstance({ processDefinitionId: 'client-events', variables: { orderId: 'cl-2' } } as never)) as { processInstanceKey: string };
    const correlated = (await client.correlateMessage({ name: 'client-payment', correlationKey: 'cl-2', variables: { amount: 13 } } as never)) as { processInstanceKey: string };
    expect(correlated.processInstanceKey).toBe(second.processInstanceKey);
    await waitingAt(second.processInstanceKey, 'wait-go');

    const subscriptions = (await client.searchMessageSubscriptions({ filter: { processDefinitionId: 'client-events' }, sort: [{ field: 'correlationKey' }] } as never, { consistency: { waitUpToMs: 0 } } as never)) as {
      items: Array<{ correlationKey: string; messageSubscriptionState: string; processInstanceKey: string }>;
    };
    expect(subscriptions.items.map((s) => `${s.correlationKey} ${s.messageSubscriptionState} ${s.processInstanceKey}`)).toEqual([
      `cl-1 CORRELATED ${first.processInstanceKey}`,
      `cl-2 CORRELATED ${second.processInstanceKey}`,
    ]);

    const signal = (await client.broadcastSignal({ signalName: 'client-go', variables: { go: true } } as never)) as { signalKey: string; tenantId: string };
    expect(signal).toEqual({ signalKey: expect.stringMatching(/^\d+$/), tenantId: '<default>' });
    for (const key of [first.processInstanceKey, second.processInstanceKey]) await eventually(() => state(key), (s) => s === 'COMPLETED', `${key} to complete`);
  });

  it('sees Camunda\'s answers when Baton refuses: 409 for a duplicate messageId, 404 for a correlation nothing waits for', async () => {
    await client.publishMessage({ name: 'client-dedupe', correlationKey: 'd', timeToLive: 60_000, messageId: 'same' } as never);
    const duplicate = await client.publishMessage({ name: 'client-dedupe', correlationKey: 'd', timeToLive: 60_000, messageId: 'same' } as never).then(
      () => null,
      (error: { status: number }) => error,
    );
    expect(duplicate?.status).toBe(409);
    const nothing = await client.correlateMessage({ name: 'client-nobody', correlationKey: 'x' } as never).then(
      () => null,
      (error: { status: number }) => error,
    );
    expect(nothing?.status).toBe(404);
  });
});
