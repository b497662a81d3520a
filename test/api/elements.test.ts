import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementFixture } from '../fixtures/elements/index.js';
import { command, deployFixtures, get, search, startInstance } from '../fixtures/queries/scenario.js';
import { deploy } from '../support/deploy.js';
import { elementOf, elementTrail, historyOf, incidentsOf, instance, openTask, send, tasksOf, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Every element type Baton executes, driven through the REST API against MariaDB: what the
 * element instances (id, Camunda type, state), variables, user tasks, incidents and the audit
 * log show after each command. One fixture per behaviour in test/fixtures/elements/.
 */

let engine: TestEngine;
let definitions: Record<string, string>;

beforeAll(async () => {
  engine = await startTestEngine();
  definitions = await deployFixtures(
    engine,
    [
      'elements-none.bpmn', 'elements-terminate.bpmn', 'elements-terminate-sub.bpmn', 'elements-exclusive.bpmn', 'elements-parallel.bpmn',
      'elements-inclusive.bpmn', 'elements-subprocess.bpmn', 'elements-user-task.bpmn', 'elements-review.form', 'elements-script.bpmn',
      'elements-pass-through.bpmn', 'elements-service.bpmn', 'elements-io-failure.bpmn', 'elements-late-form.bpmn', 'elements-two-incidents.bpmn',
    ].map(elementFixture),
  );
});
afterAll(async () => {
  await engine?.stop();
});

/** Completes the instance's open task of `elementId` as demo, with variables. */
async function completeTask(processInstanceKey: string, elementId: string, variables: Record<string, unknown> = {}): Promise<void> {
  const task = await openTask(engine, processInstanceKey, elementId);
  await command(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables });
}

/** PUT /v2/element-instances/{key}/variables as demo. */
const setVariables = (scopeKey: string, variables: Record<string, unknown>, local = false) => command(engine, 'PUT', `/v2/element-instances/${scopeKey}/variables`, { variables, local });
const resolve = (incidentKey: string) => send(engine, 'POST', `/v2/incidents/${incidentKey}/resolution`);

describe('none start and end events', () => {
  it('run straight through to a completed instance, with the exact event sequence', async () => {
    const key = await startInstance(engine, 'elements-none', { x: 1 });
    expect(await instance(engine, key)).toMatchObject({ state: 'COMPLETED', hasIncident: false, endDate: expect.any(String) });
    expect(await elementTrail(engine, key)).toEqual(['elements-none PROCESS COMPLETED', 'start START_EVENT COMPLETED', 'end END_EVENT COMPLETED']);
    expect((await historyOf(engine, key)).map((e) => `${e.eventType} ${e.elementId ?? '-'}`)).toEqual([
      'PROCESS_INSTANCE_CREATED elements-none',
      'ELEMENT_ACTIVATING elements-none',
      'VARIABLE_CREATED -',
      'ELEMENT_ACTIVATED elements-none',
      'ELEMENT_ACTIVATING start',
      'ELEMENT_ACTIVATED start',
      'ELEMENT_COMPLETING start',
      'ELEMENT_COMPLETED start',
      'SEQUENCE_FLOW_TAKEN f1',
      'ELEMENT_ACTIVATING end',
      'ELEMENT_ACTIVATED end',
      'ELEMENT_COMPLETING end',
      'ELEMENT_COMPLETED end',
      'ELEMENT_COMPLETING elements-none',
      'ELEMENT_COMPLETED elements-none',
    ]);
    expect(await variablesIn(engine, key)).toEqual({ x: 1 });
  });
});

