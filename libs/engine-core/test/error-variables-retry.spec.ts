import { describe, expect, it } from 'vitest';
import { CoreHarness } from './support/core-harness.js';

/**
 * A caught error's variables belong to the catching event (Camunda 8, ThrowError API: "instantiated
 * at the local scope of the error catch event"). When that event's activation fails (an input
 * mapping: incident at ACTIVATING) and the incident is resolved, the activation runs again with
 * the same variables: they must not be lost while the event waits behind its incident.
 */
describe('caught error variables across a retried activation', () => {
  it('given the boundary event’s input mapping fails, resolving the incident re-runs its activation with the error variables for its output mappings', async () => {
    const h = await CoreHarness.load('error-variables-retry.bpmn');
    h.create({});
    expect(h.throwJobError('charge', 'CARD_DECLINED', { reason: 'expired' })).toEqual([
      'JOB_ERROR_THROWN charge code=CARD_DECLINED',
      'ERROR_CAUGHT code=CARD_DECLINED by declined',
      'ELEMENT_TERMINATING charge',
      'JOB_CANCELED charge',
      'ELEMENT_TERMINATED charge',
      'ELEMENT_ACTIVATING declined',
      'INCIDENT_CREATED declined IO_MAPPING_ERROR',
    ]);
    expect(h.incident('declined').errorMessage).toContain('channel is required');
    h.setVariables({ channel: 'web' });
    expect(h.resolveIncident('declined')).toEqual([
      'INCIDENT_RESOLVED declined',
      'VARIABLE_CREATED via="web" @declined',
      'ELEMENT_ACTIVATED declined',
      'ELEMENT_COMPLETING declined',
      'VARIABLE_CREATED reason="expired" @declined',
      'VARIABLE_CREATED outcome="expired (web)" @error-variables-retry',
      'ELEMENT_COMPLETED declined',
      'SEQUENCE_FLOW_TAKEN f-declined',
      'ELEMENT_ACTIVATING declined-end',
      'ELEMENT_ACTIVATED declined-end',
      'ELEMENT_COMPLETING declined-end',
      'ELEMENT_COMPLETED declined-end',
      'ELEMENT_COMPLETING error-variables-retry',
      'ELEMENT_COMPLETED error-variables-retry',
    ]);
    expect(h.rootVariables()).toEqual({ channel: 'web', outcome: 'expired (web)' });
  });

  it('given a boundary event without output mappings, the error variables propagate after the retried activation', async () => {
    const h = await CoreHarness.load('error-variables-retry.bpmn');
    h.create({});
    h.throwJobError('charge', 'FRAUD', { score: 97, rule: 'velocity' });
    expect(h.activeElements()).toEqual(['error-variables-retry:ACTIVATED', 'fraud:ACTIVATING']);
    h.setVariables({ channel: 'app' });
    h.resolveIncident('fraud');
    expect(h.rootVariables()).toEqual({ channel: 'app', score: 97, rule: 'velocity' });
    expect(h.activeElements()).toEqual([]);
  });

  it('keeps the error variables with the incident, so a replayed state resolves it the same way', async () => {
    const h = await CoreHarness.load('error-variables-retry.bpmn');
    h.create({});
    h.throwJobError('charge', 'FRAUD', { score: 97 });
    expect(h.incident('fraud').trigger).toEqual({ score: 97 });
    expect(h.replay().incidents.get(h.incident('fraud').incidentKey)?.trigger).toEqual({ score: 97 });
  });

  it('given an error event subprocess whose input mapping fails, resolving re-runs its activation and its start event still gets the error variables', async () => {
    const h = await CoreHarness.load('error-variables-esp-retry.bpmn');
    h.create({});
    expect(h.throwJobError('job', 'BAD', { cause: 'timeout' }).slice(-2)).toEqual(['ELEMENT_ACTIVATING fix-it', 'INCIDENT_CREATED fix-it IO_MAPPING_ERROR']);
    expect(h.incident('fix-it').trigger).toEqual({ cause: 'timeout' });
    h.setVariables({ team: 'ops' });
    h.resolveIncident('fix-it');
    expect(h.activeElements()).toContain('fix:ACTIVATED');
    expect(h.rootVariables()).toEqual({ team: 'ops', cause: 'timeout' });
    expect(h.variables('fix-it')).toEqual({ owner: 'ops' });
  });
});
