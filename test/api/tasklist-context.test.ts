import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, deployFixtures, get, QUERY_FIXTURES, search, startInstance } from '../fixtures/queries/scenario.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The task list for real work (docs/portal.md): a task's business context (business id, who
 * started the instance and when, the task variables its model names), "Done" (the tasks I
 * completed) and "My requests" (the instances I started), each only for whom may see them.
 */

const REQUEST_CONTEXT = fileURLToPath(new URL('../fixtures/tasklist/request-context.bpmn', import.meta.url));

let engine: TestEngine;
/** emma's request, business id REQ-1. */
let request: string;

const taskOf = async (processInstanceKey: string, elementId: string, user = 'demo') => {
  const { status, body } = await search(engine, '/v2/user-tasks/search', { filter: { processInstanceKey, elementId } }, user);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.items[0];
};

beforeAll(async () => {
  engine = await startTestEngine();
  await deployFixtures(engine, [REQUEST_CONTEXT, QUERY_FIXTURES.tasks, QUERY_FIXTURES.approveForm, QUERY_FIXTURES.incident]);
  request = await startInstance(engine, 'request-context', { amount: 120, requester: 'Emma Employee', note: 'team lunch', secret: 'payroll' }, { businessId: 'REQ-1' }, 'emma');
});
afterAll(async () => {
  await engine?.stop();
});