describe('terminate end event', () => {
  it('in the process: terminates the other branch (its user task is canceled) and completes the instance', async () => {
    const key = await startInstance(engine, 'elements-terminate');
    const review = await openTask(engine, key, 'review');
    await completeTask(key, 'abort');
    expect(await instance(engine, key)).toMatchObject({ state: 'COMPLETED' });
    expect(await elementTrail(engine, key)).toEqual([
      'elements-terminate PROCESS COMPLETED',
      'start START_EVENT COMPLETED',
      'fork PARALLEL_GATEWAY COMPLETED',
      'review USER_TASK TERMINATED',
      'abort USER_TASK COMPLETED',
      'terminate END_EVENT COMPLETED',
    ]);
    expect((await get(engine, `/v2/user-tasks/${review.userTaskKey}`)).body.state).toBe('CANCELED');
  });

  it('in a subprocess: ends only the subprocess, which completes, and the process goes on', async () => {
    const key = await startInstance(engine, 'elements-terminate-sub');
    await completeTask(key, 'abort-checks');
    expect(await elementTrail(engine, key)).toEqual([
      'elements-terminate-sub PROCESS ACTIVE',
      'start START_EVENT COMPLETED',
      'sub SUB_PROCESS COMPLETED',
      'sub-start START_EVENT COMPLETED',
      'sub-fork PARALLEL_GATEWAY COMPLETED',
      'check USER_TASK TERMINATED',
      'abort-checks USER_TASK COMPLETED',
      'sub-terminate END_EVENT COMPLETED',
      'after USER_TASK ACTIVE',
    ]);
    await completeTask(key, 'after');
    expect((await instance(engine, key)).state).toBe('COMPLETED');
  });
});

describe('exclusive gateway', () => {
  it('takes the first flow in model order whose condition is true', async () => {
    const big = await startInstance(engine, 'elements-exclusive', { amount: 5000 });
    expect(await elementTrail(engine, big)).toEqual(['elements-exclusive PROCESS COMPLETED', 'start START_EVENT COMPLETED', 'route EXCLUSIVE_GATEWAY COMPLETED', 'end-big END_EVENT COMPLETED']);
    const small = await startInstance(engine, 'elements-exclusive', { amount: 50 });
    expect((await elementTrail(engine, small)).at(-1)).toBe('end-small END_EVENT COMPLETED');
  });

  it('raises CONDITION_ERROR when no condition is true; fixed variables and a resolution let it continue', async () => {
    // Given an amount no flow accepts
    const key = await startInstance(engine, 'elements-exclusive', { amount: -5 });
    // Then the gateway waits with an incident, shown on the incident, the element and the instance
    const [incident] = await incidentsOf(engine, key);
    const route = await elementOf(engine, key, 'route');
    expect(incident).toMatchObject({ errorType: 'CONDITION_ERROR', state: 'ACTIVE', elementId: 'route', elementInstanceKey: route.elementInstanceKey, processDefinitionKey: definitions['elements-exclusive'] });
    expect(incident.errorMessage).toContain("no condition of the outgoing flows of 'route' was true");
    expect(route).toMatchObject({ type: 'EXCLUSIVE_GATEWAY', state: 'ACTIVE', hasIncident: true, incidentKey: incident.incidentKey });
    expect(await instance(engine, key)).toMatchObject({ state: 'ACTIVE', hasIncident: true });
    expect((await search(engine, '/v2/incidents/search', { filter: { processInstanceKey: key, errorType: 'CONDITION_ERROR', state: 'ACTIVE' } })).body.page.totalItems).toBe(1);

    // When the amount is fixed and the incident resolved
    await setVariables(key, { amount: 50 });
    expect((await resolve(incident.incidentKey)).status).toBe(204);

    // Then the gateway is evaluated again and the instance completes
    expect(await elementTrail(engine, key)).toEqual(['elements-exclusive PROCESS COMPLETED', 'start START_EVENT COMPLETED', 'route EXCLUSIVE_GATEWAY COMPLETED', 'end-small END_EVENT COMPLETED']);
    expect((await get(engine, `/v2/incidents/${incident.incidentKey}`)).body.state).toBe('RESOLVED');
    expect(await instance(engine, key)).toMatchObject({ state: 'COMPLETED', hasIncident: false });
    expect(await elementOf(engine, key, 'route')).toMatchObject({ hasIncident: false });
  });

  it('raises CONDITION_ERROR for a condition that is not a boolean; resolving without a fix raises a new one', async () => {
    // Given no amount at all: 'amount > 1000' is null
    const key = await startInstance(engine, 'elements-exclusive', {});
    const [first] = await incidentsOf(engine, key);
    expect(first).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'route' });
    expect(first.errorMessage).toContain("Expected result of the expression 'amount > 1000' to be 'BOOLEAN', but was 'NULL'");
    expect(first.errorMessage).toContain("No variable found with name 'amount'");

    expect((await resolve(first.incidentKey)).status).toBe(204);
    const incidents = await incidentsOf(engine, key);
    expect(incidents.map((i) => [i.state, i.errorType])).toEqual([['RESOLVED', 'CONDITION_ERROR'], ['ACTIVE', 'CONDITION_ERROR']]);
    expect(await elementOf(engine, key, 'route')).toMatchObject({ state: 'ACTIVE', hasIncident: true, incidentKey: incidents[1].incidentKey });

    // A resolved incident cannot be resolved again.
    const again = await resolve(first.incidentKey);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('INCIDENT.NOT_FOUND');
  });

  it('has its incident resolved when the instance is canceled', async () => {
    const key = await startInstance(engine, 'elements-exclusive', { amount: -1 });
    const [incident] = await incidentsOf(engine, key);
    expect((await send(engine, 'POST', `/v2/process-instances/${key}/cancellation`)).status).toBe(204);
    expect((await get(engine, `/v2/incidents/${incident.incidentKey}`)).body.state).toBe('RESOLVED');
    expect(await instance(engine, key)).toMatchObject({ state: 'TERMINATED', hasIncident: false });
    expect(await elementOf(engine, key, 'route')).toMatchObject({ state: 'TERMINATED', hasIncident: false });
  });
});

