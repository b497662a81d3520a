import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneJobXml } from '../fixtures/job-models.js';
import { deploy } from '../support/deploy.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Workers over plain REST, in Camunda's shapes: activation (long polling), completion, failure
 * with retries and backoff (the worker's or the model's `retryBackoff` header), incidents when
 * retries run out, BPMN errors, late and duplicate reports, deadlines, search.
 */
let engine: TestEngine;
let seq = 0;

beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.stop();
});

/** Deploys a one-job process with a fresh job type and starts `count` instances of it. */
async function jobsOfNewType(count = 1, options: { retries?: number; headers?: Record<string, string> } = {}) {
  const type = `rest-${++seq}`;
  const processId = `rest-process-${seq}`;
  expect((await deploy(engine, [{ name: `${processId}.bpmn`, content: oneJobXml(processId, type, options) }])).status).toBe(200);
  const instances: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await engine.request('/v2/process-instances', { json: { processDefinitionId: processId, variables: { n: i, order: { id: `o-${i}` } } } });
    instances.push(((await response.json()) as { processInstanceKey: string }).processInstanceKey);
  }
  return { type, processId, instances };
}

async function activate(type: string, body: Record<string, unknown> = {}, user = 'worker') {
  const response = await engine.request('/v2/jobs/activation', { user, json: { type, timeout: 30_000, maxJobsToActivate: 10, requestTimeout: -1, ...body } });
  return { status: response.status, body: (await response.json()) as { jobs: any[]; code?: string } };
}

async function instanceState(key: string): Promise<string> {
  return ((await (await engine.request(`/v2/process-instances/${key}`)).json()) as { state: string }).state;
}

