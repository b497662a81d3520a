import { describe, expect, it } from 'vitest';
import { APPLIERS, InstanceState } from '../src/index.js';
import { FakeStore, normalize } from './support/fake-store.js';
import { runScenario, SCENARIOS } from './support/scenarios.js';

/**
 * "Processing decides, appliers write" (style.md): replaying every event of a scenario on an
 * empty state with the appliers alone must rebuild the state the engine reached, after every
 * command. The same must hold for the snapshot persistence reloads from.
 */
describe('event appliers', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s: replaying the events rebuilds the snapshot after every command', async (_, scenario) => {
    await runScenario(scenario, {}, (h, step) => {
      const replayed = h.replay().snapshot();
      expect(replayed, `after step ${step + 1}`).toEqual(h.snapshot);
    });
  });

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s: a reloaded snapshot is the same state', async (_, scenario) => {
    await runScenario(scenario, {}, (h, step) => {
      expect(new InstanceState(structuredClone(h.snapshot)).snapshot(), `after step ${step + 1}`).toEqual(h.snapshot);
    });
  });

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s: writing only state.changes() and reloading gives the snapshot', async (_, scenario) => {
    // what libs/persistence does: write the changed records, load the active ones next time
    const store = new FakeStore();
    await runScenario(scenario, {}, (h, step) => {
      store.write(h.state.changes());
      expect(store.load(), `after step ${step + 1}`).toEqual(normalize(h.snapshot));
    });
  });

  it('the scenarios emit every event type there is an applier for', async () => {
    const seen = new Set<string>();
    for (const scenario of SCENARIOS) {
      const h = await runScenario(scenario);
      for (const { event } of h.log) seen.add(event.type);
    }

    expect([...seen].sort()).toEqual(Object.keys(APPLIERS).sort());
  });

  it('the replayed state also holds the finished records with their final state', async () => {
    const h = await runScenario(SCENARIOS.find((s) => s.fixture === 'cancel.bpmn')!);

    const replayed = h.replay();

    const activations = h.log.filter(({ event }) => event.type === 'ELEMENT_ACTIVATING').length;
    expect(replayed.elements.size).toBe(activations);
    expect([...replayed.elements.values()].filter((e) => e.lifecycle !== 'COMPLETED' && e.lifecycle !== 'TERMINATED')).toEqual([]);
    expect([...replayed.userTasks.values()].map((t) => t.state)).toEqual(['CANCELED', 'CANCELED']);
    expect([...replayed.jobs.values()].map((j) => j.state)).toEqual(['COMPLETED']);
    expect([...replayed.incidents.values()].map((i) => i.state)).toEqual(['RESOLVED']);
    expect(replayed.instance).toEqual(h.state.instance);
  });
});
