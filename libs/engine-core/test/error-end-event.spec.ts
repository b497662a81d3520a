import { describe, expect, it } from 'vitest';
import { activates, completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Error end events (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/error-events/): "For
 * error throw events, it is possible to define the errorCode as an expression or a static value",
 * evaluated when the event is reached. The error is thrown at the end event, so the subprocess
 * around it is the first place that can catch it; nothing catching it is an incident on the end
 * event, and resolving it throws again.
 */
describe('error end event', () => {
  const upToFail = [
    'SEQUENCE_FLOW_TAKEN f-start',
    ...activates('sub'),
    ...passes('sub-start'),
    'SEQUENCE_FLOW_TAKEN f-sub-start',
    ...passes('check'),
    'SEQUENCE_FLOW_TAKEN f-fail',
    'ELEMENT_ACTIVATING fail',
  ];

  it('given a FEEL error code the subprocess boundary event catches, then the subprocess (and the end event in it) is terminated and the flow continues at the boundary', async () => {
    const h = await CoreHarness.load('error-end-event.bpmn');

    expect(h.create({ reason: 'stock', explode: false }).slice(9)).toEqual([
      ...upToFail,
      'ERROR_CAUGHT code=E-stock by no-stock',
      'ELEMENT_TERMINATING sub',
      'ELEMENT_TERMINATING fail',
      'ELEMENT_TERMINATED fail',
      'ELEMENT_TERMINATED sub',
      ...passes('no-stock'),
      'SEQUENCE_FLOW_TAKEN f-no-stock',
      ...passes('handled'),
      ...completes('error-end-event'),
    ]);
  });

  it('given an error code nothing catches, an incident UNHANDLED_ERROR_EVENT holds the end event at ACTIVATING; resolving it throws again', async () => {
    const h = await CoreHarness.load('error-end-event.bpmn');

    expect(h.create({ reason: 'other', explode: false }).slice(9)).toEqual([...upToFail, 'INCIDENT_CREATED fail UNHANDLED_ERROR_EVENT']);
    expect(h.incident('fail')).toMatchObject({
      retry: 'ACTIVATE',
      errorMessage: "Expected to throw an error event with the code 'E-other', but it was not caught. Available error events are [E-stock].",
    });
    expect(h.element('fail').lifecycle).toBe('ACTIVATING');

    // the code is evaluated again: with the variable fixed, the thrown error is caught
    h.setVariables({ reason: 'stock' });
    expect(h.resolveIncident('fail').slice(0, 3)).toEqual(['INCIDENT_RESOLVED fail', 'ERROR_CAUGHT code=E-stock by no-stock', 'ELEMENT_TERMINATING sub']);
    expect(h.state.instance?.state).toBe('COMPLETED');
  });

  it('given an error end event directly in the process, nothing can catch it: incident on the end event', async () => {
    const h = await CoreHarness.load('error-end-event.bpmn');
    expect(h.create({ reason: null, explode: true }).slice(-2)).toEqual(['ELEMENT_ACTIVATING boom', 'INCIDENT_CREATED boom UNHANDLED_ERROR_EVENT']);
    expect(h.incident('boom').errorMessage).toBe("Expected to throw an error event with the code 'BOOM', but it was not caught. No error events are available in the scope.");
  });
});
