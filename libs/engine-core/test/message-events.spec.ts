import { describe, expect, it } from 'vitest';
import { activates, completes, CoreHarness, passes, terminates } from './support/core-harness.js';

/**
 * Message catch events (Camunda 8: docs.camunda.io/docs/components/concepts/messages/): entering
 * one opens a subscription with its message name and correlation key evaluated then; a message
 * with that name and key (CORRELATE_MESSAGE, sent by the engine for a publication) triggers the
 * oldest open subscription of the instance — once per message — with the message's variables,
 * which are the event's result (output mappings, or propagation).
 */
describe('intermediate message catch event', () => {
  it('opens a subscription with the name and the correlation key evaluated on entry, and completes with the message variables through its output mappings', async () => {
    const h = await CoreHarness.load('message-catch.bpmn');
    expect(h.create({ orderId: 'o-1', region: 'eu' }).slice(-3)).toEqual([
      'ELEMENT_ACTIVATING wait-payment',
      `SUBSCRIPTION_OPENED wait-payment message 'payment-received' key="o-1"`,
      'ELEMENT_ACTIVATED wait-payment',
    ]);
    expect(h.subscriptions()).toEqual(['wait-payment message payment-received key=o-1']);

    expect(h.correlate('payment-received', 'o-1', { amount: 42, note: 'x' })).toEqual([
      `MESSAGE_CORRELATED wait-payment 'payment-received' [amount,note]`,
      ...completes('wait-payment').slice(0, 1),
      'SUBSCRIPTION_CLOSED wait-payment',
      'VARIABLE_CREATED amount=42 @wait-payment',
      'VARIABLE_CREATED note="x" @wait-payment',
      'VARIABLE_CREATED paid=42 @message-catch',
      'ELEMENT_COMPLETED wait-payment',
      'SEQUENCE_FLOW_TAKEN f2',
      'ELEMENT_ACTIVATING wait-confirmation',
      `SUBSCRIPTION_OPENED wait-confirmation message 'confirm-eu' key="o-1"`,
      'ELEMENT_ACTIVATED wait-confirmation',
    ]);
    expect(h.rootVariables()).toEqual({ orderId: 'o-1', region: 'eu', paid: 42 });

    // without output mappings the variables propagate
    expect(h.correlate('confirm-eu', 'o-1', { confirmed: true }).slice(0, 5)).toEqual([
      `MESSAGE_CORRELATED wait-confirmation 'confirm-eu' [confirmed]`,
      'ELEMENT_COMPLETING wait-confirmation',
      'SUBSCRIPTION_CLOSED wait-confirmation',
      'VARIABLE_CREATED confirmed=true @message-catch',
      'ELEMENT_COMPLETED wait-confirmation',
    ]);
    expect(h.state.instance!.state).toBe('COMPLETED');
  });

  it('refuses a message nothing waits for (another name, another key, or already correlated) and changes nothing', async () => {
    const h = await CoreHarness.load('message-catch.bpmn');
    h.create({ orderId: 'o-1', region: 'eu' });
    expect(h.reject({ type: 'CORRELATE_MESSAGE', messageKey: 'm', messageName: 'payment-received', correlationKey: 'o-2', variables: {} })).toMatchObject({ kind: 'NOT_FOUND', code: 'MESSAGE.NO_SUBSCRIPTION' });
    expect(h.reject({ type: 'CORRELATE_MESSAGE', messageKey: 'm', messageName: 'other', correlationKey: 'o-1', variables: {} })).toMatchObject({ code: 'MESSAGE.NO_SUBSCRIPTION' });
    h.correlate('payment-received', 'o-1');
    expect(h.reject({ type: 'CORRELATE_MESSAGE', messageKey: 'm2', messageName: 'payment-received', correlationKey: 'o-1', variables: {} })).toMatchObject({ code: 'MESSAGE.NO_SUBSCRIPTION' });
  });

  it('given a correlation key that is neither a string nor a number, the event waits at ACTIVATING with an incident; fixing the variable and resolving opens the subscription', async () => {
    const h = await CoreHarness.load('message-catch.bpmn');
    expect(h.create({ orderId: { nested: true }, region: 'eu' }).slice(-2)).toEqual(['ELEMENT_ACTIVATING wait-payment', 'INCIDENT_CREATED wait-payment EXTRACT_VALUE_ERROR']);
    expect(h.incident('wait-payment').errorMessage).toContain("to be one of '[STRING, NUMBER]'");
    h.setVariables({ orderId: 17 });
    expect(h.resolveIncident('wait-payment')).toEqual(['INCIDENT_RESOLVED wait-payment', `SUBSCRIPTION_OPENED wait-payment message 'payment-received' key="17"`, 'ELEMENT_ACTIVATED wait-payment']);
  });

  it('given a correlation key longer than the 256 characters a subscription may have, the event waits with an incident instead of opening it', async () => {
    const h = await CoreHarness.load('message-catch.bpmn');
    expect(h.create({ orderId: 'k'.repeat(257), region: 'eu' }).slice(-2)).toEqual(['ELEMENT_ACTIVATING wait-payment', 'INCIDENT_CREATED wait-payment EXTRACT_VALUE_ERROR']);
    expect(h.incident('wait-payment').errorMessage).toContain('Expected the correlation key to be at most 256 characters long, but it has 257');
    expect(h.subscriptions()).toEqual([]);
    h.setVariables({ orderId: 'k'.repeat(256) });
    expect(h.resolveIncident('wait-payment').slice(1, 2)).toEqual([`SUBSCRIPTION_OPENED wait-payment message 'payment-received' key="${'k'.repeat(256)}"`]);
  });
});

