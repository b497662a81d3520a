import { describe, expect, it } from 'vitest';
import { completes, CoreHarness } from './support/core-harness.js';

/**
 * Execution listeners (Camunda 8.8): `start` listeners run as jobs after the input mappings and
 * before the element's catch points and behaviour, one after the other in model order, their
 * variables local to the element; `end` listeners run after the output mappings and before the
 * element completes, their variables propagated from the flow scope. The process's own listeners
 * run around the whole instance.
 */
describe('execution listeners', () => {
  it('process, task, gateway and end event listeners run in model order, each a job the element waits for', async () => {
    const h = await CoreHarness.load('execution-listeners.bpmn');
    expect(h.create({ base: 5, tries: 2 })).toEqual([
      'PROCESS_INSTANCE_CREATED listened',
      'ELEMENT_ACTIVATING listened',
      'VARIABLE_CREATED base=5 @listened',
      'VARIABLE_CREATED tries=2 @listened',
      'JOB_CREATED listened type=p-start retries=3 (START listener)',
    ]);
    expect(h.element('listened').lifecycle).toBe('ACTIVATING');
    expect(h.job('listened')).toMatchObject({ kind: 'EXECUTION_LISTENER', listenerEventType: 'START', listener: { index: 0, startElementId: 'start' } });

    // The process's start listener sets a variable on the process; then the instance starts.
    expect(h.completeJob('listened', { region: 'eu' })).toEqual([
      'JOB_COMPLETED listened',
      'VARIABLE_CREATED region="eu" @listened',
      'ELEMENT_ACTIVATED listened',
      'ELEMENT_ACTIVATING start',
      'ELEMENT_ACTIVATED start',
      ...completes('start'),
      'SEQUENCE_FLOW_TAKEN f1',
      'ELEMENT_ACTIVATING work',
      // input mappings first, then the first start listener; no boundary timer and no job yet
      'VARIABLE_CREATED amount=10 @work',
      'JOB_CREATED work type=prepare retries=3 (START listener)',
    ]);
    expect(h.job('work').customHeaders).toEqual({ kind: 'listener' });

    // Its variables are the element's locals; the next listener's FEEL type sees the input mapping.
    expect(h.completeJob('work', { fee: 1 })).toEqual(['JOB_COMPLETED work', 'VARIABLE_CREATED fee=1 @work', 'JOB_CREATED work type=audit-10 retries=3 (START listener)']);
    expect(h.job('work').customHeaders).toEqual({ kind: 'payment' });
    expect(h.completeJob('work')).toEqual([
      'JOB_COMPLETED work',
      'TIMER_CREATED late due in 3600s',
      'JOB_CREATED work type=charge-eu retries=3',
      'ELEMENT_ACTIVATED work',
    ]);
    expect(h.job('work').kind).toBeUndefined();

    // Output mappings first, then the end listener (its retries from FEEL), whose variables propagate.
    expect(h.completeJob('work', { result: 11 })).toEqual([
      'JOB_COMPLETED work',
      'ELEMENT_COMPLETING work',
      'TIMER_CANCELED late',
      'VARIABLE_CREATED result=11 @work',
      'VARIABLE_CREATED total=11 @listened',
      'JOB_CREATED work type=audit-end retries=2 (END listener)',
    ]);
    expect(h.element('work').lifecycle).toBe('COMPLETING');
    expect(h.completeJob('work', { path: 'b' })).toEqual([
      'JOB_COMPLETED work',
      'VARIABLE_CREATED path="b" @listened',
      'ELEMENT_COMPLETED work',
      'SEQUENCE_FLOW_TAKEN f2',
      'ELEMENT_ACTIVATING route',
      'JOB_CREATED route type=decide retries=3 (START listener)',
    ]);

    // The gateway's start listener decides the path with a local variable of the gateway.
    expect(h.completeJob('route', { path: 'a' })).toEqual([
      'JOB_COMPLETED route',
      'VARIABLE_CREATED path="a" @route',
      'ELEMENT_ACTIVATED route',
      ...completes('route'),
      'SEQUENCE_FLOW_TAKEN f-a',
      'ELEMENT_ACTIVATING end-a',
      'JOB_CREATED end-a type=end-start retries=3 (START listener)',
    ]);
    expect(h.completeJob('end-a')).toEqual(['JOB_COMPLETED end-a', 'ELEMENT_ACTIVATED end-a', 'ELEMENT_COMPLETING end-a', 'JOB_CREATED end-a type=end-end retries=3 (END listener)']);
    expect(h.completeJob('end-a')).toEqual([
      'JOB_COMPLETED end-a',
      'ELEMENT_COMPLETED end-a',
      'ELEMENT_COMPLETING listened',
      'JOB_CREATED listened type=p-end retries=1 (END listener)',
    ]);
    expect(h.completeJob('listened', { closed: true })).toEqual(['JOB_COMPLETED listened', 'VARIABLE_CREATED closed=true @listened', 'ELEMENT_COMPLETED listened']);
    expect(h.rootVariables()).toEqual({ base: 5, tries: 2, region: 'eu', total: 11, path: 'b', closed: true });
  });
});

