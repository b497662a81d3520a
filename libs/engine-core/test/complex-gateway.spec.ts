import { describe, expect, it } from 'vitest';
import { activates, completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * BPMN 2.0.2 §13.3.6 complex gateway (Camunda 8 does not execute it). As a join it fires once its
 * activation condition holds for the tokens that arrived (`complexGateway.*`), then absorbs the
 * tokens of the flows that had not delivered yet until every flow did (reset); without a condition
 * it waits for every flow. As a fork it behaves like an inclusive gateway.
 */
describe('complex gateway', () => {
  describe('join with an activation condition (two of three)', () => {
    it('waits while the condition is false, fires once it holds, absorbs the late token and resets', async () => {
      const h = await CoreHarness.load('complex-gateway.bpmn');
      h.create();

      expect(h.completeJob('ta')).toEqual(['JOB_COMPLETED ta', ...completes('ta'), 'SEQUENCE_FLOW_TAKEN f-a-join (at join)']);
      expect(h.joinTokens()).toEqual(['f-a-join×1 @complex-gateway']);

      expect(h.completeJob('tb')).toEqual([
        'JOB_COMPLETED tb',
        ...completes('tb'),
        'SEQUENCE_FLOW_TAKEN f-b-join (at join)',
        'COMPLEX_GATEWAY_FIRED join [f-a-join,f-b-join] awaiting [f-c-join]',
        'ELEMENT_ACTIVATING join [f-a-join,f-b-join]',
        'ELEMENT_ACTIVATED join',
        ...completes('join'),
        'SEQUENCE_FLOW_TAKEN f-after',
        'ELEMENT_ACTIVATING after',
        'JOB_CREATED after type=after retries=3',
        'ELEMENT_ACTIVATED after',
      ]);
      // The waiting-for-reset state is part of the instance's stored state.
      expect(h.joinTokens()).toEqual(['complex-reset:f-a-join×1 @complex-gateway', 'complex-reset:f-b-join×1 @complex-gateway']);

      expect(h.completeJob('tc')).toEqual([
        'JOB_COMPLETED tc',
        ...completes('tc'),
        'SEQUENCE_FLOW_TAKEN f-c-join (at join)',
        'COMPLEX_GATEWAY_TOKEN_ABSORBED join f-c-join',
        'COMPLEX_GATEWAY_RESET join',
      ]);
      expect(h.joinTokens()).toEqual([]);
      expect(h.history().filter((line) => line.startsWith('ELEMENT_ACTIVATING join'))).toHaveLength(1);

      expect(h.completeJob('after')).toEqual(['JOB_COMPLETED after', ...completes('after'), 'SEQUENCE_FLOW_TAKEN f-end', ...passes('end'), ...completes('complex-gateway')]);
    });

    it('a scope that ends while its gateway waits for the reset completes, and the reset state goes with it', async () => {
      const h = await CoreHarness.load('complex-gateway.bpmn');
      h.create();
      h.completeJob('tc');
      h.completeJob('ta');

      expect(h.completeJob('after')).toEqual(['JOB_COMPLETED after', ...completes('after'), 'SEQUENCE_FLOW_TAKEN f-end', ...passes('end')]);
      expect(h.activeElements()).toEqual(['complex-gateway:ACTIVATED', 'tb:ACTIVATED']);
      expect(h.completeJob('tb')).toEqual([
        'JOB_COMPLETED tb',
        ...completes('tb'),
        'SEQUENCE_FLOW_TAKEN f-b-join (at join)',
        'COMPLEX_GATEWAY_TOKEN_ABSORBED join f-b-join',
        'COMPLEX_GATEWAY_RESET join',
        ...completes('complex-gateway'),
      ]);
    });

    it('an activation condition that is not a boolean holds the gateway with a CONDITION_ERROR incident; resolving it continues', async () => {
      const h = await CoreHarness.load('complex-gateway-limit.bpmn');
      h.create();

      expect(h.completeJob('ta')).toEqual([
        'JOB_COMPLETED ta',
        ...completes('ta'),
        'SEQUENCE_FLOW_TAKEN f-a-join (at join)',
        'COMPLEX_GATEWAY_FIRED join [f-a-join] awaiting [f-b-join,f-c-join]',
        'ELEMENT_ACTIVATING join [f-a-join]',
        'INCIDENT_CREATED join CONDITION_ERROR',
      ]);
      expect(h.incident('join').errorMessage).toContain("No variable found with name 'limit' (the activation condition of 'join')");
      expect(h.element('join').lifecycle).toBe('ACTIVATING');

      expect(h.completeJob('tb')).toEqual(['JOB_COMPLETED tb', ...completes('tb'), 'SEQUENCE_FLOW_TAKEN f-b-join (at join)', 'COMPLEX_GATEWAY_TOKEN_ABSORBED join f-b-join']);
      expect(h.resolveIncident('join')).toEqual([
        'INCIDENT_RESOLVED join',
        'ELEMENT_ACTIVATED join',
        ...completes('join'),
        'SEQUENCE_FLOW_TAKEN f-after',
        'ELEMENT_ACTIVATING after',
        'JOB_CREATED after type=after retries=3',
        'ELEMENT_ACTIVATED after',
      ]);
    });
  });

  it('without an activation condition, fires when every incoming flow has delivered', async () => {
    const h = await CoreHarness.load('complex-gateway-all.bpmn');
    h.create();

    expect(h.completeJob('ta')).toEqual(['JOB_COMPLETED ta', ...completes('ta'), 'SEQUENCE_FLOW_TAKEN f-a-join (at join)']);
    expect(h.completeJob('tb')).toEqual([
      'JOB_COMPLETED tb',
      ...completes('tb'),
      'SEQUENCE_FLOW_TAKEN f-b-join (at join)',
      'COMPLEX_GATEWAY_FIRED join [f-a-join,f-b-join] awaiting []',
      'ELEMENT_ACTIVATING join [f-a-join,f-b-join]',
      'ELEMENT_ACTIVATED join',
      ...completes('join'),
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('complex-gateway-all'),
    ]);
  });

  describe('fork', () => {
    it('takes every flow whose condition is true, like an inclusive gateway', async () => {
      const h = await CoreHarness.load('complex-gateway-fork.bpmn');

      expect(h.create({ a: true, b: true }).slice(-12)).toEqual([
        ...passes('fork'),
        'SEQUENCE_FLOW_TAKEN f-a',
        'SEQUENCE_FLOW_TAKEN f-b',
        'ELEMENT_ACTIVATING ta',
        'JOB_CREATED ta type=a retries=3',
        'ELEMENT_ACTIVATED ta',
        'ELEMENT_ACTIVATING tb',
        'JOB_CREATED tb type=b retries=3',
        'ELEMENT_ACTIVATED tb',
      ]);
    });

    it('takes the default flow when no condition is true', async () => {
      const h = await CoreHarness.load('complex-gateway-fork.bpmn');

      expect(h.create({ a: false, b: false }).slice(-8)).toEqual([...passes('fork'), 'SEQUENCE_FLOW_TAKEN f-d', ...activates('td').slice(0, 1), 'JOB_CREATED td type=d retries=3', 'ELEMENT_ACTIVATED td']);
    });
  });
});
