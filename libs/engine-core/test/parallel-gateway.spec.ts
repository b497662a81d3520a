import { describe, expect, it } from 'vitest';
import { activates, completes, CoreHarness, passes, seededRandom, shuffled } from './support/core-harness.js';

/**
 * Camunda 8 parallel gateway (docs.camunda.io/docs/components/modeler/bpmn/parallel-gateways/):
 * a fork takes every outgoing flow; a join waits for a token on every incoming flow and fires
 * once per complete set, consuming one token per flow.
 */
describe('parallel gateway', () => {
  it('forks into every branch and joins once both arrived', async () => {
    const h = await CoreHarness.load('parallel.bpmn');

    expect(h.create()).toEqual([
      'PROCESS_INSTANCE_CREATED parallel',
      ...activates('parallel'),
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      ...passes('fork'),
      'SEQUENCE_FLOW_TAKEN f-a',
      'SEQUENCE_FLOW_TAKEN f-b',
      'ELEMENT_ACTIVATING a',
      'JOB_CREATED a type=a retries=3',
      'ELEMENT_ACTIVATED a',
      'ELEMENT_ACTIVATING b',
      'JOB_CREATED b type=b retries=3',
      'ELEMENT_ACTIVATED b',
    ]);

    expect(h.completeJob('b')).toEqual(['JOB_COMPLETED b', ...completes('b'), 'SEQUENCE_FLOW_TAKEN f-b-join (at join)']);
    expect(h.joinTokens()).toEqual(['f-b-join×1 @parallel']);
    expect(h.elements('join')).toEqual([]);

    expect(h.completeJob('a')).toEqual([
      'JOB_COMPLETED a',
      ...completes('a'),
      'SEQUENCE_FLOW_TAKEN f-a-join (at join)',
      'ELEMENT_ACTIVATING join [f-a-join,f-b-join]',
      'ELEMENT_ACTIVATED join',
      ...completes('join'),
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('parallel'),
    ]);
    expect(h.joinTokens()).toEqual([]);
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
  });

  it('two tokens on the same incoming flow do not make a complete set: the join waits for the other flow, then fires once', async () => {
    const h = await CoreHarness.load('parallel-same-flow.bpmn');
    h.create();

    h.completeJob('a');
    expect(h.completeJob('b')).toEqual([
      'JOB_COMPLETED b',
      ...completes('b'),
      'SEQUENCE_FLOW_TAKEN f-b-merge',
      ...passes('merge'),
      'SEQUENCE_FLOW_TAKEN f-merged (at join)',
    ]);
    expect(h.joinTokens()).toEqual(['f-merged×2 @parallel-same-flow']);
    expect(h.elements('join')).toEqual([]);

    expect(h.completeJob('c')).toEqual([
      'JOB_COMPLETED c',
      ...completes('c'),
      'SEQUENCE_FLOW_TAKEN f-c-join (at join)',
      'ELEMENT_ACTIVATING join [f-merged,f-c-join]',
      'ELEMENT_ACTIVATED join',
      ...completes('join'),
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
    ]);
    // The second token on f-merged still waits for a token on f-c-join: the instance is not done
    // (as in Zeebe, a join never fires for an incomplete set).
    expect(h.joinTokens()).toEqual(['f-merged×1 @parallel-same-flow']);
    expect(h.snapshot.instance?.state).toBe('ACTIVE');
    expect(h.activeElements()).toEqual(['parallel-same-flow:ACTIVATED']);
  });

  it('a rejected or repeated completion does not fire the join twice', async () => {
    const h = await CoreHarness.load('parallel.bpmn');
    h.create();
    const jobKey = h.job('a').jobKey;
    h.completeJob('a');

    expect(h.reject({ type: 'COMPLETE_JOB', jobKey, variables: {} })).toMatchObject({ kind: 'NOT_FOUND', code: 'JOB.NOT_FOUND' });
    expect(h.joinTokens()).toEqual(['f-a-join×1 @parallel']);
  });

  describe('ten branches completed in random order', () => {
    const branches = Array.from({ length: 10 }, (_, i) => `t${i + 1}`);

    it.each([1, 2, 3, 42, 2026])('seed %i: the join fires exactly once, after the last branch', async (seed) => {
      const h = await CoreHarness.load('parallel-ten.bpmn');
      h.create();
      expect(h.snapshot.jobs.map((job) => job.elementId)).toEqual(branches);

      const order = shuffled(branches, seededRandom(seed));
      for (const [i, branch] of order.entries()) {
        const events = h.completeJob(branch);
        const joinActivations = events.filter((line) => line.startsWith('ELEMENT_ACTIVATING join'));
        if (i < order.length - 1) {
          expect(joinActivations).toEqual([]);
          expect(h.joinTokens()).toHaveLength(i + 1);
        } else {
          expect(joinActivations).toEqual([`ELEMENT_ACTIVATING join [${branches.map((b) => `f-${b}-join`).join(',')}]`]);
        }
      }
      expect(h.history().filter((line) => line.startsWith('ELEMENT_ACTIVATING join'))).toHaveLength(1);
      expect(h.joinTokens()).toEqual([]);
      expect(h.snapshot.instance?.state).toBe('COMPLETED');
    });
  });
});
