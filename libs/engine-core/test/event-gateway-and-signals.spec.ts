import { describe, expect, it } from 'vitest';
import { CoreHarness, passes } from './support/core-harness.js';
import { InstanceNetwork } from './support/instance-network.js';

/**
 * Event-based gateways (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/event-based-gateways/)
 * and signals (docs.camunda.io/docs/components/concepts/signals/).
 */
describe('event-based gateway', () => {
  it('waits for the events after it; the first to happen closes the others and continues', async () => {
    const h = await CoreHarness.load('event-based-gateway.bpmn');
    expect(h.create({ orderId: 'o-5' }).slice(-5)).toEqual([
      'ELEMENT_ACTIVATING gw',
      'TIMER_CREATED too-late due in 86400s',
      `SUBSCRIPTION_OPENED paid message 'payment-received' key="o-5"`,
      `SUBSCRIPTION_OPENED stopped signal 'stop-all'`,
      'ELEMENT_ACTIVATED gw',
    ]);
    expect(h.correlate('payment-received', 'o-5', { amount: 10 })).toEqual([
      `MESSAGE_CORRELATED paid 'payment-received' [amount]`,
      'ELEMENT_COMPLETING gw',
      'TIMER_CANCELED too-late',
      'SUBSCRIPTION_CLOSED paid',
      'SUBSCRIPTION_CLOSED stopped',
      'ELEMENT_COMPLETED gw',
      'SEQUENCE_FLOW_TAKEN to-paid',
      'ELEMENT_ACTIVATING paid',
      'ELEMENT_ACTIVATED paid',
      'ELEMENT_COMPLETING paid',
      'VARIABLE_CREATED amount=10 @event-based-gateway',
      'ELEMENT_COMPLETED paid',
      'SEQUENCE_FLOW_TAKEN f-paid',
      ...passes('shipped'),
      'ELEMENT_COMPLETING event-based-gateway',
      'ELEMENT_COMPLETED event-based-gateway',
    ]);
    expect(h.subscriptions()).toEqual([]);
    expect(h.snapshot.timers).toEqual([]);
  });

  it('the timer wins: the subscriptions are closed and the timer path taken', async () => {
    const h = await CoreHarness.load('event-based-gateway.bpmn');
    h.create({ orderId: 'o-5' });
    expect(h.triggerTimer('too-late').slice(0, 7)).toEqual([
      'TIMER_TRIGGERED too-late',
      'ELEMENT_COMPLETING gw',
      'SUBSCRIPTION_CLOSED paid',
      'SUBSCRIPTION_CLOSED stopped',
      'ELEMENT_COMPLETED gw',
      'SEQUENCE_FLOW_TAKEN to-late',
      'ELEMENT_ACTIVATING too-late',
    ]);
    expect(h.activeElements()).toEqual([]);
  });

  it('a signal wins too', async () => {
    const h = await CoreHarness.load('event-based-gateway.bpmn');
    h.create({ orderId: 'o-5' });
    expect(h.signal('stop-all', { why: 'shutdown' })[0]).toBe(`SIGNAL_CAUGHT stopped 'stop-all'`);
    expect(h.rootVariables()).toEqual({ orderId: 'o-5', why: 'shutdown' });
    expect(h.state.instance!.state).toBe('COMPLETED');
  });
});

describe('signal events', () => {
  it('catch events and non-interrupting boundaries wait for a signal by name; a throw event broadcasts its local variables', async () => {
    const h = await CoreHarness.load('signal-events.bpmn');
    h.create({ team: 'blue' });
    expect(h.subscriptions()).toEqual(['wait-go signal go', 'poke signal poke']);

    expect(h.signal('poke').slice(0, 3)).toEqual([`SIGNAL_CAUGHT poke 'poke'`, 'ELEMENT_ACTIVATING poke', 'ELEMENT_ACTIVATED poke']);
    expect(h.subscriptions()).toEqual(['wait-go signal go', 'poke signal poke']);
    expect(h.reject({ type: 'TRIGGER_SIGNAL', signalKey: 's', signalName: 'nobody', variables: {} })).toMatchObject({ kind: 'NOT_FOUND', code: 'SIGNAL.NO_SUBSCRIPTION' });

    const completed = h.completeUserTask('work');
    expect(completed.slice(completed.indexOf('SEQUENCE_FLOW_TAKEN f-announce'), completed.indexOf('SEQUENCE_FLOW_TAKEN f-announce') + 8)).toEqual([
      'SEQUENCE_FLOW_TAKEN f-announce',
      'ELEMENT_ACTIVATING announce',
      'VARIABLE_CREATED result="ok" @announce',
      `SIGNAL_THROWN announce 'done-blue' {"result":"ok"}`,
      'ELEMENT_ACTIVATED announce',
      'ELEMENT_COMPLETING announce',
      'ELEMENT_COMPLETED announce',
      'SEQUENCE_FLOW_TAKEN f-end',
    ]);
  });

  it('a broadcast reaches every waiting instance and starts processes with a signal start event', async () => {
    const network = await InstanceNetwork.load(['signal-events.bpmn']);
    const first = network.start('signal-events', { team: 'a' });
    const second = network.start('signal-events', { team: 'b' });
    network.broadcast('go');
    expect(first.activeElements()).toEqual(['signal-events:ACTIVATED', 'work:ACTIVATED']);
    expect(second.activeElements()).toEqual(['signal-events:ACTIVATED', 'work:ACTIVATED']);
    expect(network.crossings).toEqual(['BROADCAST_SIGNAL go', 'TRIGGER_SIGNAL → signal-events', 'TRIGGER_SIGNAL → signal-events']);
  });
});
