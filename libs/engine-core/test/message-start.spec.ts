import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Message start events (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/message-events/#message-start-events):
 * a published message with the event's name starts an instance there (the executor sends
 * CREATE_PROCESS_INSTANCE with `startElementId`, the message's variables as variables). A create
 * command without start element starts at the none start event; a process with only message start
 * events can only be started by messages.
 */
describe('message start event', () => {
  it('the compiled model lists the message start events for the message publication', async () => {
    const h = await CoreHarness.load('message-start.bpmn');
    expect(h.model.startEventId).toBe('start');
    expect(h.model.messageStartEvents).toEqual([{ elementId: 'order-placed', messageName: 'order-placed' }]);
  });

  it('given a process with both, a create starts at the none start event and a message at its message start event', async () => {
    const byApi = await CoreHarness.load('message-start.bpmn');
    expect(byApi.create().slice(3, 5)).toEqual(['ELEMENT_ACTIVATING start', 'ELEMENT_ACTIVATED start']);

    const byMessage = await CoreHarness.load('message-start.bpmn');
    expect(byMessage.create({ orderId: 7 }, { startElementId: 'order-placed' })).toEqual([
      'PROCESS_INSTANCE_CREATED message-start',
      'ELEMENT_ACTIVATING message-start',
      'VARIABLE_CREATED orderId=7 @message-start',
      'ELEMENT_ACTIVATED message-start',
      ...passes('order-placed'),
      'SEQUENCE_FLOW_TAKEN f-order-placed',
      'ELEMENT_ACTIVATING work',
      'JOB_CREATED work type=work retries=3',
      'ELEMENT_ACTIVATED work',
    ]);
  });

  it('given a process with only a message start event, a create without start element is refused; the message starts it', async () => {
    const h = await CoreHarness.load('message-start-only.bpmn');
    expect(h.model.startEventId).toBeUndefined();

    expect(h.reject({ type: 'CREATE_PROCESS_INSTANCE', variables: {}, businessId: null, startedBy: 'api' })).toEqual({
      kind: 'INVALID_ARGUMENT',
      code: 'PROCESS_INSTANCE.NO_NONE_START_EVENT',
      message: "Expected to create an instance of process 'message-start-only' at its none start event, but it has none: it is started by publishing the message 'start-message'",
    });
    expect(h.create({}, { startElementId: 'started' }).slice(3)).toEqual([...passes('started'), 'SEQUENCE_FLOW_TAKEN f-end', ...passes('end'), ...completes('message-start-only')]);
  });

  it('refuses a start element that is not a start event of the process', async () => {
    const h = await CoreHarness.load('message-start.bpmn');
    expect(h.reject({ type: 'CREATE_PROCESS_INSTANCE', variables: {}, businessId: null, startedBy: 'api', startElementId: 'work' })).toMatchObject({
      code: 'PROCESS_INSTANCE.NOT_A_START_EVENT',
    });
  });
});
