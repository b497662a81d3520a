import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Camunda 8 exclusive gateway (docs.camunda.io/docs/components/modeler/bpmn/exclusive-gateways/):
 * conditions are evaluated in the order of the outgoing flows, the first one that is true is
 * taken; otherwise the default flow; with neither, an incident is created.
 */
describe('exclusive gateway', () => {
  const head = (processId: string): string[] => [`PROCESS_INSTANCE_CREATED ${processId}`, `ELEMENT_ACTIVATING ${processId}`];

  it('takes the first flow (in model order) whose condition is true', async () => {
    const h = await CoreHarness.load('exclusive-gateway.bpmn');

    // amount > 1000 and amount > 100 are both true: the first one wins
    expect(h.create({ amount: 5000 })).toEqual([
      ...head('exclusive-gateway'),
      'VARIABLE_CREATED amount=5000 @exclusive-gateway',
      'ELEMENT_ACTIVATED exclusive-gateway',
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      ...passes('gw'),
      'SEQUENCE_FLOW_TAKEN f-high',
      ...passes('high'),
      ...completes('exclusive-gateway'),
    ]);
  });

  it('skips a false condition and takes the next true one', async () => {
    const h = await CoreHarness.load('exclusive-gateway.bpmn');

    expect(h.create({ amount: 500 })).toEqual([
      ...head('exclusive-gateway'),
      'VARIABLE_CREATED amount=500 @exclusive-gateway',
      'ELEMENT_ACTIVATED exclusive-gateway',
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      ...passes('gw'),
      'SEQUENCE_FLOW_TAKEN f-mid',
      ...passes('mid'),
      ...completes('exclusive-gateway'),
    ]);
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
  });

  it('takes the default flow when no condition is true', async () => {
    const h = await CoreHarness.load('exclusive-gateway.bpmn');

    expect(h.create({ amount: 1 })).toEqual([
      ...head('exclusive-gateway'),
      'VARIABLE_CREATED amount=1 @exclusive-gateway',
      'ELEMENT_ACTIVATED exclusive-gateway',
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      ...passes('gw'),
      'SEQUENCE_FLOW_TAKEN f-default',
      ...passes('low'),
      ...completes('exclusive-gateway'),
    ]);
  });

  describe('with no true condition and no default flow', () => {
    it('raises CONDITION_ERROR on the gateway, which stays ACTIVATING', async () => {
      const h = await CoreHarness.load('exclusive-no-default.bpmn');

      expect(h.create({ approved: null })).toEqual([
        ...head('exclusive-no-default'),
        'VARIABLE_CREATED approved=null @exclusive-no-default',
        'ELEMENT_ACTIVATED exclusive-no-default',
        ...passes('start'),
        'SEQUENCE_FLOW_TAKEN f-start',
        'ELEMENT_ACTIVATING gw',
        'INCIDENT_CREATED gw CONDITION_ERROR',
      ]);
      expect(h.incident('gw')).toMatchObject({
        errorType: 'CONDITION_ERROR',
        // Zeebe: "Expected at least one condition to evaluate to true, or to have a default flow"
        errorMessage: "Expected at least one condition to evaluate to true, or to have a default flow, but no condition of the outgoing flows of 'gw' was true",
        state: 'ACTIVE',
        retry: 'ACTIVATE',
        elementInstanceKey: h.element('gw').elementInstanceKey,
      });
      expect(h.element('gw')).toMatchObject({ lifecycle: 'ACTIVATING', incidentKey: h.incident('gw').incidentKey });
      expect(h.snapshot.instance).toMatchObject({ state: 'ACTIVE', incidentCount: 1 });
    });

    it('resolving the incident after SET_VARIABLES re-runs the activation and continues', async () => {
      const h = await CoreHarness.load('exclusive-no-default.bpmn');
      h.create({ approved: null });

      expect(h.setVariables({ approved: true })).toEqual(['VARIABLE_UPDATED approved=true @exclusive-no-default']);
      expect(h.resolveIncident('gw')).toEqual([
        'INCIDENT_RESOLVED gw',
        'ELEMENT_ACTIVATED gw',
        ...completes('gw'),
        'SEQUENCE_FLOW_TAKEN f-yes',
        ...passes('yes'),
        ...completes('exclusive-no-default'),
      ]);
      expect(h.snapshot.instance).toMatchObject({ state: 'COMPLETED', incidentCount: 0 });
      expect([...h.state.incidents.values()]).toMatchObject([{ state: 'RESOLVED', resolvedAt: h.now }]);
    });

    it('resolving without fixing the cause raises a new incident', async () => {
      const h = await CoreHarness.load('exclusive-no-default.bpmn');
      h.create({});
      const first = h.incident('gw');

      expect(h.resolveIncident('gw')).toEqual(['INCIDENT_RESOLVED gw', 'INCIDENT_CREATED gw CONDITION_ERROR']);
      const second = h.incident('gw');
      expect(second.incidentKey).not.toBe(first.incidentKey);
      expect(h.element('gw')).toMatchObject({ lifecycle: 'ACTIVATING', incidentKey: second.incidentKey });
      expect(h.snapshot.instance?.incidentCount).toBe(1);
    });

    it('a resolved or unknown incident cannot be resolved', async () => {
      const h = await CoreHarness.load('exclusive-no-default.bpmn');
      h.create({});
      const incidentKey = h.incident('gw').incidentKey;
      h.setVariables({ approved: false });
      h.resolveIncident('gw');

      expect(h.reject({ type: 'RESOLVE_INCIDENT', incidentKey })).toMatchObject({ kind: 'NOT_FOUND', code: 'INCIDENT.NOT_FOUND' });
      expect(h.reject({ type: 'RESOLVE_INCIDENT', incidentKey: '424242' })).toMatchObject({ kind: 'NOT_FOUND', code: 'INCIDENT.NOT_FOUND' });
    });
  });

  describe('a condition that is not a boolean', () => {
    it('raises CONDITION_ERROR worded like Zeebe, even though a default flow exists', async () => {
      const h = await CoreHarness.load('exclusive-non-boolean.bpmn');

      expect(h.create({ score: 5 }).slice(-2)).toEqual(['ELEMENT_ACTIVATING gw', 'INCIDENT_CREATED gw CONDITION_ERROR']);
      expect(h.incident('gw').errorMessage).toBe("Expected result of the expression 'score' to be 'BOOLEAN', but was 'NUMBER'.");
    });

    it('a missing variable evaluates to null, which is not a boolean either', async () => {
      const h = await CoreHarness.load('exclusive-non-boolean.bpmn');

      h.create({});

      expect(h.incident('gw').errorMessage).toBe(
        "Expected result of the expression 'score' to be 'BOOLEAN', but was 'NULL'. The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'score'",
      );
    });

    it('is resolvable once the variable is a boolean', async () => {
      const h = await CoreHarness.load('exclusive-non-boolean.bpmn');
      h.create({ score: 5 });
      h.setVariables({ score: false });

      expect(h.resolveIncident('gw')).toEqual([
        'INCIDENT_RESOLVED gw',
        'ELEMENT_ACTIVATED gw',
        ...completes('gw'),
        'SEQUENCE_FLOW_TAKEN f-other',
        ...passes('other'),
        ...completes('exclusive-non-boolean'),
      ]);
    });
  });

  describe('a condition over a FEEL limit (issue 8: count(for x in 1..n return x) with n = 1e9)', () => {
    it('raises CONDITION_ERROR on the gateway saying which limit, instead of running out of memory', async () => {
      const h = await CoreHarness.load('exclusive-huge-range.bpmn');

      expect(h.create({ n: 1e9 }).slice(-2)).toEqual(['ELEMENT_ACTIVATING gw', 'INCIDENT_CREATED gw CONDITION_ERROR']);
      expect(h.incident('gw')).toMatchObject({
        errorType: 'CONDITION_ERROR',
        errorMessage: "Expected a range of at most 100000 elements, but the range [1..1000000000] in the expression 'count(for x in 1..n return x) > 0' has 1000000000",
        state: 'ACTIVE',
        elementInstanceKey: h.element('gw').elementInstanceKey,
      });
      expect(h.snapshot.instance).toMatchObject({ state: 'ACTIVE', incidentCount: 1 });
    });

    it('is resolvable once the variable is fixed', async () => {
      const h = await CoreHarness.load('exclusive-huge-range.bpmn');
      h.create({ n: 1e9 });
      h.setVariables({ n: 3 });

      expect(h.resolveIncident('gw')).toEqual([
        'INCIDENT_RESOLVED gw',
        'ELEMENT_ACTIVATED gw',
        ...completes('gw'),
        'SEQUENCE_FLOW_TAKEN f-some',
        ...passes('some'),
        ...completes('exclusive-huge-range'),
      ]);
    });
  });

  it('variable mappings written into a gateway are ignored, as in Zeebe (regression: a failed output used to make it take every flow once resolved)', async () => {
    // zeebe:IoMapping is allowed in activities and events only (zeebe-bpmn-moddle: allowedIn);
    // libs/bpmn still compiles one found in a gateway.
    const h = await CoreHarness.load('gateway-outputs.bpmn');

    expect(h.create({ go: true, x: 0 })).toEqual([
      'PROCESS_INSTANCE_CREATED gateway-outputs',
      'ELEMENT_ACTIVATING gateway-outputs',
      'VARIABLE_CREATED go=true @gateway-outputs',
      'VARIABLE_CREATED x=0 @gateway-outputs',
      'ELEMENT_ACTIVATED gateway-outputs',
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      ...passes('gw'),
      'SEQUENCE_FLOW_TAKEN f-a',
      ...passes('a'),
      ...completes('gateway-outputs'),
    ]);
  });

  it('loops back through a merging gateway until the condition turns false', async () => {
    const h = await CoreHarness.load('exclusive-loop.bpmn');
    const round = (count: number, exit: 'f-again' | 'f-done'): string[] => [
      ...passes('merge'),
      'SEQUENCE_FLOW_TAKEN f-inc',
      'ELEMENT_ACTIVATING inc',
      'ELEMENT_ACTIVATED inc',
      'ELEMENT_COMPLETING inc',
      `VARIABLE_UPDATED count=${count} @exclusive-loop`,
      'ELEMENT_COMPLETED inc',
      'SEQUENCE_FLOW_TAKEN f-check',
      ...passes('check'),
      `SEQUENCE_FLOW_TAKEN ${exit}`,
    ];

    expect(h.create({ count: 0 })).toEqual([
      ...head('exclusive-loop'),
      'VARIABLE_CREATED count=0 @exclusive-loop',
      'ELEMENT_ACTIVATED exclusive-loop',
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      ...round(1, 'f-again'),
      ...round(2, 'f-again'),
      ...round(3, 'f-done'),
      ...passes('end'),
      ...completes('exclusive-loop'),
    ]);
    expect(h.rootVariables()).toEqual({ count: 3 });
  });
});