describe('REST job workers', () => {
  it('activates jobs with their variables, headers and a deadline, each job once', async () => {
    const { type, instances } = await jobsOfNewType(3, { headers: { region: 'eu' } });
    const first = await activate(type, { maxJobsToActivate: 2, worker: 'w1', fetchVariable: ['order'] });
    expect(first.status).toBe(200);
    expect(first.body.jobs).toHaveLength(2);
    const job = first.body.jobs[0];
    expect(job).toMatchObject({
      type,
      elementId: 'work',
      customHeaders: { region: 'eu' },
      worker: 'w1',
      retries: 3,
      variables: { order: { id: expect.any(String) } },
      tenantId: '<default>',
      kind: 'BPMN_ELEMENT',
      listenerEventType: 'UNSPECIFIED',
    });
    expect(Object.keys(job.variables)).toEqual(['order']);
    expect(instances).toContain(job.processInstanceKey);
    expect(job.deadline).toBeGreaterThan(Date.now() + 20_000);

    const second = await activate(type, { maxJobsToActivate: 10 });
    expect(second.body.jobs).toHaveLength(1);
    expect((await activate(type)).body.jobs).toEqual([]);
  });

  it('answers a long poll as soon as a job of the type appears', async () => {
    const { type, processId } = await jobsOfNewType(0);
    const started = Date.now();
    const waiting = activate(type, { requestTimeout: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await engine.request('/v2/process-instances', { json: { processDefinitionId: processId } });
    const result = await waiting;
    expect(result.body.jobs).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('answers an empty list when nothing appears within requestTimeout', async () => {
    const started = Date.now();
    const result = await activate('nothing-of-this-type', { requestTimeout: 600 });
    expect(result.body.jobs).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('completes a job with variables, and answers a late or duplicate completion as such without changing anything', async () => {
    const { type, instances } = await jobsOfNewType(1);
    const [job] = (await activate(type)).body.jobs;
    const completed = await engine.request(`/v2/jobs/${job.jobKey}/completion`, { user: 'worker', json: { variables: { shipped: true } } });
    expect(completed.status).toBe(204);
    expect(await instanceState(instances[0]!)).toBe('COMPLETED');

    const again = await engine.request(`/v2/jobs/${job.jobKey}/completion`, { user: 'worker', json: { variables: { shipped: false } } });
    expect([404, 409]).toContain(again.status);
    const variables = (await (await engine.request('/v2/variables/search', { json: { filter: { processInstanceKey: instances[0], name: 'shipped' } } })).json()) as any;
    expect(variables.items.map((v: any) => v.value)).toEqual(['true']);
    expect((await engine.request('/v2/jobs/999999999/completion', { user: 'worker', json: {} })).status).toBe(404);
  });

  it('answers 404 JOB.NOT_FOUND for reports on a job whose instance was cancelled, as Camunda does', async () => {
    const { type, instances } = await jobsOfNewType(1);
    const [job] = (await activate(type)).body.jobs;
    expect((await engine.request(`/v2/process-instances/${instances[0]}/cancellation`, { json: {} })).status).toBe(204);

    const reports: Array<[string, Record<string, unknown>, string?]> = [
      ['completion', { variables: { shipped: true } }],
      ['failure', { retries: 1, errorMessage: 'down' }],
      ['error', { errorCode: 'NO_STOCK' }],
      ['', { changeset: { retries: 5 } }, 'PATCH'],
    ];
    for (const [path, json, method] of reports) {
      const response = await engine.request(`/v2/jobs/${job.jobKey}${path ? `/${path}` : ''}`, { user: 'worker', json, ...(method ? { method } : {}) });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ title: 'NOT_FOUND', code: 'JOB.NOT_FOUND', detail: `Job ${job.jobKey} is not active: its process instance ${instances[0]} has ended` });
    }
    expect(await instanceState(instances[0]!)).toBe('TERMINATED');
  });

  it('fails with retries left: offered again after the worker\'s backoff', async () => {
    const { type } = await jobsOfNewType(1);
    const [job] = (await activate(type)).body.jobs;
    expect((await engine.request(`/v2/jobs/${job.jobKey}/failure`, { user: 'worker', json: { retries: 2, errorMessage: 'busy', retryBackOff: 1500 } })).status).toBe(204);
    expect((await activate(type)).body.jobs).toEqual([]); // still in its backoff
    await new Promise((resolve) => setTimeout(resolve, 1700));
    const [again] = (await activate(type)).body.jobs;
    expect(again).toMatchObject({ jobKey: job.jobKey, retries: 2 });
  });

  it("uses the model's retryBackoff header when the worker gives no backoff", async () => {
    const { type } = await jobsOfNewType(1, { headers: { retryBackoff: 'PT1S' } });
    const [job] = (await activate(type)).body.jobs;
    await engine.request(`/v2/jobs/${job.jobKey}/failure`, { user: 'worker', json: { retries: 1, errorMessage: 'flaky' } });
    const searched = (await (await engine.request('/v2/jobs/search', { json: { filter: { jobKey: job.jobKey } } })).json()) as any;
    expect(searched.items[0]).toMatchObject({ state: 'FAILED', retries: 1, hasFailedWithRetriesLeft: true, errorMessage: 'flaky' });
    expect((await activate(type)).body.jobs).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await activate(type)).body.jobs.map((j) => j.jobKey)).toEqual([job.jobKey]);
  });

  it('raises JOB_NO_RETRIES when retries run out; PATCH retries + resolving the incident offers it again', async () => {
    const { type, instances } = await jobsOfNewType(1);
    const [job] = (await activate(type)).body.jobs;
    await engine.request(`/v2/jobs/${job.jobKey}/failure`, { user: 'worker', json: { retries: 0, errorMessage: 'payment provider down' } });
    const incidents = (await (await engine.request('/v2/incidents/search', { json: { filter: { processInstanceKey: instances[0] } } })).json()) as any;
    expect(incidents.items).toEqual([expect.objectContaining({ errorType: 'JOB_NO_RETRIES', errorMessage: 'payment provider down', jobKey: job.jobKey, state: 'ACTIVE' })]);
    const incidentKey = incidents.items[0].incidentKey;

    const tooEarly = await engine.request(`/v2/incidents/${incidentKey}/resolution`, { method: 'POST' });
    expect(tooEarly.status).toBe(409);
    expect(await tooEarly.json()).toMatchObject({ code: 'INCIDENT.JOB_HAS_NO_RETRIES' });

    expect((await engine.request(`/v2/jobs/${job.jobKey}`, { method: 'PATCH', json: { changeset: { retries: 2 } } })).status).toBe(204);
    expect((await activate(type)).body.jobs).toEqual([]); // held by the incident until it is resolved
    expect((await engine.request(`/v2/incidents/${incidentKey}/resolution`, { method: 'POST' })).status).toBe(204);
    const [again] = (await activate(type)).body.jobs;
    expect(again).toMatchObject({ jobKey: job.jobKey, retries: 2 });
    await engine.request(`/v2/jobs/${job.jobKey}/completion`, { user: 'worker', json: {} });
    expect(await instanceState(instances[0]!)).toBe('COMPLETED');
  });

  it('turns an uncaught BPMN error into an incident UNHANDLED_ERROR_EVENT', async () => {
    const { type, instances } = await jobsOfNewType(1);
    const [job] = (await activate(type)).body.jobs;
    expect((await engine.request(`/v2/jobs/${job.jobKey}/error`, { user: 'worker', json: { errorCode: 'CARD_DECLINED', errorMessage: 'card declined' } })).status).toBe(204);
    const incidents = (await (await engine.request('/v2/incidents/search', { json: { filter: { processInstanceKey: instances[0] } } })).json()) as any;
    expect(incidents.items[0]).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', jobKey: job.jobKey });
    expect(incidents.items[0].errorMessage).toContain("'CARD_DECLINED'");
  });

  it('offers a job again when its worker misses the deadline', async () => {
    const { type } = await jobsOfNewType(1);
    const [job] = (await activate(type, { timeout: 500 })).body.jobs;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const [again] = (await activate(type)).body.jobs;
    expect(again?.jobKey).toBe(job.jobKey);
    const history = (await (await engine.request(`/v2/process-instances/${again.processInstanceKey}/history`)).json()) as any;
    expect(history.items.map((e: any) => e.eventType)).toContain('JOB_TIMED_OUT');
  });

  it('moves the deadline of an activated job with PATCH timeout', async () => {
    const { type } = await jobsOfNewType(1);
    const [job] = (await activate(type, { timeout: 1000 })).body.jobs;
    expect((await engine.request(`/v2/jobs/${job.jobKey}`, { method: 'PATCH', json: { changeset: { timeout: 60_000 } } })).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await activate(type)).body.jobs).toEqual([]); // not timed out
  });

  it('lets only workers and admins work jobs, and answers 400 for bad bodies', async () => {
    expect((await activate('x', {}, 'emma')).status).toBe(403);
    expect((await engine.request('/v2/jobs/activation', { user: 'worker', json: { type: 'x', maxJobsToActivate: 1 } })).status).toBe(400);
    expect((await engine.request('/v2/jobs/activation', { user: 'worker', json: { type: 'x', timeout: '1000', maxJobsToActivate: 1, requestTimeout: '-1' } })).status).toBe(200);
    expect((await engine.request('/v2/jobs/123/failure', { user: 'worker', json: { retries: -1 } })).status).toBe(400);
    for (const body of [{ retries: 2_147_483_648 }, { retryBackOff: 31_536_000_001 }]) {
      const refused = await engine.request('/v2/jobs/123/failure', { user: 'worker', json: body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    for (const changeset of [{ retries: 2_147_483_648 }, { retries: 1.5 }, { timeout: 0 }, { timeout: 86_400_001 }]) {
      const refused = await engine.request('/v2/jobs/123', { method: 'PATCH', user: 'worker', json: { changeset } });
      expect(refused.status, JSON.stringify(changeset)).toBe(400);
      expect(((await refused.json()) as any).code).toBe('REQUEST.INVALID_BODY');
    }
  });

  it('searches jobs by state, type and worker in the Camunda shape', async () => {
    const { type } = await jobsOfNewType(2);
    await activate(type, { maxJobsToActivate: 1, worker: 'searcher' });
    const activated = (await (await engine.request('/v2/jobs/search', { json: { filter: { type, worker: 'searcher' } } })).json()) as any;
    expect(activated.items).toHaveLength(1);
    expect(activated.items[0]).toMatchObject({ state: 'CREATED', worker: 'searcher', kind: 'BPMN_ELEMENT', deadline: expect.any(String) });
    const all = (await (await engine.request('/v2/jobs/search', { json: { filter: { type, state: 'CREATED' } } })).json()) as any;
    expect(all.page.totalItems).toBe(2);
    expect((await engine.request('/v2/jobs/search', { json: { filter: { state: 'ACTIVATED' } } })).status).toBe(400);
  });
});