describe('parallel gateway', () => {
  it('forks into every branch and joins once both have arrived', async () => {
    const key = await startInstance(engine, 'elements-parallel');
    expect(await elementTrail(engine, key)).toEqual([
      'elements-parallel PROCESS ACTIVE', 'start START_EVENT COMPLETED', 'fork PARALLEL_GATEWAY COMPLETED', 'task-a USER_TASK ACTIVE', 'task-b USER_TASK ACTIVE',
    ]);

    await completeTask(key, 'task-a', { fromA: 1 });
    // the join waits for B: no join element instance yet
    expect((await elementTrail(engine, key)).slice(3)).toEqual(['task-a USER_TASK COMPLETED', 'task-b USER_TASK ACTIVE']);

    await completeTask(key, 'task-b', { fromB: 2 });
    expect(await elementTrail(engine, key)).toEqual([
      'elements-parallel PROCESS COMPLETED', 'start START_EVENT COMPLETED', 'fork PARALLEL_GATEWAY COMPLETED', 'task-a USER_TASK COMPLETED', 'task-b USER_TASK COMPLETED',
      'join PARALLEL_GATEWAY COMPLETED', 'sum SCRIPT_TASK COMPLETED', 'end END_EVENT COMPLETED',
    ]);
    expect(await variablesIn(engine, key)).toEqual({ fromA: 1, fromB: 2, total: 3 });
  });
});

describe('inclusive gateway', () => {
  it('forks into the flows whose condition is true and joins when those have arrived', async () => {
    const key = await startInstance(engine, 'elements-inclusive', { bookings: ['hotel', 'flight'] });
    expect((await elementTrail(engine, key)).slice(2)).toEqual(['fork INCLUSIVE_GATEWAY COMPLETED', 'book-hotel USER_TASK ACTIVE', 'book-flight USER_TASK ACTIVE']);

    await completeTask(key, 'book-hotel');
    // the flight can still arrive, so the join waits
    expect((await elementTrail(engine, key)).filter((e) => e.startsWith('join'))).toEqual([]);
    expect((await instance(engine, key)).state).toBe('ACTIVE');

    await completeTask(key, 'book-flight');
    expect(await elementTrail(engine, key)).toEqual([
      'elements-inclusive PROCESS COMPLETED', 'start START_EVENT COMPLETED', 'fork INCLUSIVE_GATEWAY COMPLETED', 'book-hotel USER_TASK COMPLETED', 'book-flight USER_TASK COMPLETED',
      'join INCLUSIVE_GATEWAY COMPLETED', 'end END_EVENT COMPLETED',
    ]);
  });

  it('joins a single taken branch at once when it arrives', async () => {
    const key = await startInstance(engine, 'elements-inclusive', { bookings: ['car'] });
    await completeTask(key, 'book-car');
    expect((await elementTrail(engine, key)).slice(2)).toEqual(['fork INCLUSIVE_GATEWAY COMPLETED', 'book-car USER_TASK COMPLETED', 'join INCLUSIVE_GATEWAY COMPLETED', 'end END_EVENT COMPLETED']);
    expect((await instance(engine, key)).state).toBe('COMPLETED');
  });

  it('takes the default flow when no condition is true', async () => {
    const key = await startInstance(engine, 'elements-inclusive', { bookings: [] });
    expect((await elementTrail(engine, key)).slice(2)).toEqual(['fork INCLUSIVE_GATEWAY COMPLETED', 'nothing TASK COMPLETED', 'join INCLUSIVE_GATEWAY COMPLETED', 'end END_EVENT COMPLETED']);
    expect((await instance(engine, key)).state).toBe('COMPLETED');
  });
});

