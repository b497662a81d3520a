import { describe, expect, it } from 'vitest';
import { MAX_ACTIVATIONS_PER_COMMAND } from '../src/lifecycle/element-lifecycle.js';
import { CoreHarness } from './support/core-harness.js';

// Each test runs 10,000 activations through the harness (which also replays and renders every
// event): seconds on a busy machine, so the timeout is generous.
describe('activation budget', { timeout: 60_000 }, () => {
  it('given a loop that runs long without a wait state, when it passes the budget, then the next element waits behind an UNKNOWN incident', async () => {
    const instance = await CoreHarness.load('endless-loop.bpmn');
    instance.create({ n: 0, limit: 1_000_000 });

    // Activation 1 is the start event; then the script task and the gateway take turns, so the
    // activation past the budget (an odd one) is the gateway's, after n reached budget / 2.
    const held = instance.incident('again');
    expect(held).toMatchObject({ errorType: 'UNKNOWN', retry: 'ACTIVATE', state: 'ACTIVE' });
    expect(held.errorMessage).toContain(`within ${MAX_ACTIVATIONS_PER_COMMAND} element activations`);
    expect(instance.rootVariables().n).toBe(MAX_ACTIVATIONS_PER_COMMAND / 2);
    expect(instance.activeElements()).toEqual(['again:ACTIVATING', 'endless-loop:ACTIVATED']);
  });

  it('given the loop held by the budget, when the limit is lowered and the incident resolved, then the instance completes', async () => {
    const instance = await CoreHarness.load('endless-loop.bpmn');
    instance.create({ n: 0, limit: 1_000_000 });
    instance.setVariables({ limit: MAX_ACTIVATIONS_PER_COMMAND / 2 });
    instance.resolveIncident('again');
    expect(instance.rootVariables().n).toBe(MAX_ACTIVATIONS_PER_COMMAND / 2);
    expect(instance.activeElements()).toEqual([]);
  });
});
