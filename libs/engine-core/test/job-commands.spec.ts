import { describe, expect, it } from 'vitest';
import { CoreHarness, DEFAULT_NOW } from './support/core-harness.js';

const at = (seconds: number) => new Date(Date.parse(DEFAULT_NOW) + seconds * 1000).toISOString();

/**
 * What workers do to jobs: fail with retries and backoff (the worker's, or the model's
 * `retryBackoff` header), run out of retries (incident JOB_NO_RETRIES, resolvable once retries
 * are given back), time out, and throw BPMN errors (uncaught here: incident; catching is in boundary-events.spec.ts).
 */
describe('job commands', () => {
  it('given an activated job, when the worker fails it with retries left and no backoff, then the model header decides when it runs again', async () => {
    const h = await CoreHarness.load('job-retries.bpmn');
    h.create();
    h.activateJob('charge');
    const jobKey = h.job('charge').jobKey;

    expect(h.accept({ type: 'FAIL_JOB', jobKey, retries: 1, errorMessage: 'card declined', retryBackOffMs: null, variables: { attempt: 1 } })).toEqual([
      'VARIABLE_CREATED attempt=1 @charge',
      'JOB_FAILED charge retries=1 (backoff)',
    ]);
    expect(h.job('charge')).toMatchObject({ state: 'FAILED', retries: 1, retryAt: at(30), errorMessage: 'card declined', activatable: true });
  });

  it("given the worker's own backoff, then it wins over the header; zero means none given, so the header decides", async () => {
    const h = await CoreHarness.load('job-retries.bpmn');
    h.create();
    h.activateJob('charge');
    const jobKey = h.job('charge').jobKey;
    h.accept({ type: 'FAIL_JOB', jobKey, retries: 1, errorMessage: null, retryBackOffMs: 5000, variables: {} });
    expect(h.job('charge').retryAt).toBe(at(5));
    h.activateJob('charge');
    h.accept({ type: 'FAIL_JOB', jobKey, retries: 1, errorMessage: null, retryBackOffMs: 0, variables: {} });
    expect(h.job('charge').retryAt).toBe(at(30));
  });

  it('given retryBackoff, retryBackoffMultiplier and retryBackoffMax headers, the backoff grows per failure up to the maximum', async () => {
    const h = await CoreHarness.load('job-retry-backoff.bpmn');
    h.create();
    const jobKey = h.job('charge').jobKey;
    const backoffs: number[] = [];
    for (let failure = 1; failure <= 5; failure++) {
      h.activateJob('charge');
      h.accept({ type: 'FAIL_JOB', jobKey, retries: 9, errorMessage: 'busy', retryBackOffMs: failure === 4 ? 1000 : null, variables: {} });
      expect(h.job('charge').failureCount).toBe(failure);
      backoffs.push((Date.parse(h.job('charge').retryAt!) - Date.parse(h.now)) / 1000);
    }
    // 10 s * 3^(n-1), at most 2 min; the 4th failure's own backoff (1 s) wins but still counts
    expect(backoffs).toEqual([10, 30, 90, 1, 120]);
    expect(h.replay().jobs.get(jobKey)?.failureCount).toBe(5);
  });

  it('given no retries left, then an incident JOB_NO_RETRIES holds the element until retries are given back and it is resolved', async () => {
    const h = await CoreHarness.load('job-retries.bpmn');
    h.create();
    h.activateJob('charge');
    const jobKey = h.job('charge').jobKey;

    expect(h.accept({ type: 'FAIL_JOB', jobKey, retries: 0, errorMessage: 'gateway down', retryBackOffMs: null, variables: {} })).toEqual([
      'JOB_FAILED charge retries=0',
      'INCIDENT_CREATED charge JOB_NO_RETRIES',
    ]);
    expect(h.incident('charge')).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'gateway down', retry: 'JOB', jobKey });
    expect(h.job('charge')).toMatchObject({ state: 'FAILED', retries: 0, activatable: false });

    const incidentKey = h.incident('charge').incidentKey;
    expect(h.reject({ type: 'RESOLVE_INCIDENT', incidentKey })).toMatchObject({ kind: 'INVALID_STATE', code: 'INCIDENT.JOB_HAS_NO_RETRIES' });

    expect(h.accept({ type: 'UPDATE_JOB_RETRIES', jobKey, retries: 3 })).toEqual(['JOB_RETRIES_UPDATED charge retries=3']);
    expect(h.job('charge').activatable).toBe(false); // still held by the incident
    expect(h.accept({ type: 'RESOLVE_INCIDENT', incidentKey })).toEqual(['INCIDENT_RESOLVED charge', 'JOB_RECURRED charge']);
    expect(h.job('charge')).toMatchObject({ state: 'CREATED', retries: 3, activatable: true });

    h.activateJob('charge');
    h.completeJob('charge', { charged: true });
    expect(h.rootVariables()).toEqual({ charged: true });
  });

  it('given an activated job whose worker died, when it times out, then it is offered again', async () => {
    const h = await CoreHarness.load('job-retries.bpmn');
    h.create();
    h.activateJob('charge');
    const jobKey = h.job('charge').jobKey;
    expect(h.accept({ type: 'TIME_OUT_JOB', jobKey })).toEqual(['JOB_TIMED_OUT charge']);
    expect(h.job('charge')).toMatchObject({ state: 'CREATED', retries: 2, activatable: true });
    expect(h.reject({ type: 'TIME_OUT_JOB', jobKey })).toMatchObject({ kind: 'INVALID_STATE', code: 'JOB.NOT_ACTIVATED' });
  });

  it('given a BPMN error nobody catches, then an incident UNHANDLED_ERROR_EVENT holds the element; resolving it offers the job again', async () => {
    const h = await CoreHarness.load('job-retries.bpmn');
    h.create();
    h.activateJob('charge');
    const jobKey = h.job('charge').jobKey;
    expect(h.accept({ type: 'THROW_ERROR', jobKey, errorCode: 'CARD_EXPIRED', errorMessage: 'expired 2025-12', variables: {} })).toEqual([
      'JOB_ERROR_THROWN charge code=CARD_EXPIRED',
      'INCIDENT_CREATED charge UNHANDLED_ERROR_EVENT',
    ]);
    expect(h.incident('charge').errorMessage).toBe(
      "Expected to throw an error event with the code 'CARD_EXPIRED' with message 'expired 2025-12', but it was not caught. No error events are available in the scope.",
    );
    expect(h.reject({ type: 'COMPLETE_JOB', jobKey, variables: {} })).toMatchObject({ kind: 'INVALID_STATE' });
    h.resolveIncident('charge');
    expect(h.job('charge')).toMatchObject({ state: 'CREATED', activatable: true });
  });

  it('refuses failing or throwing for a job no worker has activated, and completing an unknown one', async () => {
    const h = await CoreHarness.load('job-retries.bpmn');
    h.create();
    const jobKey = h.job('charge').jobKey;
    expect(h.reject({ type: 'FAIL_JOB', jobKey, retries: 1, errorMessage: null, retryBackOffMs: null, variables: {} })).toMatchObject({ code: 'JOB.NOT_ACTIVATED' });
    expect(h.reject({ type: 'THROW_ERROR', jobKey, errorCode: 'X', errorMessage: null, variables: {} })).toMatchObject({ code: 'JOB.NOT_ACTIVATED' });
    expect(h.reject({ type: 'COMPLETE_JOB', jobKey: '999999', variables: {} })).toMatchObject({ kind: 'NOT_FOUND', code: 'JOB.NOT_FOUND' });
  });

  it('given a cancelled instance, then every job command on its job is not found, as Camunda answers', async () => {
    const h = await CoreHarness.load('job-retries.bpmn');
    h.create();
    h.activateJob('charge');
    const jobKey = h.job('charge').jobKey;
    h.accept({ type: 'CANCEL_PROCESS_INSTANCE' });

    const ended = { kind: 'NOT_FOUND', code: 'JOB.NOT_FOUND', message: `Job ${jobKey} is not active: its process instance ${h.snapshot.instance!.processInstanceKey} has ended` };
    expect(h.reject({ type: 'COMPLETE_JOB', jobKey, variables: {} })).toEqual(ended);
    expect(h.reject({ type: 'FAIL_JOB', jobKey, retries: 0, errorMessage: null, retryBackOffMs: null, variables: {} })).toEqual(ended);
    expect(h.reject({ type: 'THROW_ERROR', jobKey, errorCode: 'X', errorMessage: null, variables: {} })).toEqual(ended);
    expect(h.reject({ type: 'UPDATE_JOB_RETRIES', jobKey, retries: 3 })).toEqual(ended);
  });
});