describe('embedded subprocess', () => {
  it('is a variable scope: input mappings create its locals, output mappings write back to the process', async () => {
    const key = await startInstance(engine, 'elements-subprocess', { order: { id: 'A-1', net: 100 } });
    const pricing = await elementOf(engine, key, 'pricing');
    expect(pricing).toMatchObject({ type: 'SUB_PROCESS', state: 'ACTIVE' });
    expect((await elementTrail(engine, key)).slice(2)).toEqual(['pricing SUB_PROCESS ACTIVE', 'pricing-start START_EVENT COMPLETED', 'add-tax SCRIPT_TASK COMPLETED', 'confirm-price USER_TASK ACTIVE']);
    // the script's result went to the subprocess's local 'gross' (created empty by its input mapping)
    expect(await variablesIn(engine, pricing.elementInstanceKey)).toEqual({ net: 100, currency: 'EUR', gross: 125 });
    expect(await variablesIn(engine, key)).toEqual({ order: { id: 'A-1', net: 100 } });
    const inner = (await search(engine, '/v2/element-instances/search', { filter: { elementInstanceScopeKey: pricing.elementInstanceKey } })).body.items.map((e: any) => e.elementId);
    expect(inner).toEqual(['pricing-start', 'add-tax', 'confirm-price']);
    // the task sees the subprocess's locals and the process's variables
    const task = await openTask(engine, key, 'confirm-price');
    const seen = (await search(engine, `/v2/user-tasks/${task.userTaskKey}/variables/search`, {})).body.items.map((v: any) => v.name);
    expect(seen).toEqual(['currency', 'gross', 'net', 'order']);

    await completeTask(key, 'confirm-price');
    expect(await elementOf(engine, key, 'pricing')).toMatchObject({ state: 'COMPLETED' });
    expect(await variablesIn(engine, key)).toEqual({ order: { id: 'A-1', net: 100, gross: 125 }, large: true });
    // the locals stay readable with the subprocess's scope key
    expect(await variablesIn(engine, pricing.elementInstanceKey)).toEqual({ net: 100, currency: 'EUR', gross: 125 });
    expect((await instance(engine, key)).state).toBe('COMPLETED');
  });

  it('takes variables over PUT: local ones in exactly that scope, others where the name lives or at the root', async () => {
    const key = await startInstance(engine, 'elements-subprocess', { order: { id: 'A-2', net: 10 } });
    const pricing = await elementOf(engine, key, 'pricing');
    const confirm = await elementOf(engine, key, 'confirm-price');
    await setVariables(confirm.elementInstanceKey, { currency: 'USD', note: 'rush' });
    await setVariables(confirm.elementInstanceKey, { reviewer: 'demo' }, true);
    expect(await variablesIn(engine, confirm.elementInstanceKey)).toEqual({ reviewer: 'demo' });
    expect(await variablesIn(engine, pricing.elementInstanceKey)).toEqual({ net: 10, currency: 'USD', gross: 12.5 });
    expect(await variablesIn(engine, key)).toEqual({ order: { id: 'A-2', net: 10 }, note: 'rush' });
    const history = await historyOf(engine, key);
    expect(history.filter((e) => e.command === 'SET_VARIABLES').map((e) => `${e.actor} ${e.eventType} ${e.details.name}`)).toEqual([
      'demo VARIABLE_UPDATED currency', 'demo VARIABLE_CREATED note', 'demo VARIABLE_CREATED reviewer',
    ]);

    // ended elements take no variables (as in Zeebe: not found); employees may not set any
    const start = await elementOf(engine, key, 'start');
    const ended = await send(engine, 'PUT', `/v2/element-instances/${start.elementInstanceKey}/variables`, { variables: { x: 1 } });
    expect(ended.status).toBe(404);
    expect(ended.body.code).toBe('ELEMENT_INSTANCE.NOT_FOUND');
    expect((await send(engine, 'PUT', `/v2/element-instances/${pricing.elementInstanceKey}/variables`, { variables: { x: 1 } }, 'mia')).status).toBe(403);
    const bad = await send(engine, 'PUT', `/v2/element-instances/${pricing.elementInstanceKey}/variables`, { variables: [1] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('REQUEST.INVALID_BODY');
    expect((await send(engine, 'PUT', '/v2/element-instances/123456789/variables', { variables: { x: 1 } })).body.code).toBe('ELEMENT_INSTANCE.NOT_FOUND');
  });
});

describe('user task', () => {
  it('evaluates FEEL assignment, candidates, dates and priority, and links the deployed form', async () => {
    const key = await startInstance(engine, 'elements-user-task', { owner: 'emma', reviewers: ['sales', 'finance'], backup: 'mia', dueAt: '2030-05-01T17:00:00+02:00', urgent: true });
    const [task] = await tasksOf(engine, key);
    expect(task).toMatchObject({
      elementId: 'review',
      name: 'Review the claim',
      state: 'CREATED',
      assignee: 'emma',
      candidateGroups: ['sales', 'finance'],
      candidateUsers: ['frank', 'mia'],
      dueDate: '2030-05-01T15:00:00.000Z',
      followUpDate: '2030-04-30T15:00:00.000Z',
      priority: 90,
      formKey: expect.stringMatching(/^\d+$/),
    });
    expect(await elementOf(engine, key, 'review')).toMatchObject({ type: 'USER_TASK', state: 'ACTIVE', elementInstanceKey: task.elementInstanceKey });

    const linked = await get(engine, `/v2/user-tasks/${task.userTaskKey}/form`, 'emma');
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ formId: 'elements-review', version: 1, formKey: task.formKey, tenantId: '<default>' });
    expect(linked.body.schema.components).toEqual([{ id: 'accepted', key: 'accepted', type: 'checkbox', label: 'Accept the claim' }]);

    await command(engine, 'POST', `/v2/user-tasks/${task.userTaskKey}/completion`, { variables: { accepted: true } }, 'emma');
    expect(await instance(engine, key)).toMatchObject({ state: 'COMPLETED' });
    expect((await variablesIn(engine, key)).accepted).toBe(true);
  });

  it('uses the other branch of the FEEL priority and accepts no assignee', async () => {
    const key = await startInstance(engine, 'elements-user-task', { owner: null, reviewers: 'sales', backup: 'anna', dueAt: null, urgent: false });
    const [task] = await tasksOf(engine, key);
    expect(task).toMatchObject({ priority: 40, candidateGroups: ['sales'], candidateUsers: ['frank', 'anna'] });
    expect(task).not.toHaveProperty('assignee');
    expect(task).not.toHaveProperty('dueDate');
  });

  it('raises EXTRACT_VALUE_ERROR when a FEEL assignment does not give strings', async () => {
    const key = await startInstance(engine, 'elements-user-task', { owner: null, reviewers: 5, backup: 'anna', dueAt: null, urgent: false });
    const [incident] = await incidentsOf(engine, key);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'review' });
    expect(incident.errorMessage).toContain("'reviewers'");
    expect(await tasksOf(engine, key)).toEqual([]);
    await setVariables(key, { reviewers: ['finance'] });
    expect((await resolve(incident.incidentKey)).status).toBe(204);
    expect((await tasksOf(engine, key)).map((t) => t.candidateGroups)).toEqual([['finance']]);
  });
});

