import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Camunda 8 script tasks with a FEEL expression (docs.camunda.io/docs/components/modeler/bpmn/script-tasks/):
 * the result is stored in the result variable, "merged into the process instance" by default;
 * with output mappings it is a local variable of the task that the mappings read.
 */
describe('script task (zeebe:script)', () => {
  it('evaluates the expression and propagates the result variable', async () => {
    const h = await CoreHarness.load('script-task.bpmn');

    expect(h.create({ a: 1, b: 2 })).toEqual([
      'PROCESS_INSTANCE_CREATED script-task',
      'ELEMENT_ACTIVATING script-task',
      'VARIABLE_CREATED a=1 @script-task',
      'VARIABLE_CREATED b=2 @script-task',
      'ELEMENT_ACTIVATED script-task',
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      'ELEMENT_ACTIVATING sum',
      'ELEMENT_ACTIVATED sum',
      'ELEMENT_COMPLETING sum',
      'VARIABLE_CREATED sum=3 @script-task',
      'ELEMENT_COMPLETED sum',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('script-task'),
    ]);
  });

  it('updates the result variable where it already lives', async () => {
    const h = await CoreHarness.load('script-task.bpmn');

    const events = h.create({ a: 1, b: 2, sum: 0 });

    expect(events).toContain('VARIABLE_UPDATED sum=3 @script-task');
    expect(h.rootVariables()).toEqual({ a: 1, b: 2, sum: 3 });
  });

  it('an expression that fails raises EXTRACT_VALUE_ERROR; resolving after the fix re-evaluates it', async () => {
    const h = await CoreHarness.load('script-failure.bpmn');

    expect(h.create({ x: -1 }).slice(-3)).toEqual(['SEQUENCE_FLOW_TAKEN f-start', 'ELEMENT_ACTIVATING check', 'INCIDENT_CREATED check EXTRACT_VALUE_ERROR']);
    expect(h.incident('check').errorMessage).toBe(
      "Assertion failure on evaluate the expression 'assert(x, x > 0, \"x must be positive\")': x must be positive The evaluation reported the following warnings:\n[ASSERT_FAILURE] x must be positive",
    );
    expect(h.element('check').lifecycle).toBe('ACTIVATING');

    h.setVariables({ x: 3 });
    expect(h.resolveIncident('check')).toEqual([
      'INCIDENT_RESOLVED check',
      'ELEMENT_ACTIVATED check',
      'ELEMENT_COMPLETING check',
      'VARIABLE_CREATED checked=3 @script-failure',
      'ELEMENT_COMPLETED check',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('script-failure'),
    ]);
  });

  it('with output mappings: the result is local to the task and only the outputs reach the flow scope', async () => {
    const h = await CoreHarness.load('script-outputs.bpmn');

    expect(h.create({ a: 1, b: 2 }).slice(9)).toEqual([
      'SEQUENCE_FLOW_TAKEN f-start',
      'ELEMENT_ACTIVATING calc',
      'ELEMENT_ACTIVATED calc',
      'ELEMENT_COMPLETING calc',
      'VARIABLE_CREATED calc={"total":3,"count":2} @calc',
      'VARIABLE_CREATED total=3 @script-outputs',
      'ELEMENT_COMPLETED calc',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('script-outputs'),
    ]);
    expect(h.rootVariables()).toEqual({ a: 1, b: 2, total: 3 });
  });

  it('a script task with a job definition instead of zeebe:script waits for its job', async () => {
    const h = await CoreHarness.load('script-job.bpmn');

    expect(h.create().slice(-3)).toEqual(['ELEMENT_ACTIVATING external', 'JOB_CREATED external type=groovy retries=3', 'ELEMENT_ACTIVATED external']);
    expect(h.completeJob('external', { out: 'done' })).toEqual([
      'JOB_COMPLETED external',
      'ELEMENT_COMPLETING external',
      'VARIABLE_CREATED out="done" @script-job',
      'ELEMENT_COMPLETED external',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('script-job'),
    ]);
  });
});
