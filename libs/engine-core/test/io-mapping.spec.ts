import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * zeebe:ioMapping (docs.camunda.io/docs/components/concepts/variables/#inputoutput-variable-mappings):
 * inputs are evaluated when the element is activated and create local variables of the element
 * (an input sees the inputs before it); outputs are evaluated when it completes, against its
 * scope, and merged into the flow scope. With output mappings, the job's variables become local
 * variables of the element instead of being propagated.
 */
describe('input and output mappings', () => {
  it('inputs create locals in order (each sees the previous ones), dotted targets build contexts, static sources are text', async () => {
    const h = await CoreHarness.load('io-mapping.bpmn');

    expect(h.create({ x: 1, order: { id: 'old', qty: 3 } }).slice(9)).toEqual([
      'SEQUENCE_FLOW_TAKEN f-start',
      'ELEMENT_ACTIVATING svc',
      'VARIABLE_CREATED a=1 @svc',
      'VARIABLE_CREATED b=2 @svc',
      // `order.id` updates a local copy of the visible `order`; the process variable is untouched
      'VARIABLE_CREATED order={"id":"A-1","qty":3} @svc',
      'VARIABLE_CREATED label="static text" @svc',
      'JOB_CREATED svc type=calc retries=3',
      'ELEMENT_ACTIVATED svc',
    ]);
    expect(h.variables()).toEqual({ x: 1, order: { id: 'old', qty: 3 } });
  });

  it('outputs: the job result stays local, the outputs (dotted targets too) are merged into the flow scope', async () => {
    const h = await CoreHarness.load('io-mapping.bpmn');
    h.create({ x: 1, order: { id: 'old', qty: 3 }, summary: { keep: true } });

    expect(h.completeJob('svc', { result: 21, worker: 'w1' })).toEqual([
      'JOB_COMPLETED svc',
      'ELEMENT_COMPLETING svc',
      'VARIABLE_CREATED result=21 @svc',
      'VARIABLE_CREATED worker="w1" @svc',
      'VARIABLE_CREATED total=42 @io-mapping',
      'VARIABLE_UPDATED summary={"keep":true,"result":21,"b":2} @io-mapping',
      'ELEMENT_COMPLETED svc',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('io-mapping'),
    ]);
    expect(h.rootVariables()).toEqual({ x: 1, order: { id: 'old', qty: 3 }, summary: { keep: true, result: 21, b: 2 }, total: 42 });
  });

  it('without output mappings, a completion variable named like an input local updates the local (propagation starts at the element)', async () => {
    // Camunda: job variables are "propagated from the scope of the activity to its higher scopes";
    // the activity's own input local `a` is the nearest scope that has the name.
    const h = await CoreHarness.load('io-input-only.bpmn');
    h.create({ x: 1 });

    expect(h.completeJob('svc', { a: 99, z: 1 }).slice(0, 5)).toEqual([
      'JOB_COMPLETED svc',
      'ELEMENT_COMPLETING svc',
      'VARIABLE_UPDATED a=99 @svc',
      'VARIABLE_CREATED z=1 @io-input-only',
      'ELEMENT_COMPLETED svc',
    ]);
    expect(h.rootVariables()).toEqual({ x: 1, z: 1 });
  });

  describe('an output mapping that fails', () => {
    it('raises IO_MAPPING_ERROR with the element held at COMPLETING and the job result kept', async () => {
      const h = await CoreHarness.load('io-output-failure.bpmn');
      h.create({ limit: 10 });

      expect(h.completeJob('svc', { result: 5 })).toEqual([
        'JOB_COMPLETED svc',
        'ELEMENT_COMPLETING svc',
        'VARIABLE_CREATED result=5 @svc',
        'INCIDENT_CREATED svc IO_MAPPING_ERROR',
      ]);
      expect(h.incident('svc')).toMatchObject({ errorType: 'IO_MAPPING_ERROR', retry: 'COMPLETE' });
      expect(h.incident('svc').errorMessage).toMatch(/^Failed to evaluate output mapping 'accepted' of 'svc': Assertion failure .*result must exceed the limit/);
      expect(h.element('svc').lifecycle).toBe('COMPLETING');
      expect(h.variables('svc')).toEqual({ result: 5 });
      expect(h.snapshot.jobs).toEqual([]);
    });

    it('resolving re-runs the completion with the kept result', async () => {
      const h = await CoreHarness.load('io-output-failure.bpmn');
      h.create({ limit: 10 });
      h.completeJob('svc', { result: 5 });
      h.setVariables({ limit: 1 });

      expect(h.resolveIncident('svc')).toEqual([
        'INCIDENT_RESOLVED svc',
        'VARIABLE_CREATED accepted=5 @io-output-failure',
        'ELEMENT_COMPLETED svc',
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('io-output-failure'),
      ]);
      expect(h.rootVariables()).toEqual({ limit: 1, accepted: 5 });
    });

    it('the kept result can be corrected on the element itself before resolving', async () => {
      const h = await CoreHarness.load('io-output-failure.bpmn');
      h.create({ limit: 10 });
      h.completeJob('svc', { result: 5 });

      expect(h.setVariables({ result: 50 }, { elementId: 'svc', local: true })).toEqual(['VARIABLE_UPDATED result=50 @svc']);
      expect(h.resolveIncident('svc').slice(0, 3)).toEqual(['INCIDENT_RESOLVED svc', 'VARIABLE_CREATED accepted=50 @io-output-failure', 'ELEMENT_COMPLETED svc']);
    });

    it('resolving without a fix raises a new incident and keeps the element at COMPLETING', async () => {
      const h = await CoreHarness.load('io-output-failure.bpmn');
      h.create({ limit: 10 });
      h.completeJob('svc', { result: 5 });

      expect(h.resolveIncident('svc')).toEqual(['INCIDENT_RESOLVED svc', 'INCIDENT_CREATED svc IO_MAPPING_ERROR']);
      expect(h.element('svc').lifecycle).toBe('COMPLETING');
    });
  });

  it('an input mapping that fails raises IO_MAPPING_ERROR at ACTIVATING, before the job is created', async () => {
    const h = await CoreHarness.load('io-input-failure.bpmn');

    expect(h.create().slice(-3)).toEqual(['SEQUENCE_FLOW_TAKEN f-start', 'ELEMENT_ACTIVATING svc', 'INCIDENT_CREATED svc IO_MAPPING_ERROR']);
    expect(h.incident('svc')).toMatchObject({ retry: 'ACTIVATE' });
    expect(h.incident('svc').errorMessage).toMatch(/^Failed to evaluate input mapping 'a' of 'svc': Assertion failure .*x is required/);
    expect(h.snapshot.jobs).toEqual([]);

    h.setVariables({ x: 7 });
    expect(h.resolveIncident('svc')).toEqual(['INCIDENT_RESOLVED svc', 'VARIABLE_CREATED a=7 @svc', 'JOB_CREATED svc type=calc retries=3', 'ELEMENT_ACTIVATED svc']);
  });
});
