import { describe, expect, it } from 'vitest';
import { runScenario, SCENARIOS } from './support/scenarios.js';

/**
 * The core is a function of (snapshot, command, environment): the same inputs give the same
 * events, whatever ran before in the process (caches, FEEL), and the key values only name things.
 */
describe('determinism', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s: the same inputs give the same events and state', async (_, scenario) => {
    const first = await runScenario(scenario);
    const second = await runScenario(scenario);

    expect(second.log).toEqual(first.log);
    expect(second.snapshot).toEqual(first.snapshot);
  });

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s: other keys and another clock give the same sequence', async (_, scenario) => {
    const first = await runScenario(scenario);
    const other = await runScenario(scenario, { firstKey: 7_000_000, now: '2026-03-02T10:00:00.000Z' });

    expect(other.history()).toEqual(first.history());
  });
});
