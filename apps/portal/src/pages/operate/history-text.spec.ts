import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../api/monitoring.api';
import { eventActor, eventDetail, eventLabel, isDetailEvent } from './history-text';

const event = (eventType: string, details: Record<string, unknown> = {}, actor = 'demo'): HistoryEvent => ({ position: 1, time: '2026-03-01T10:00:00.000Z', eventType, command: 'X', actor, details });

describe('history texts', () => {
  it('says a correlated message with its name, key and variables, and who sent it', () => {
    const correlated = event('MESSAGE_CORRELATED', { messageName: 'payment-received', correlationKey: 'order-42', variableNames: ['paymentReference'] });
    expect(eventLabel(correlated)).toBe('Message correlated');
    expect(eventDetail(correlated)).toBe('payment-received · key order-42 · with paymentReference');
    expect(eventActor(correlated)).toBe('by demo');
    expect(isDetailEvent(correlated)).toBe(false);
  });

  it('says signals, escalations, timers and conditions readably', () => {
    expect([eventLabel(event('SIGNAL_CAUGHT')), eventDetail(event('SIGNAL_CAUGHT', { signalName: 'order-cancelled', variableNames: [] }))]).toEqual(['Signal broadcast received', 'order-cancelled']);
    expect(eventDetail(event('ESCALATION_CAUGHT', { escalationCode: 'late', interrupting: false }))).toBe('code late · non-interrupting');
    expect(eventLabel(event('ESCALATION_NOT_CAUGHT'))).toBe('Escalation thrown, nothing caught it');
    expect(eventLabel(event('TIMER_TRIGGERED'))).toBe('Timer fired');
    expect(eventActor(event('TIMER_TRIGGERED', {}, 'system'))).toBe('by the engine');
    expect(eventLabel(event('CONDITION_TRIGGERED'))).toBe('Condition triggered');
  });

  it('names the start of an event subprocess and keeps other activations as details', () => {
    const started = event('ELEMENT_ACTIVATING', { elementType: 'bpmn:EventSubProcess' });
    expect(eventLabel(started)).toBe('Event subprocess started');
    expect(isDetailEvent(started)).toBe(false);
    expect(isDetailEvent(event('ELEMENT_ACTIVATING', { elementType: 'bpmn:ServiceTask' }))).toBe(true);
  });

  it('shows subscriptions as details with what they wait for', () => {
    const opened = event('SUBSCRIPTION_OPENED', { subscription: { kind: 'message', name: 'payment-received', correlationKey: 'order-42' } });
    expect(isDetailEvent(opened)).toBe(true);
    expect([eventLabel(opened), eventDetail(opened)]).toEqual(['Subscription opened', 'message payment-received · key order-42']);
    expect(isDetailEvent(event('SUBSCRIPTION_CLOSED'))).toBe(true);
  });

  it('reads other event types aloud', () => {
    expect(eventLabel(event('USER_TASK_COMPLETED'))).toBe('User task completed');
  });
});
