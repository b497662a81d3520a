import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, DEFAULT_NOW } from './support/core-harness.js';

/**
 * Job workers (Zeebe's job worker behaviour): service, send and business rule tasks, and message
 * throw/end events with a zeebe:taskDefinition, create a job with the evaluated type, retries and
 * headers, and wait for COMPLETE_JOB.
 */
describe('job worker elements', () => {
  it('service → send → business rule task → message throw event → message end event, each with its job', async () => {
    const h = await CoreHarness.load('jobs.bpmn');

    expect(h.create({ channel: 'sms', tries: 2 }).slice(-4)).toEqual([
      'SEQUENCE_FLOW_TAKEN f-start',
      'ELEMENT_ACTIVATING svc',
      'JOB_CREATED svc type=charge-card retries=5',
      'ELEMENT_ACTIVATED svc',
    ]);
    expect(h.job('svc')).toEqual({
      jobKey: '6',
      elementInstanceKey: '5',
      elementId: 'svc',
      type: 'charge-card',
      state: 'CREATED',
      retries: 5,
      customHeaders: { method: 'POST', url: 'https://pay.example.com' },
      createdAt: DEFAULT_NOW,
      retryAt: null,
      errorMessage: null,
      activatable: true,
    });

    expect(h.completeJob('svc', { paid: true })).toEqual([
      'JOB_COMPLETED svc',
      'ELEMENT_COMPLETING svc',
      'VARIABLE_CREATED paid=true @jobs',
      'ELEMENT_COMPLETED svc',
      'SEQUENCE_FLOW_TAKEN f-send',
      'ELEMENT_ACTIVATING send',
      // FEEL job type
      'JOB_CREATED send type=notify-sms retries=3',
      'ELEMENT_ACTIVATED send',
    ]);
    expect(h.completeJob('send')).toEqual([
      'JOB_COMPLETED send',
      ...completes('send'),
      'SEQUENCE_FLOW_TAKEN f-rule',
      'ELEMENT_ACTIVATING rule',
      // FEEL retries
      'JOB_CREATED rule type=score retries=2',
      'ELEMENT_ACTIVATED rule',
    ]);
    expect(h.completeJob('rule')).toEqual([
      'JOB_COMPLETED rule',
      ...completes('rule'),
      'SEQUENCE_FLOW_TAKEN f-throw',
      'ELEMENT_ACTIVATING throw',
      'JOB_CREATED throw type=publish retries=3',
      'ELEMENT_ACTIVATED throw',
    ]);
    expect(h.completeJob('throw')).toEqual([
      'JOB_COMPLETED throw',
      ...completes('throw'),
      'SEQUENCE_FLOW_TAKEN f-end',
      'ELEMENT_ACTIVATING end',
      'JOB_CREATED end type=final retries=3',
      'ELEMENT_ACTIVATED end',
    ]);
    expect(h.completeJob('end')).toEqual(['JOB_COMPLETED end', ...completes('end'), ...completes('jobs')]);
    expect(h.rootVariables()).toEqual({ channel: 'sms', tries: 2, paid: true });
  });

  it('completing a job that was completed already is rejected, and changes nothing', async () => {
    const h = await CoreHarness.load('jobs.bpmn');
    h.create({ channel: 'sms', tries: 2 });
    const jobKey = h.job('svc').jobKey;
    h.completeJob('svc');
    const before = h.snapshot;

    // persistence reloads only active jobs: a completed job is not found
    expect(h.reject({ type: 'COMPLETE_JOB', jobKey, variables: {} })).toEqual({ kind: 'NOT_FOUND', code: 'JOB.NOT_FOUND', message: `No job with key ${jobKey}` });
    expect(h.snapshot).toBe(before);
  });

  it('a job that is loaded but no longer active is rejected as invalid state', async () => {
    const h = await CoreHarness.load('jobs.bpmn');
    h.create({ channel: 'sms', tries: 2 });
    const job = h.job('svc');
    h.snapshot = { ...h.snapshot, jobs: [{ ...job, state: 'COMPLETED' }] };

    expect(h.reject({ type: 'COMPLETE_JOB', jobKey: job.jobKey, variables: {} })).toMatchObject({ kind: 'INVALID_STATE', code: 'JOB.NOT_ACTIVE' });
  });

  it('an unknown job key is not found', async () => {
    const h = await CoreHarness.load('jobs.bpmn');
    h.create({ channel: 'sms', tries: 2 });

    expect(h.reject({ type: 'COMPLETE_JOB', jobKey: '31337', variables: {} })).toMatchObject({ kind: 'NOT_FOUND', code: 'JOB.NOT_FOUND' });
  });

  describe('job type and retries that cannot be evaluated raise EXTRACT_VALUE_ERROR (no job is created)', () => {
    it.each([
      ['missing type variable', { tries: 1 }, "Expected result of the expression 'kind' to be 'STRING', but was 'NULL'. The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'kind'"],
      ['empty type', { kind: '', tries: 1 }, "Expected a non-empty job type for 'svc' but the expression gave an empty string"],
      ['negative retries', { kind: 'k', tries: -1 }, "Expected the result of 'tries' (-1) to be an integer between 0 and 2147483647"],
      ['retries not a number', { kind: 'k', tries: 'three' }, "Expected result of the expression 'tries' to be 'NUMBER', but was 'STRING'."],
    ])('%s', async (_, variables, message) => {
      const h = await CoreHarness.load('job-type-error.bpmn');

      expect(h.create(variables).slice(-2)).toEqual(['ELEMENT_ACTIVATING svc', 'INCIDENT_CREATED svc EXTRACT_VALUE_ERROR']);
      expect(h.incident('svc').errorMessage).toBe(message);
      expect(h.snapshot.jobs).toEqual([]);
    });

    it('resolving after the fix creates the job', async () => {
      const h = await CoreHarness.load('job-type-error.bpmn');
      h.create({ tries: 1 });
      h.setVariables({ kind: 'billing' });

      expect(h.resolveIncident('svc')).toEqual(['INCIDENT_RESOLVED svc', 'JOB_CREATED svc type=billing retries=1', 'ELEMENT_ACTIVATED svc']);
    });
  });
});