describe('script task', () => {
  it('puts the FEEL result into its result variable', async () => {
    const key = await startInstance(engine, 'elements-script', { items: [{ price: 10, quantity: 2 }, { price: 50, quantity: 2 }] });
    expect(await elementTrail(engine, key)).toEqual(['elements-script PROCESS COMPLETED', 'start START_EVENT COMPLETED', 'total SCRIPT_TASK COMPLETED', 'label SCRIPT_TASK COMPLETED', 'end END_EVENT COMPLETED']);
    expect(await variablesIn(engine, key)).toEqual({ items: [{ price: 10, quantity: 2 }, { price: 50, quantity: 2 }], total: 120, summary: { size: 'large', items: 2 } });
  });
});

describe('manual task, undefined task, intermediate none throw event', () => {
  it('pass through, applying their mappings', async () => {
    const key = await startInstance(engine, 'elements-pass-through');
    expect(await elementTrail(engine, key)).toEqual([
      'elements-pass-through PROCESS COMPLETED',
      'start START_EVENT COMPLETED',
      'sign-paper MANUAL_TASK COMPLETED',
      'file-it TASK COMPLETED',
      'filed INTERMEDIATE_THROW_EVENT COMPLETED',
      'end END_EVENT COMPLETED',
    ]);
    expect(await variablesIn(engine, (await elementOf(engine, key, 'sign-paper')).elementInstanceKey)).toEqual({ signedWith: 'ink' });
    expect(await variablesIn(engine, key)).toEqual({ filed: true });
  });
});