describe('execution listener failures', () => {
  const toWorkListener = async () => {
    const h = await CoreHarness.load('execution-listeners.bpmn');
    h.create({ base: 5, tries: 2 });
    h.completeJob('listened', { region: 'eu' });
    return h;
  };

  it('a listener job failed without retries is an EXECUTION_LISTENER_NO_RETRIES incident; resolving it offers that listener again, not the ones before', async () => {
    const h = await toWorkListener();
    h.completeJob('work');
    h.activateJob('work');
    const jobKey = h.job('work').jobKey;
    expect(h.accept({ type: 'FAIL_JOB', jobKey, retries: 0, errorMessage: 'audit service down', retryBackOffMs: null, variables: {} })).toEqual([
      'JOB_FAILED work retries=0',
      'INCIDENT_CREATED work EXECUTION_LISTENER_NO_RETRIES',
    ]);
    expect(h.incident('work')).toMatchObject({ errorMessage: 'audit service down', retry: 'JOB', jobKey });
    expect(h.reject({ type: 'RESOLVE_INCIDENT', incidentKey: h.incident('work').incidentKey }).code).toBe('INCIDENT.JOB_HAS_NO_RETRIES');
    h.accept({ type: 'UPDATE_JOB_RETRIES', jobKey, retries: 1 });
    expect(h.resolveIncident('work')).toEqual(['INCIDENT_RESOLVED work', 'JOB_RECURRED work']);
    expect(h.completeJob('work')).toEqual(['JOB_COMPLETED work', 'TIMER_CREATED late due in 3600s', 'JOB_CREATED work type=charge-eu retries=3', 'ELEMENT_ACTIVATED work']);
  });

  it('a BPMN error thrown from a listener job is not caught by boundary events: it is an incident, and resolving it offers the listener job again', async () => {
    const h = await toWorkListener();
    expect(h.throwJobError('work', 'NOPE')).toEqual(['JOB_ERROR_THROWN work code=NOPE', 'INCIDENT_CREATED work UNHANDLED_ERROR_EVENT']);
    expect(h.incident('work').errorMessage).toBe(
      `Expected to complete or fail the job of an execution listener (start of 'work'), but it threw the BPMN error 'NOPE': throwing BPMN errors from listener jobs is not supported`,
    );
    expect(h.resolveIncident('work')).toEqual(['INCIDENT_RESOLVED work', 'JOB_RECURRED work']);
    expect(h.job('work')).toMatchObject({ type: 'prepare', state: 'CREATED', activatable: true });
  });

  it('a listener type that does not evaluate holds the element with an incident; resolving it runs the input mappings and every start listener again', async () => {
    const h = await toWorkListener();
    // The second start listener's type needs `amount`, which the first listener's variables set to null.
    expect(h.completeJob('work', { amount: null })).toEqual([
      'JOB_COMPLETED work',
      'VARIABLE_UPDATED amount=null @work',
      'INCIDENT_CREATED work EXTRACT_VALUE_ERROR',
    ]);
    expect(h.element('work').lifecycle).toBe('ACTIVATING');
    expect(h.resolveIncident('work')).toEqual(['INCIDENT_RESOLVED work', 'VARIABLE_UPDATED amount=10 @work', 'JOB_CREATED work type=prepare retries=3 (START listener)']);
  });

  it('an end listener retries that do not evaluate hold the element COMPLETING; resolving it runs the output mappings and the end listeners again', async () => {
    const h = await CoreHarness.load('execution-listeners.bpmn');
    h.create({ base: 5, tries: 'x' });
    h.completeJob('listened', { region: 'eu' });
    h.completeJob('work');
    h.completeJob('work');
    expect(h.completeJob('work', { result: 3 }).slice(-1)).toEqual(['INCIDENT_CREATED work EXTRACT_VALUE_ERROR']);
    expect(h.element('work').lifecycle).toBe('COMPLETING');
    h.setVariables({ tries: 4 });
    // The output mapping runs again (its value did not change: no event), then the end listener.
    expect(h.resolveIncident('work')).toEqual(['INCIDENT_RESOLVED work', 'JOB_CREATED work type=audit-end retries=4 (END listener)']);
  });

  it('canceling the instance while a start listener runs cancels the listener job', async () => {
    const h = await toWorkListener();
    expect(h.cancel()).toEqual([
      'ELEMENT_TERMINATING listened',
      'ELEMENT_TERMINATING work',
      'JOB_CANCELED work',
      'ELEMENT_TERMINATED work',
      'ELEMENT_TERMINATED listened',
    ]);
  });
});

describe('execution listeners and termination', () => {
  it('canceling the instance while a gateway start listener runs cancels its job (the gateway has no job of its own)', async () => {
    const h = await CoreHarness.load('execution-listeners.bpmn');
    h.create({ base: 5, tries: 2 });
    h.completeJob('listened', { region: 'eu' });
    h.completeJob('work');
    h.completeJob('work');
    h.completeJob('work', { result: 1 });
    h.completeJob('work');
    expect(h.job('route')).toMatchObject({ type: 'decide', kind: 'EXECUTION_LISTENER' });
    expect(h.cancel()).toEqual(['ELEMENT_TERMINATING listened', 'ELEMENT_TERMINATING route', 'JOB_CANCELED route', 'ELEMENT_TERMINATED route', 'ELEMENT_TERMINATED listened']);
  });

  it('canceling the instance while its own start listener runs cancels that job', async () => {
    const h = await CoreHarness.load('execution-listeners.bpmn');
    h.create({ base: 5, tries: 2 });
    expect(h.cancel()).toEqual(['ELEMENT_TERMINATING listened', 'JOB_CANCELED listened', 'ELEMENT_TERMINATED listened']);
  });
});
