import { describe, expect, it } from 'vitest';
import { checkTransition, illegalTransitionMessage } from '../src/lifecycle/transition-guard.js';
import type { Lifecycle } from '../src/state/records.js';
import { CoreHarness } from './support/core-harness.js';

/**
 * Zeebe's element lifecycle has one guard: ACTIVATING → ACTIVATED → COMPLETING → COMPLETED, or
 * TERMINATING → TERMINATED from any active state. An illegal ELEMENT_* transition is a value: the
 * event is not applied, nothing more is decided, and the command is refused.
 */
const element = (lifecycle: Lifecycle) => ({ elementInstanceKey: '7', elementId: 'task', lifecycle });
const target = { elementInstanceKey: '7', elementId: 'task' };

describe('transition guard', () => {
  it.each<[Lifecycle, Lifecycle]>([
    ['ACTIVATING', 'ACTIVATED'],
    ['ACTIVATING', 'TERMINATING'],
    ['ACTIVATED', 'COMPLETING'],
    ['ACTIVATED', 'TERMINATING'],
    ['COMPLETING', 'COMPLETED'],
    ['COMPLETING', 'TERMINATING'],
    ['TERMINATING', 'TERMINATED'],
  ])('allows %s → %s', (from, to) => {
    expect(checkTransition(element(from), to, target)).toBeUndefined();
  });

  it.each<[Lifecycle, Lifecycle]>([
    ['ACTIVATING', 'COMPLETING'],
    ['ACTIVATING', 'COMPLETED'],
    ['ACTIVATED', 'ACTIVATED'],
    ['ACTIVATED', 'COMPLETED'],
    ['COMPLETING', 'ACTIVATED'],
    ['COMPLETED', 'TERMINATING'],
    ['COMPLETED', 'COMPLETING'],
    ['TERMINATED', 'ACTIVATED'],
    ['TERMINATING', 'COMPLETED'],
  ])('refuses %s → %s', (from, to) => {
    expect(checkTransition(element(from), to, target)).toEqual({ ...target, from, to });
  });

  it('allows ACTIVATING only for a new element instance, and nothing else for an unknown one', () => {
    expect(checkTransition(undefined, 'ACTIVATING', target)).toBeUndefined();
    expect(checkTransition(element('ACTIVATED'), 'ACTIVATING', target)).toEqual({ ...target, from: 'ACTIVATED', to: 'ACTIVATING' });
    expect(checkTransition(undefined, 'COMPLETED', target)).toEqual({ ...target, from: 'UNKNOWN', to: 'COMPLETED' });
    expect(illegalTransitionMessage({ ...target, from: 'COMPLETED', to: 'TERMINATING' })).toBe(
      "Expected element instance 7 ('task') to move from COMPLETED to TERMINATING, but the element lifecycle does not allow that transition",
    );
  });
});

describe('a command that would move an element illegally', () => {
  it('given a timer catch event already COMPLETING (a corrupted state), when its timer fires, then the command is refused and nothing changes', async () => {
    const h = await CoreHarness.load('timer-catch.bpmn');
    h.create();
    const wait = h.snapshot.elements.find((e) => e.elementId === 'wait')!;
    wait.lifecycle = 'COMPLETING';
    const before = structuredClone(h.snapshot);
    h.now = '2030-01-01T00:00:00.000Z';

    const refused = h.reject({ type: 'TRIGGER_TIMER', timerKey: h.snapshot.timers[0]!.timerKey });

    expect(refused).toEqual({
      kind: 'INVALID_STATE',
      code: 'ELEMENT_INSTANCE.ILLEGAL_TRANSITION',
      message: `Expected element instance ${wait.elementInstanceKey} ('wait') to move from COMPLETING to COMPLETING, but the element lifecycle does not allow that transition`,
    });
    expect(h.snapshot).toEqual(before);
  });
});