describe('service task', () => {
  it('creates a job and waits; canceling the instance terminates it and cancels the job', async () => {
    const key = await startInstance(engine, 'elements-service', { provider: 'stripe' });
    const charge = await elementOf(engine, key, 'charge');
    expect(charge).toMatchObject({ type: 'SERVICE_TASK', state: 'ACTIVE', hasIncident: false });
    expect(await instance(engine, key)).toMatchObject({ state: 'ACTIVE', hasIncident: false });
    const created = (await historyOf(engine, key)).filter((e) => e.eventType === 'JOB_CREATED');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ elementId: 'charge', elementInstanceKey: charge.elementInstanceKey });
    expect(created[0].details.job).toMatchObject({ type: 'charge-stripe', retries: 5, customHeaders: { currency: 'EUR' } });
    const jobKey = created[0].details.job.jobKey;

    expect((await send(engine, 'POST', `/v2/process-instances/${key}/cancellation`)).status).toBe(204);
    expect(await elementTrail(engine, key)).toEqual(['elements-service PROCESS TERMINATED', 'start START_EVENT COMPLETED', 'charge SERVICE_TASK TERMINATED']);
    const canceled = (await historyOf(engine, key)).filter((e) => e.eventType === 'JOB_CANCELED');
    expect(canceled.map((e) => [e.details.jobKey, e.elementInstanceKey])).toEqual([[jobKey, charge.elementInstanceKey]]);
  });
});

