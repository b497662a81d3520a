import { describe, expect, it } from 'vitest';
import { CoreHarness, DEFAULT_NOW, passes } from './support/core-harness.js';

describe('none start and none end events', () => {
  it('given start → end, when the instance is created, then it runs through and completes', async () => {
    const h = await CoreHarness.load('start-end.bpmn');

    const events = h.create({ orderId: 'A-1', amount: 12.5 });

    expect(events).toEqual([
      'PROCESS_INSTANCE_CREATED start-end',
      'ELEMENT_ACTIVATING start-end',
      'VARIABLE_CREATED orderId="A-1" @start-end',
      'VARIABLE_CREATED amount=12.5 @start-end',
      'ELEMENT_ACTIVATED start-end',
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f1',
      ...passes('end'),
      'ELEMENT_COMPLETING start-end',
      'ELEMENT_COMPLETED start-end',
    ]);
    expect(h.snapshot.instance).toMatchObject({ state: 'COMPLETED', startDate: DEFAULT_NOW, endDate: DEFAULT_NOW, incidentCount: 0, processDefinitionId: 'start-end' });
    expect(h.snapshot.elements).toEqual([]);
    expect(h.rootVariables()).toEqual({ orderId: 'A-1', amount: 12.5 });
  });

  it('keys come from the environment in order: the process instance key first', async () => {
    const h = await CoreHarness.load('start-end.bpmn', { firstKey: 100 });

    h.create();

    expect(h.processInstanceKey).toBe('100');
    expect(h.state.instance).toMatchObject({ processInstanceKey: '100', businessId: null, startedBy: 'tester' });
    const activating = h.log.map((entry) => entry.event).filter((event) => event.type === 'ELEMENT_ACTIVATING');
    expect(activating.map((event) => [event.elementId, event.elementInstanceKey, event.flowScopeKey])).toEqual([
      ['start-end', '100', null],
      ['start', '101', '100'],
      ['end', '102', '100'],
    ]);
  });

  it('a second CREATE on the same state is rejected', async () => {
    const h = await CoreHarness.load('start-end.bpmn');
    h.create();

    expect(h.reject({ type: 'CREATE_PROCESS_INSTANCE', variables: {}, businessId: null, startedBy: 'tester' })).toMatchObject({
      kind: 'INVALID_STATE',
      code: 'PROCESS_INSTANCE.ALREADY_EXISTS',
    });
  });

  it('commands other than CREATE on an empty state are rejected as not found', async () => {
    const h = await CoreHarness.load('start-end.bpmn');

    expect(h.reject({ type: 'CANCEL_PROCESS_INSTANCE' })).toMatchObject({ kind: 'NOT_FOUND', code: 'PROCESS_INSTANCE.NOT_FOUND' });
  });
});

describe('pass-through elements: undefined task, manual task, intermediate none throw event', () => {
  it('complete at once and take their outgoing flow', async () => {
    const h = await CoreHarness.load('pass-through.bpmn');

    expect(h.create()).toEqual([
      'PROCESS_INSTANCE_CREATED pass-through',
      'ELEMENT_ACTIVATING pass-through',
      'ELEMENT_ACTIVATED pass-through',
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f1',
      ...passes('task'),
      'SEQUENCE_FLOW_TAKEN f2',
      ...passes('manual'),
      'SEQUENCE_FLOW_TAKEN f3',
      ...passes('throw'),
      'SEQUENCE_FLOW_TAKEN f4',
      ...passes('end'),
      'ELEMENT_COMPLETING pass-through',
      'ELEMENT_COMPLETED pass-through',
    ]);
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
  });

  it('records element names and types on activation', async () => {
    const h = await CoreHarness.load('pass-through.bpmn');
    h.create();

    const task = [...h.state.elements.values()].find((e) => e.elementId === 'task');
    expect(task).toMatchObject({ elementName: 'Undefined task', elementType: 'bpmn:Task', lifecycle: 'COMPLETED', endDate: DEFAULT_NOW });
    const manual = [...h.state.elements.values()].find((e) => e.elementId === 'manual');
    expect(manual).toMatchObject({ elementType: 'bpmn:ManualTask', elementName: 'Manual task' });
  });
});
