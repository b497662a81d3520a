import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Camunda 8 inclusive gateway (docs.camunda.io/docs/components/modeler/bpmn/inclusive-gateways/):
 * a fork takes every flow whose condition is true, else the default flow. A join (converging,
 * Camunda 8.6+) follows the BPMN rule: it fires once at least one incoming flow has a token and
 * no token that could still reach an empty incoming flow is left in the scope.
 */
describe('inclusive gateway', () => {
  describe('fork', () => {
    it('takes every flow whose condition is true, in model order', async () => {
      const h = await CoreHarness.load('inclusive.bpmn');

      expect(h.create({ a: true, b: false, c: true })).toEqual([
        'PROCESS_INSTANCE_CREATED inclusive',
        'ELEMENT_ACTIVATING inclusive',
        'VARIABLE_CREATED a=true @inclusive',
        'VARIABLE_CREATED b=false @inclusive',
        'VARIABLE_CREATED c=true @inclusive',
        'ELEMENT_ACTIVATED inclusive',
        ...passes('start'),
        'SEQUENCE_FLOW_TAKEN f-start',
        ...passes('fork'),
        'SEQUENCE_FLOW_TAKEN f-a',
        'SEQUENCE_FLOW_TAKEN f-c',
        'ELEMENT_ACTIVATING ta',
        'JOB_CREATED ta type=a retries=3',
        'ELEMENT_ACTIVATED ta',
        'ELEMENT_ACTIVATING tc',
        'JOB_CREATED tc type=c retries=3',
        'ELEMENT_ACTIVATED tc',
      ]);
    });

    it('takes only the default flow when no condition is true', async () => {
      const h = await CoreHarness.load('inclusive.bpmn');

      expect(h.create({ a: false, b: false, c: false }).slice(-8)).toEqual([
        ...passes('fork'),
        'SEQUENCE_FLOW_TAKEN f-d',
        'ELEMENT_ACTIVATING td',
        'JOB_CREATED td type=d retries=3',
        'ELEMENT_ACTIVATED td',
      ]);
      expect(h.completeJob('td')).toEqual([
        'JOB_COMPLETED td',
        ...completes('td'),
        'SEQUENCE_FLOW_TAKEN f-d-join (at join)',
        'ELEMENT_ACTIVATING join [f-d-join]',
        'ELEMENT_ACTIVATED join',
        ...completes('join'),
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('inclusive'),
      ]);
    });

    it('with no true condition and no default flow: CONDITION_ERROR, resolvable after fixing the variables', async () => {
      const h = await CoreHarness.load('inclusive-no-default.bpmn');

      expect(h.create({ a: false, b: false }).slice(-2)).toEqual(['ELEMENT_ACTIVATING fork', 'INCIDENT_CREATED fork CONDITION_ERROR']);
      expect(h.incident('fork').errorMessage).toBe(
        "Expected at least one condition to evaluate to true, or to have a default flow, but no condition of the outgoing flows of 'fork' was true",
      );
      expect(h.element('fork').lifecycle).toBe('ACTIVATING');

      h.setVariables({ a: true, b: true });
      // Both branches reach the join within the same command: it fires once, with both tokens.
      expect(h.resolveIncident('fork')).toEqual([
        'INCIDENT_RESOLVED fork',
        'ELEMENT_ACTIVATED fork',
        ...completes('fork'),
        'SEQUENCE_FLOW_TAKEN f-a',
        'SEQUENCE_FLOW_TAKEN f-b',
        ...passes('ma'),
        'SEQUENCE_FLOW_TAKEN f-a-join (at join)',
        ...passes('mb'),
        'SEQUENCE_FLOW_TAKEN f-b-join (at join)',
        'ELEMENT_ACTIVATING join [f-a-join,f-b-join]',
        'ELEMENT_ACTIVATED join',
        ...completes('join'),
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('inclusive-no-default'),
      ]);
    });

    it('a condition that is not a boolean is a CONDITION_ERROR', async () => {
      const h = await CoreHarness.load('inclusive-no-default.bpmn');

      h.create({ a: 'yes', b: true });

      expect(h.incident('fork')).toMatchObject({ errorType: 'CONDITION_ERROR', errorMessage: "Expected result of the expression 'a' to be 'BOOLEAN', but was 'STRING'." });
    });
  });

  describe('join', () => {
    it('waits only for the branches that were taken', async () => {
      const h = await CoreHarness.load('inclusive.bpmn');
      h.create({ a: true, b: false, c: true });

      expect(h.completeJob('ta')).toEqual(['JOB_COMPLETED ta', ...completes('ta'), 'SEQUENCE_FLOW_TAKEN f-a-join (at join)']);
      expect(h.elements('join')).toEqual([]);

      expect(h.completeJob('tc')).toEqual([
        'JOB_COMPLETED tc',
        ...completes('tc'),
        'SEQUENCE_FLOW_TAKEN f-c-join (at join)',
        'ELEMENT_ACTIVATING join [f-a-join,f-c-join]',
        'ELEMENT_ACTIVATED join',
        ...completes('join'),
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('inclusive'),
      ]);
      expect(h.history().filter((line) => line.startsWith('ELEMENT_ACTIVATING join'))).toHaveLength(1);
    });

    it('a branch still running further upstream blocks the join', async () => {
      const h = await CoreHarness.load('inclusive.bpmn');
      h.create({ a: true, b: true, c: false });
      h.completeJob('ta');

      // tb → tb2: the token moves on but can still reach f-b-join
      expect(h.completeJob('tb')).toEqual([
        'JOB_COMPLETED tb',
        ...completes('tb'),
        'SEQUENCE_FLOW_TAKEN f-b2',
        'ELEMENT_ACTIVATING tb2',
        'JOB_CREATED tb2 type=b2 retries=3',
        'ELEMENT_ACTIVATED tb2',
      ]);
      expect(h.joinTokens()).toEqual(['f-a-join×1 @inclusive']);

      expect(h.completeJob('tb2')).toEqual([
        'JOB_COMPLETED tb2',
        ...completes('tb2'),
        'SEQUENCE_FLOW_TAKEN f-b-join (at join)',
        'ELEMENT_ACTIVATING join [f-a-join,f-b-join]',
        'ELEMENT_ACTIVATED join',
        ...completes('join'),
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('inclusive'),
      ]);
    });

    it('a token going round a loop upstream keeps the join waiting until it leaves the loop', async () => {
      const h = await CoreHarness.load('inclusive-loop.bpmn');
      h.create({ again: true });
      h.completeJob('ta');

      expect(h.completeJob('tb')).toEqual([
        'JOB_COMPLETED tb',
        ...completes('tb'),
        'SEQUENCE_FLOW_TAKEN f-retry',
        ...passes('retry'),
        'SEQUENCE_FLOW_TAKEN f-again',
        'ELEMENT_ACTIVATING tb',
        'JOB_CREATED tb type=b retries=3',
        'ELEMENT_ACTIVATED tb',
      ]);
      expect(h.joinTokens()).toEqual(['f-a-join×1 @inclusive-loop']);

      expect(h.completeJob('tb', { again: false })).toEqual([
        'JOB_COMPLETED tb',
        'ELEMENT_COMPLETING tb',
        'VARIABLE_UPDATED again=false @inclusive-loop',
        'ELEMENT_COMPLETED tb',
        'SEQUENCE_FLOW_TAKEN f-retry',
        ...passes('retry'),
        'SEQUENCE_FLOW_TAKEN f-ok (at join)',
        'ELEMENT_ACTIVATING join [f-ok,f-a-join]',
        'ELEMENT_ACTIVATED join',
        ...completes('join'),
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('inclusive-loop'),
      ]);
    });

    it('fires as soon as the other token can no longer arrive (it left to an end event)', async () => {
      const h = await CoreHarness.load('inclusive-escape.bpmn');
      h.create({ escape: true });
      h.completeJob('ta');

      expect(h.completeJob('tb')).toEqual([
        'JOB_COMPLETED tb',
        ...completes('tb'),
        'SEQUENCE_FLOW_TAKEN f-route',
        ...passes('route'),
        'SEQUENCE_FLOW_TAKEN f-escape',
        ...passes('escaped'),
        'ELEMENT_ACTIVATING join [f-a-join]',
        'ELEMENT_ACTIVATED join',
        ...completes('join'),
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('inclusive-escape'),
      ]);
    });

    it('an element held by an incident upstream keeps the join waiting until it is resolved', async () => {
      const h = await CoreHarness.load('inclusive-escape.bpmn');
      h.create({ escape: 'maybe' });
      h.completeJob('ta');

      expect(h.completeJob('tb').slice(-2)).toEqual(['ELEMENT_ACTIVATING route', 'INCIDENT_CREATED route CONDITION_ERROR']);
      expect(h.elements('join')).toEqual([]);
      expect(h.joinTokens()).toEqual(['f-a-join×1 @inclusive-escape']);

      h.setVariables({ escape: false });
      expect(h.resolveIncident('route')).toEqual([
        'INCIDENT_RESOLVED route',
        'ELEMENT_ACTIVATED route',
        ...completes('route'),
        'SEQUENCE_FLOW_TAKEN f-b-join (at join)',
        'ELEMENT_ACTIVATING join [f-b-join,f-a-join]',
        'ELEMENT_ACTIVATED join',
        ...completes('join'),
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('inclusive-escape'),
      ]);
    });

    it('a cancel discards the tokens waiting at the join', async () => {
      const h = await CoreHarness.load('inclusive.bpmn');
      h.create({ a: true, b: false, c: true });
      h.completeJob('ta');

      expect(h.cancel()).toEqual([
        'ELEMENT_TERMINATING inclusive',
        'ELEMENT_TERMINATING tc',
        'JOB_CANCELED tc',
        'ELEMENT_TERMINATED tc',
        'JOIN_TOKENS_DISCARDED @inclusive',
        'ELEMENT_TERMINATED inclusive',
      ]);
      expect(h.snapshot.joinTokens).toEqual([]);
    });
  });
});
