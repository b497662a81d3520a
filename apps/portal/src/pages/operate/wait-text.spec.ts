import { describe, expect, it } from 'vitest';
import type { InstanceWait } from '../../api/events.api';
import { dueText, waitsByCatchElement, waitText } from './wait-text';

const base = { elementInstanceKey: '1', elementId: 'await-payment', catchElementId: 'payment-received', interrupting: true } as const;

describe('waitText', () => {
  it('names a message with its correlation key, and without one when it has none', () => {
    expect(waitText({ ...base, kind: 'message', messageName: 'payment-received', correlationKey: 'order-42' })).toBe('message payment-received · key order-42');
    expect(waitText({ ...base, kind: 'message', messageName: 'payment-received', correlationKey: '' })).toBe('message payment-received');
  });

  it('names a signal and a condition', () => {
    expect(waitText({ ...base, kind: 'signal', signalName: 'order-cancelled' })).toBe('signal order-cancelled');
    expect(waitText({ ...base, kind: 'conditional', condition: 'amount > 1000' })).toBe('condition amount > 1000');
  });

  it('gives a timer its due time, and its cycle', () => {
    const now = new Date(2026, 2, 1, 9, 0);
    const due = new Date(2026, 2, 1, 14, 5).toISOString();
    expect(waitText({ ...base, kind: 'timer', dueDate: due }, now)).toBe(`timer due ${dueText(due, now)}`);
    expect(dueText(due, now)).toMatch(/14.05|2.05/);
    expect(waitText({ ...base, kind: 'timer', dueDate: due, cycle: 'R3/PT10M' }, now)).toBe(`timer due ${dueText(due, now)} · cycle R3/PT10M`);
  });

  it('says the day of a timer due on another day', () => {
    const now = new Date(2026, 2, 1, 9, 0);
    const due = new Date(2026, 2, 3, 14, 5).toISOString();
    expect(dueText(due, now)).not.toBe(dueText(new Date(2026, 2, 1, 14, 5).toISOString(), now));
  });
});

describe('waitsByCatchElement', () => {
  it('groups the waits of one catching element in their order', () => {
    const waits: InstanceWait[] = [
      { ...base, kind: 'message', messageName: 'a', correlationKey: '' },
      { ...base, catchElementId: 'window-closed', kind: 'timer', dueDate: '2026-03-01T10:00:00.000Z' },
      { ...base, elementInstanceKey: '2', kind: 'message', messageName: 'b', correlationKey: '' },
    ];
    const grouped = waitsByCatchElement(waits);
    expect([...grouped.keys()]).toEqual(['payment-received', 'window-closed']);
    expect(grouped.get('payment-received')!.map((w) => w.messageName)).toEqual(['a', 'b']);
  });
});
