import { describe, expect, it } from 'vitest';
import { retryProgress } from './retry-progress';

const retry = { incidentKey: 'i1', elementInstanceKey: 'e1', elementName: 'Charge card' };

describe('retryProgress', () => {
  it('runs while the incident is listed or its element is still active', () => {
    expect(retryProgress(retry, [{ incidentKey: 'i1', elementInstanceKey: 'e1' }], [{ elementInstanceKey: 'e1', state: 'ACTIVE' }])).toBe('running');
    expect(retryProgress(retry, [], [{ elementInstanceKey: 'e1', state: 'ACTIVE' }])).toBe('running');
  });

  it('is done once the element is no longer active (completed, or gone from the page)', () => {
    expect(retryProgress(retry, [], [{ elementInstanceKey: 'e1', state: 'COMPLETED' }])).toBe('done');
    expect(retryProgress(retry, [], [])).toBe('done');
  });

  it('failed again when a new incident holds the same element', () => {
    expect(retryProgress(retry, [{ incidentKey: 'i2', elementInstanceKey: 'e1' }], [{ elementInstanceKey: 'e1', state: 'ACTIVE' }])).toBe('failed-again');
  });
});
