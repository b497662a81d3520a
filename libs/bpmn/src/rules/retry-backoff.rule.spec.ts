import { describe, expect, it } from 'vitest';
import { describeRuleFixtures } from '../../test/support/fixtures.js';
import { parseRetryBackoff, retryBackoffMs } from '../timers/retry-backoff.js';

describeRuleFixtures('retry-backoff', {
  'bad-values.bpmn': [
    { elementId: 'Charge', message: `Expected the task header 'retryBackoff' to be an ISO-8601 duration (e.g. PT30S), but found '10s': it does not have the form PnYnMnWnDTnHnMnS on bpmn:ServiceTask 'Charge'` },
    { elementId: 'Charge', message: `Expected the task header 'retryBackoffMultiplier' to be a number of at least 1 (e.g. 2 or 1.5), but found '0.5' on bpmn:ServiceTask 'Charge'` },
    { elementId: 'Charge', message: `Expected the task header 'retryBackoffMax' to be a duration of fixed length (weeks, days, hours, minutes, seconds), but found 'P1M' with years or months on bpmn:ServiceTask 'Charge'` },
    { elementId: 'Notify', message: `Expected the task header 'retryBackoff' to be an ISO-8601 duration (e.g. PT30S), but found '=backoff': it does not have the form PnYnMnWnDTnHnMnS on bpmn:SendTask 'Notify'` },
    { elementId: 'Notify', message: `Expected the task header 'retryBackoffMultiplier' to be a number of at least 1 (e.g. 2 or 1.5), but found 'two' on bpmn:SendTask 'Notify'` },
  ],
  'missing-base-and-short-max.bpmn': [
    { elementId: 'Charge', message: `Expected the task header 'retryBackoff' beside 'retryBackoffMultiplier', but found none on bpmn:ServiceTask 'Charge'` },
    { elementId: 'Charge', message: `Expected the task header 'retryBackoff' beside 'retryBackoffMax', but found none on bpmn:ServiceTask 'Charge'` },
    { elementId: 'Notify', message: `Expected the task header 'retryBackoffMax' (PT30S) to be at least 'retryBackoff' (PT1M), but it is shorter on bpmn:SendTask 'Notify'` },
  ],
});

describe('retry backoff policy', () => {
  it('grows by the multiplier per failure and stops at the maximum', () => {
    const parsed = parseRetryBackoff({ retryBackoff: 'PT10S', retryBackoffMultiplier: '2', retryBackoffMax: 'PT1M' });
    expect(parsed).toEqual({ ok: true, policy: { baseMs: 10_000, multiplier: 2, maxMs: 60_000 } });
    const policy = parsed.ok ? parsed.policy! : undefined!;
    expect([1, 2, 3, 4, 5].map((failures) => retryBackoffMs(policy, failures))).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('without a multiplier the backoff stays the same; without a maximum it is capped at a year', () => {
    const constant = parseRetryBackoff({ retryBackoff: 'P1D' });
    expect(constant).toEqual({ ok: true, policy: { baseMs: 86_400_000, multiplier: 1, maxMs: null } });
    expect(retryBackoffMs({ baseMs: 86_400_000, multiplier: 1, maxMs: null }, 9)).toBe(86_400_000);
    expect(retryBackoffMs({ baseMs: 1000, multiplier: 10, maxMs: null }, 400)).toBe(31_536_000_000);
  });

  it('no backoff headers: no policy', () => {
    expect(parseRetryBackoff({ region: 'eu' })).toEqual({ ok: true, policy: null });
  });
});