describe('message boundary events', () => {
  it('a non-interrupting one runs beside its activity each time its message arrives; an interrupting one terminates the activity', async () => {
    const h = await CoreHarness.load('message-boundary.bpmn');
    expect(h.create({ orderId: 'o-9' }).slice(-5)).toEqual([
      'ELEMENT_ACTIVATING review',
      `SUBSCRIPTION_OPENED cancel message 'cancel-order' key="o-9"`,
      `SUBSCRIPTION_OPENED update message 'order-updated' key="o-9" (non-interrupting)`,
      'USER_TASK_CREATED review',
      'ELEMENT_ACTIVATED review',
    ]);

    expect(h.correlate('order-updated', 'o-9', { change: 1 })).toEqual([
      `MESSAGE_CORRELATED update 'order-updated' [change]`,
      'ELEMENT_ACTIVATING update',
      'ELEMENT_ACTIVATED update',
      'ELEMENT_COMPLETING update',
      'VARIABLE_CREATED change=1 @message-boundary',
      'ELEMENT_COMPLETED update',
      'SEQUENCE_FLOW_TAKEN f-update',
      'ELEMENT_ACTIVATING note',
      'USER_TASK_CREATED note',
      'ELEMENT_ACTIVATED note',
    ]);
    expect(h.correlate('order-updated', 'o-9', { change: 2 }, 'msg-2')[0]).toBe(`MESSAGE_CORRELATED update 'order-updated' [change]`);
    expect(h.activeElements()).toEqual(['message-boundary:ACTIVATED', 'note:ACTIVATED', 'note:ACTIVATED', 'review:ACTIVATED']);

    expect(h.correlate('cancel-order', 'o-9', {}, 'msg-3')).toEqual([
      `MESSAGE_CORRELATED cancel 'cancel-order'`,
      'ELEMENT_TERMINATING review',
      'SUBSCRIPTION_CLOSED cancel',
      'SUBSCRIPTION_CLOSED update',
      'USER_TASK_CANCELED review',
      'ELEMENT_TERMINATED review',
      ...passes('cancel'),
      'SEQUENCE_FLOW_TAKEN f-cancel',
      ...passes('canceled'),
    ]);
    expect(h.subscriptions()).toEqual([]);
    expect(h.activeElements()).toEqual(['message-boundary:ACTIVATED', 'note:ACTIVATED', 'note:ACTIVATED']);
  });

  it('closes the boundary subscriptions when the activity completes', async () => {
    const h = await CoreHarness.load('message-boundary.bpmn');
    h.create({ orderId: 'o-9' });
    expect(h.completeUserTask('review').slice(0, 5)).toEqual([
      'USER_TASK_ASSIGNED review assignee=tester',
      'USER_TASK_COMPLETED review',
      'ELEMENT_COMPLETING review',
      'SUBSCRIPTION_CLOSED cancel',
      'SUBSCRIPTION_CLOSED update',
    ]);
    expect(h.subscriptions()).toEqual([]);
  });
});

describe('receive task', () => {
  it('waits for its message like a catch event, with a timer boundary beside it; the message wins and the timer is canceled', async () => {
    const h = await CoreHarness.load('receive-task.bpmn');
    expect(h.create({ id: 7 }).slice(-4)).toEqual(['ELEMENT_ACTIVATING receive', 'TIMER_CREATED too-late due in 3600s', `SUBSCRIPTION_OPENED receive message 'confirmation' key="7"`, 'ELEMENT_ACTIVATED receive']);
    expect(h.correlate('confirmation', '7', { ok: true })).toEqual([
      `MESSAGE_CORRELATED receive 'confirmation' [ok]`,
      'ELEMENT_COMPLETING receive',
      'TIMER_CANCELED too-late',
      'SUBSCRIPTION_CLOSED receive',
      'VARIABLE_CREATED ok=true @receive-task',
      'ELEMENT_COMPLETED receive',
      'SEQUENCE_FLOW_TAKEN f2',
      ...passes('end'),
      ...completes('receive-task'),
    ]);
  });

  it('the timer wins: the task is terminated and its subscription closed', async () => {
    const h = await CoreHarness.load('receive-task.bpmn');
    h.create({ id: 7 });
    expect(h.triggerTimer('too-late').slice(0, 6)).toEqual(['TIMER_TRIGGERED too-late', 'ELEMENT_TERMINATING receive', 'SUBSCRIPTION_CLOSED receive', 'ELEMENT_TERMINATED receive', ...activates('too-late')]);
    expect(h.subscriptions()).toEqual([]);
    void terminates;
  });
});