describe('a task with its business context', () => {
  it('GET answers the business id, who started the instance and when, and the process-level task variables', async () => {
    const approve = await taskOf(request, 'approve', 'mia');
    const { status, body } = await get(engine, `/v2/user-tasks/${approve.userTaskKey}`, 'mia');
    expect(status).toBe(200);
    expect(body).toMatchObject({ businessId: 'REQ-1', processInstanceStartedBy: 'emma', taskVariables: ['amount', 'requester', 'note'] });
    const instance = await get(engine, `/v2/process-instances/${request}`, 'demo');
    expect(body.processInstanceStartDate).toBe(instance.body.startDate);
  });

  it('the search answers the business context too (not the task variables)', async () => {
    const approve = await taskOf(request, 'approve', 'mia');
    expect(approve).toMatchObject({ businessId: 'REQ-1', processInstanceStartedBy: 'emma' });
    expect(approve.processInstanceStartDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(approve.taskVariables).toBeUndefined();
  });

  it("a task's own list overrides its process's; a process without one answers none (show everything)", async () => {
    const other = await startInstance(engine, 'request-context', { amount: 5 }, {}, 'emma');
    const approve = await taskOf(other, 'approve', 'mia');
    await command(engine, 'POST', `/v2/user-tasks/${approve.userTaskKey}/completion`, {}, 'mia');
    const record = await taskOf(other, 'record', 'frank');
    const { body } = await get(engine, `/v2/user-tasks/${record.userTaskKey}`, 'frank');
    expect(body.taskVariables).toEqual(['amount']);
    expect(body.businessId).toBeUndefined();

    const plain = await startInstance(engine, 'query-tasks');
    const offered = await taskOf(plain, 'offer-sales', 'emma');
    const plainTask = await get(engine, `/v2/user-tasks/${offered.userTaskKey}`, 'emma');
    expect(plainTask.body.taskVariables).toBeUndefined();
    expect(plainTask.body.processInstanceStartedBy).toBe('demo');
  });

  it('someone who may not see the task gets 404 for it and its variables', async () => {
    const approve = await taskOf(request, 'approve', 'mia');
    const task = await get(engine, `/v2/user-tasks/${approve.userTaskKey}`, 'frank');
    expect(task.status).toBe(404);
    expect(task.body.code).toBe('USER_TASK.NOT_FOUND');
    const variables = await search(engine, `/v2/user-tasks/${approve.userTaskKey}/variables/search`, {}, 'frank');
    expect(variables.status).toBe(404);
    const visible = await search(engine, `/v2/user-tasks/${approve.userTaskKey}/variables/search`, { filter: { name: { $in: ['amount', 'note'] } } }, 'mia');
    expect(visible.body.items.map((v: any) => [v.name, v.value]).sort()).toEqual([
      ['amount', '120'],
      ['note', '"team lunch"'],
    ]);
  });
});

describe('Done: the tasks I completed', () => {
  it('are the completed tasks assigned to me (completing assigns), newest first; nobody else finds them under my name unless they may see them', async () => {
    const first = await startInstance(engine, 'request-context', { amount: 1 }, {}, 'emma');
    const second = await startInstance(engine, 'request-context', { amount: 2 }, {}, 'emma');
    for (const key of [first, second]) {
      const approve = await taskOf(key, 'approve', 'mia');
      await command(engine, 'POST', `/v2/user-tasks/${approve.userTaskKey}/completion`, {}, 'mia');
    }
    const done = await search(engine, '/v2/user-tasks/search', { filter: { state: 'COMPLETED', assignee: 'mia' }, sort: [{ field: 'completionDate', order: 'DESC' }] }, 'mia');
    const mine = done.body.items.filter((t: any) => [first, second].includes(t.processInstanceKey));
    expect(mine.map((t: any) => t.processInstanceKey)).toEqual([second, first]);
    expect(mine.every((t: any) => t.completionDate && t.processInstanceStartedBy === 'emma')).toBe(true);
    // emma (sales) may not see the managers' tasks, also not once done
    const byEmma = await search(engine, '/v2/user-tasks/search', { filter: { state: 'COMPLETED', assignee: 'mia', processInstanceKey: first } }, 'emma');
    expect(byEmma.body.items).toEqual([]);
  });
});

describe('My requests', () => {
  const myRequests = (user: string, body: unknown = {}) => search(engine, '/v2/my-requests/search', body, user);

  it('lists the instances I started with where they stand: the open task and who it is offered to', async () => {
    const { status, body } = await myRequests('emma', { filter: { processInstanceKey: request } });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      processInstanceKey: request,
      processDefinitionId: 'request-context',
      businessId: 'REQ-1',
      state: 'ACTIVE',
      status: 'IN_PROGRESS',
      currentSteps: [{ elementId: 'approve', elementName: 'Approve request', elementType: 'bpmn:UserTask', state: 'ACTIVE', hasIncident: false, userTask: { state: 'CREATED', candidateGroups: ['managers'] } }],
    });
  });

  it('never lists or opens anyone else’s instances, not even for an admin', async () => {
    const mia = await myRequests('mia');
    expect(mia.body.items.map((i: any) => i.processInstanceKey)).not.toContain(request);
    expect((await myRequests('demo')).body.items.map((i: any) => i.processInstanceKey)).not.toContain(request);
    for (const user of ['mia', 'demo']) {
      const other = await get(engine, `/v2/my-requests/${request}`, user);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('PROCESS_INSTANCE.NOT_FOUND');
    }
    const own = await get(engine, `/v2/my-requests/${request}`, 'emma');
    expect(own.status).toBe(200);
  });

  it('the details list every step with who did it; completed and canceled requests say so', async () => {
    const done = await startInstance(engine, 'request-context', { amount: 3 }, { businessId: 'REQ-DONE' }, 'emma');
    await command(engine, 'POST', `/v2/user-tasks/${(await taskOf(done, 'approve', 'mia')).userTaskKey}/completion`, {}, 'mia');
    await command(engine, 'POST', `/v2/user-tasks/${(await taskOf(done, 'record', 'frank')).userTaskKey}/completion`, {}, 'frank');
    const { body } = await get(engine, `/v2/my-requests/${done}`, 'emma');
    expect(body).toMatchObject({ status: 'COMPLETED', state: 'COMPLETED', businessId: 'REQ-DONE', currentSteps: [] });
    expect(body.steps.map((s: any) => [s.elementId, s.state, s.userTask?.assignee])).toEqual([
      ['approve', 'COMPLETED', 'mia'],
      ['record', 'COMPLETED', 'frank'],
    ]);
    expect(body.steps[0].endDate).toBeDefined();

    const canceled = await startInstance(engine, 'request-context', {}, {}, 'emma');
    await command(engine, 'POST', `/v2/process-instances/${canceled}/cancellation`, undefined, 'demo');
    const list = await myRequests('emma', { filter: { state: 'TERMINATED' } });
    expect(list.body.items.map((i: any) => [i.processInstanceKey, i.status, i.currentSteps])).toEqual([[canceled, 'CANCELED', []]]);
  });

  it('an incident shows as DELAYED, with the step it holds', async () => {
    const stuck = await startInstance(engine, 'query-incident', {}, {}, 'emma');
    const { body } = await myRequests('emma', { filter: { processInstanceKey: stuck } });
    expect(body.items[0]).toMatchObject({ status: 'DELAYED', hasIncident: true, currentSteps: [{ elementId: 'route', elementName: 'Big or negative?', elementType: 'bpmn:ExclusiveGateway', hasIncident: true }] });
    const delayed = await myRequests('emma', { filter: { hasIncident: true } });
    expect(delayed.body.items.map((i: any) => i.processInstanceKey)).toEqual([stuck]);
  });

  it('sorts newest first by default and pages like every search', async () => {
    const { body } = await myRequests('emma', { page: { limit: 2 } });
    expect(body.items).toHaveLength(2);
    expect(body.page.totalItems).toBeGreaterThan(2);
    const dates = body.items.map((i: any) => i.startDate);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('answers 400 for unknown filters and sorts or a malformed key, 401 without credentials', async () => {
    const unknown = await myRequests('emma', { filter: { startedBy: 'mia' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('startedBy');
    const badSort = await myRequests('emma', { sort: [{ field: 'tenantId' }] });
    expect(badSort.status).toBe(400);
    const malformed = await get(engine, '/v2/my-requests/not-a-key', 'emma');
    expect(malformed.status).toBe(400);
    const anonymous = await engine.request('/v2/my-requests/search', { user: null, json: {} });
    expect(anonymous.status).toBe(401);
  });
});
