import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes, SAMPLE_PROCESSES_DIR } from './support/core-harness.js';

/** The sample processes deployed at start (processes/) run through the core as users would drive them. */
describe('sample process: expense approval', () => {
  const formKeys = { 'expense-request': '11', 'approve-expense': '12', 'finance-review': '13' };
  const load = (): Promise<CoreHarness> => CoreHarness.load(new URL('expense-approval.bpmn', SAMPLE_PROCESSES_DIR), { formKeys });

  it('a small expense approved by the manager', async () => {
    const h = await load();
    h.create({ amount: 120, description: 'Train ticket' });
    expect(h.userTask('approve-expense')).toMatchObject({ candidateGroups: ['managers'], priority: 50, formKey: '12', assignee: null });

    expect(h.completeUserTask('approve-expense', { approved: true }, 'maria')).toEqual([
      'USER_TASK_ASSIGNED approve-expense assignee=maria',
      'USER_TASK_COMPLETED approve-expense [approved]',
      'ELEMENT_COMPLETING approve-expense',
      'VARIABLE_CREATED approved=true @expense-approval',
      'ELEMENT_COMPLETED approve-expense',
      'SEQUENCE_FLOW_TAKEN flow-to-manager-decision',
      ...passes('manager-decision'),
      'SEQUENCE_FLOW_TAKEN flow-manager-approved',
      ...passes('amount-check'),
      'SEQUENCE_FLOW_TAKEN flow-within-limit',
      'ELEMENT_ACTIVATING record-approval',
      'ELEMENT_ACTIVATED record-approval',
      'ELEMENT_COMPLETING record-approval',
      'VARIABLE_CREATED outcome="approved by manager" @expense-approval',
      'ELEMENT_COMPLETED record-approval',
      'SEQUENCE_FLOW_TAKEN flow-to-approved',
      ...passes('expense-approved'),
      ...completes('expense-approval'),
    ]);
  });

  it('a large expense needs finance, with a higher priority', async () => {
    const h = await load();
    h.create({ amount: 2500, description: 'Laptop' });
    expect(h.userTask('approve-expense').priority).toBe(80);

    h.completeUserTask('approve-expense', { approved: true });
    expect(h.userTask('finance-review')).toMatchObject({ candidateGroups: ['finance'], priority: 70, formKey: '13' });
    h.completeUserTask('finance-review', { financeApproved: true });

    expect(h.snapshot.instance?.state).toBe('COMPLETED');
    expect(h.rootVariables()).toMatchObject({ outcome: 'approved by finance' });
  });

  it('rejected by the manager', async () => {
    const h = await load();
    h.create({ amount: 50 });

    const events = h.completeUserTask('approve-expense', { approved: false });

    expect(events.filter((line) => line.startsWith('SEQUENCE_FLOW_TAKEN'))).toEqual(['SEQUENCE_FLOW_TAKEN flow-to-manager-decision', 'SEQUENCE_FLOW_TAKEN flow-manager-rejected']);
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
  });
});

describe('sample process: order with online payment', () => {
  const load = (): Promise<CoreHarness> => CoreHarness.load(new URL('order-payment.bpmn', SAMPLE_PROCESSES_DIR), { formKeys: { 'order-payment-form': '21' } });
  const order = { orderId: 'A-1001', customerName: 'Ada', customerEmail: 'ada@example.com', amount: 49.9, paymentWindow: 'PT2M' };

  it('ships when the payment provider reports the payment before the window closes', async () => {
    const h = await load();
    h.create(order);
    h.completeJob('request-payment', { paymentLink: 'https://pay.example.com/A-1001' });
    expect(h.subscriptions()).toEqual(['payment-received message payment-received key=A-1001']);
    expect(h.snapshot.timers.map((t) => t.elementId)).toEqual(['payment-window-closed']);

    h.correlate('payment-received', 'A-1001', { paymentReference: 'psp-77', paidAmount: 49.9 });
    expect(h.subscriptions()).toEqual([]);
    expect(h.snapshot.timers).toEqual([]);
    expect(h.job('ship').type).toBe('ship-order');
    h.completeJob('ship', { trackingNumber: 'TRK1' });
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
    expect(h.rootVariables()).toMatchObject({ paymentReference: 'psp-77', paidAmount: 49.9, trackingNumber: 'TRK1', customer: { name: 'Ada', email: 'ada@example.com' } });
  });

  it('is canceled with an email when the payment window closes first', async () => {
    const h = await load();
    h.create(order);
    h.completeJob('request-payment');
    h.triggerTimer('payment-window-closed');
    expect(h.subscriptions()).toEqual([]);
    expect(h.job('cancel-order')).toMatchObject({ type: 'send-email', customHeaders: { template: 'payment-timeout', subject: 'Order {orderId} canceled: no payment received in time' } });
    h.completeJob('cancel-order');
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
  });
});

describe('sample process: purchase approval with reminders', () => {
  const load = (): Promise<CoreHarness> => CoreHarness.load(new URL('purchase-approval.bpmn', SAMPLE_PROCESSES_DIR), { formKeys: { 'purchase-request': '31', 'approve-purchase': '32' } });
  const request = { item: 'Standing desk', amount: 420, email: 'emma@example.com', reminderCycle: 'R2/PT30S', approvalDeadline: 'PT2M' };

  it('reminds twice beside the open task, then finance approves', async () => {
    const h = await load();
    h.create(request);
    expect(h.userTask('approve-purchase')).toMatchObject({ candidateGroups: ['finance'], formKey: '32' });
    expect(h.snapshot.timers.map((t) => `${t.elementId} ${t.cycle?.remaining ?? '-'}`)).toEqual(['remind 2', 'overdue -']);

    h.triggerTimer('remind');
    h.completeJob('send-reminder');
    h.triggerTimer('remind');
    h.completeJob('send-reminder');
    expect(h.snapshot.timers.map((t) => t.elementId)).toEqual(['overdue']);

    h.completeUserTask('approve-purchase', { approved: true, approvalComment: 'ok' }, 'frank');
    expect(h.snapshot.timers).toEqual([]);
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
    expect(h.log.map(({ event }) => event).filter((e) => e.type === 'ELEMENT_COMPLETED').map((e) => (e as { elementId: string }).elementId)).toContain('purchase-approved');
  });

  it('escalates to a manager when overdue: the finance task is withdrawn and the manager decides', async () => {
    const h = await load();
    h.create(request);
    const events = h.triggerTimer('overdue');
    expect(events).toContain('ESCALATION_CAUGHT code=APPROVAL_OVERDUE by escalated-to-manager');
    expect(events).toContain('USER_TASK_CANCELED approve-purchase');
    expect(h.userTask('manager-review')).toMatchObject({ candidateGroups: ['managers'], priority: 80 });
    expect(h.snapshot.timers).toEqual([]);

    h.completeUserTask('manager-review', { approved: false, approvalComment: 'too expensive' }, 'mia');
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
    expect(h.log.map(({ event }) => event).filter((e) => e.type === 'ELEMENT_COMPLETED').map((e) => (e as { elementId: string }).elementId)).toContain('purchase-rejected');
  });
});