describe('incidents of mappings and forms', () => {
  it('a failing FEEL input mapping raises IO_MAPPING_ERROR; after the fix and a resolution the element runs', async () => {
    const key = await startInstance(engine, 'elements-io-failure', { amount: -5 });
    const check = await elementOf(engine, key, 'check');
    const [incident] = await incidentsOf(engine, key);
    expect(incident).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'check', elementInstanceKey: check.elementInstanceKey, state: 'ACTIVE' });
    expect(incident.errorMessage).toContain("input mapping 'checkedAmount'");
    expect(incident.errorMessage).toContain('amount must be positive');
    expect(check).toMatchObject({ type: 'TASK', state: 'ACTIVE', hasIncident: true });
    expect(await variablesIn(engine, check.elementInstanceKey)).toEqual({});

    await setVariables(key, { amount: 5 });
    expect((await resolve(incident.incidentKey)).status).toBe(204);
    expect(await elementTrail(engine, key)).toEqual(['elements-io-failure PROCESS COMPLETED', 'start START_EVENT COMPLETED', 'check TASK COMPLETED', 'end END_EVENT COMPLETED']);
    expect(await variablesIn(engine, check.elementInstanceKey)).toEqual({ checkedAmount: 5 });
    expect(await variablesIn(engine, key)).toEqual({ amount: 5 });
  });

  it('a failing script raises EXTRACT_VALUE_ERROR; the instance shows an incident until the last one is resolved', async () => {
    // Given two parallel branches that both fail
    const key = await startInstance(engine, 'elements-two-incidents', { a: -1, b: -1 });
    const incidents = await incidentsOf(engine, key);
    expect(incidents.map((i) => [i.elementId, i.errorType, i.state])).toEqual([['check-a', 'EXTRACT_VALUE_ERROR', 'ACTIVE'], ['check-b', 'EXTRACT_VALUE_ERROR', 'ACTIVE']]);
    expect(incidents[0].errorMessage).toContain('a must be positive');
    expect(await instance(engine, key)).toMatchObject({ state: 'ACTIVE', hasIncident: true });
    // Employees and analysts may not resolve incidents
    expect((await send(engine, 'POST', `/v2/incidents/${incidents[0].incidentKey}/resolution`, undefined, 'anna')).status).toBe(403);

    // When the first is fixed and resolved, the second still holds the instance
    await setVariables(key, { a: 1 });
    expect((await resolve(incidents[0].incidentKey)).status).toBe(204);
    expect(await instance(engine, key)).toMatchObject({ state: 'ACTIVE', hasIncident: true });
    expect((await search(engine, '/v2/process-instances/search', { filter: { processInstanceKey: key, hasIncident: true } })).body.page.totalItems).toBe(1);
    expect(await elementOf(engine, key, 'check-a')).toMatchObject({ state: 'COMPLETED', hasIncident: false });

    // Then resolving the second one without a fix raises a new incident, still one active
    expect((await resolve(incidents[1].incidentKey)).status).toBe(204);
    expect((await incidentsOf(engine, key)).filter((i) => i.state === 'ACTIVE').map((i) => i.elementId)).toEqual(['check-b']);
    expect(await instance(engine, key)).toMatchObject({ hasIncident: true });

    // And fixing it lets the join fire
    await setVariables(key, { b: 2 });
    const [last] = (await incidentsOf(engine, key)).filter((i) => i.state === 'ACTIVE');
    expect((await resolve(last.incidentKey)).status).toBe(204);
    expect(await instance(engine, key)).toMatchObject({ state: 'COMPLETED', hasIncident: false });
    expect(await variablesIn(engine, key)).toEqual({ a: 1, b: 2, checkedA: 1, checkedB: 2 });
  });

  it('a linked form that is not deployed raises FORM_NOT_FOUND; once deployed, a resolution creates the task', async () => {
    const key = await startInstance(engine, 'elements-late-form');
    const fillIn = await elementOf(engine, key, 'fill-in');
    const [incident] = await incidentsOf(engine, key);
    expect(incident).toMatchObject({ errorType: 'FORM_NOT_FOUND', elementId: 'fill-in', elementInstanceKey: fillIn.elementInstanceKey });
    expect(incident.errorMessage).toContain("'elements-late'");
    expect(fillIn).toMatchObject({ state: 'ACTIVE', hasIncident: true });
    expect(await tasksOf(engine, key)).toEqual([]);

    const deployed = await deploy(engine, [elementFixture('elements-late.form')]);
    expect(deployed.status).toBe(200);
    const formKey = ((await deployed.json()) as any).deployments[0].form.formKey;
    expect((await resolve(incident.incidentKey)).status).toBe(204);
    expect((await get(engine, `/v2/incidents/${incident.incidentKey}`)).body.state).toBe('RESOLVED');

    // The retried activation sees the form deployed just now (form keys are re-read after a form deploy).
    expect((await tasksOf(engine, key)).map((t) => [t.elementId, t.state, t.formKey])).toEqual([['fill-in', 'CREATED', formKey]]);

    const tasks = await tasksOf(engine, key);
    expect(tasks.map((t) => [t.elementId, t.state, t.formKey])).toEqual([['fill-in', 'CREATED', formKey]]);
    expect((await get(engine, `/v2/user-tasks/${tasks[0].userTaskKey}/form`)).body).toMatchObject({ formId: 'elements-late', formKey });
    expect(await instance(engine, key)).toMatchObject({ state: 'ACTIVE', hasIncident: false });
    expect(await elementOf(engine, key, 'fill-in')).toMatchObject({ state: 'ACTIVE', hasIncident: false });
  });
});
