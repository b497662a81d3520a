import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementFixture } from '../fixtures/elements/index.js';
import { deployFixtures, get, startInstance } from '../fixtures/queries/scenario.js';
import { historyOf, send, tasksOf, variablesIn } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Claim, release, complete and update user tasks (docs/engine.md "User tasks"), as the demo
 * users: emma (sales), frank (finance), mia (managers, sales), anna (analyst, no groups) and
 * demo (admin). commands-tasks.bpmn offers one task each to the group sales (for-sales), the
 * user frank (for-frank), assigns one to mia (for-mia), offers one to no one in particular
 * (for-anyone) and one with output mappings to sales (with-outputs).
 */

let engine: TestEngine;

beforeAll(async () => {
  engine = await startTestEngine();
  await deployFixtures(engine, [elementFixture('commands-tasks.bpmn')]);
});
afterAll(async () => {
  await engine?.stop();
});

/** A fresh instance of commands-tasks: its key and its user task keys by element id. */
async function freshTasks(variables: Record<string, unknown> = {}): Promise<{ processInstanceKey: string; task: Record<string, string> }> {
  const processInstanceKey = await startInstance(engine, 'commands-tasks', variables);
  const task = Object.fromEntries((await tasksOf(engine, processInstanceKey)).map((t) => [t.elementId, t.userTaskKey]));
  return { processInstanceKey, task };
}

const claim = (key: string, user: string, assignee = user, extra: Record<string, unknown> = {}) => send(engine, 'POST', `/v2/user-tasks/${key}/assignment`, { assignee, ...extra }, user);
const release = (key: string, user: string) => send(engine, 'DELETE', `/v2/user-tasks/${key}/assignee`, undefined, user);
const complete = (key: string, user: string, variables: Record<string, unknown> = {}) => send(engine, 'POST', `/v2/user-tasks/${key}/completion`, { variables }, user);
const update = (key: string, user: string, changeset: Record<string, unknown>) => send(engine, 'PATCH', `/v2/user-tasks/${key}`, { changeset }, user);
const taskAs = async (key: string, user = 'demo') => get(engine, `/v2/user-tasks/${key}`, user);
const taskEvents = async (processInstanceKey: string, userTaskKey: string) =>
  (await historyOf(engine, processInstanceKey)).filter((e) => e.details?.userTaskKey === userTaskKey || e.details?.userTask?.userTaskKey === userTaskKey);

function expectProblem(result: { status: number; body: any }, status: number, code: string): void {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body.code).toBe(code);
}

describe('claim: POST /v2/user-tasks/{key}/assignment', () => {
  it('lets a member of a candidate group claim an unassigned task; the group still sees who has it', async () => {
    const { task } = await freshTasks();
    expect((await claim(task['for-sales']!, 'emma')).status).toBe(204);
    expect((await taskAs(task['for-sales']!)).body).toMatchObject({ assignee: 'emma', state: 'CREATED', candidateGroups: ['sales'] });
    expect((await taskAs(task['for-sales']!, 'mia')).body.assignee).toBe('emma');
    expect((await taskAs(task['for-sales']!, 'frank')).status).toBe(404);
  });

  it('lets a candidate user claim, and anyone claim a task offered to no one in particular', async () => {
    const { task } = await freshTasks();
    expect((await claim(task['for-frank']!, 'frank')).status).toBe(204);
    expect((await claim(task['for-anyone']!, 'anna')).status).toBe(204);
    expect((await taskAs(task['for-anyone']!)).body.assignee).toBe('anna');
    // once claimed, the task is no longer offered to everyone
    expect((await taskAs(task['for-anyone']!, 'emma')).status).toBe(404);
  });

  it('answers 404 for tasks the caller may not see, as for unknown ones', async () => {
    const { task } = await freshTasks();
    for (const [element, user] of [['for-sales', 'frank'], ['for-frank', 'emma'], ['for-mia', 'emma'], ['for-sales', 'anna']] as const) {
      const refused = await claim(task[element]!, user);
      expectProblem(refused, 404, 'USER_TASK.NOT_FOUND');
      expect(refused.body.detail).toBe(`No user task with key ${task[element]}`);
    }
    expectProblem(await claim('123456789', 'demo'), 404, 'USER_TASK.NOT_FOUND');
    expect((await taskAs(task['for-sales']!)).body).not.toHaveProperty('assignee');
  });

  it('refuses employees assigning someone else (403) and taking over a claimed task (409)', async () => {
    const { task } = await freshTasks();
    expectProblem(await claim(task['for-sales']!, 'emma', 'mia'), 403, 'USER_TASK.ASSIGN_FORBIDDEN');
    expect((await taskAs(task['for-sales']!)).body).not.toHaveProperty('assignee');

    expect((await claim(task['for-sales']!, 'emma')).status).toBe(204);
    const takeover = await claim(task['for-sales']!, 'mia');
    expectProblem(takeover, 409, 'USER_TASK.ALREADY_ASSIGNED');
    expect(takeover.body).toMatchObject({ title: 'CONFLICT', assignee: 'emma' });
    // claiming one's own task again is harmless
    expect((await claim(task['for-sales']!, 'emma')).status).toBe(204);
    expect((await taskAs(task['for-sales']!)).body.assignee).toBe('emma');
  });

  it('lets admins assign anyone, replacing the assignee unless allowOverride is false', async () => {
    const { processInstanceKey, task } = await freshTasks();
    const key = task['for-sales']!;
    expect((await claim(key, 'demo', 'frank')).status).toBe(204);
    // frank is no candidate, but sees the task now that it is his
    expect((await taskAs(key, 'frank')).body.assignee).toBe('frank');
    expectProblem(await claim(key, 'demo', 'emma', { allowOverride: false }), 409, 'USER_TASK.ALREADY_ASSIGNED');
    expect((await claim(key, 'demo', 'emma')).status).toBe(204);
    expect((await taskAs(key)).body.assignee).toBe('emma');
    const assignments = (await taskEvents(processInstanceKey, key)).filter((e) => e.eventType === 'USER_TASK_ASSIGNED').map((e) => `${e.actor} ${e.command} ${e.details.assignee}`);
    expect(assignments).toEqual(['demo ASSIGN_USER_TASK frank', 'demo ASSIGN_USER_TASK emma']);
  });

  it('accepts an assignee Baton has no user for, as Camunda does (the assignee is an id from the identity provider)', async () => {
    // Given a task offered to sales, when an admin assigns it to someone who signs in elsewhere
    const { processInstanceKey, task } = await freshTasks();
    const key = task['for-sales']!;
    expect((await claim(key, 'demo', 'jane.doe@partner.example')).status).toBe(204);
    // Then the task is theirs, recorded like any assignment, and sales sees who has it
    expect((await taskAs(key)).body).toMatchObject({ assignee: 'jane.doe@partner.example', state: 'CREATED', candidateGroups: ['sales'] });
    expect((await taskAs(key, 'emma')).body.assignee).toBe('jane.doe@partner.example');
    const assignments = (await taskEvents(processInstanceKey, key)).filter((e) => e.eventType === 'USER_TASK_ASSIGNED').map((e) => `${e.actor} ${e.details.assignee}`);
    expect(assignments).toEqual(['demo jane.doe@partner.example']);
    // ...so a colleague cannot complete it, and an admin can hand it back
    expectProblem(await complete(key, 'emma'), 409, 'USER_TASK.ASSIGNED_TO_OTHER');
    expect((await release(key, 'demo')).status).toBe(204);
    expect((await claim(key, 'emma')).status).toBe(204);
  });

  it('answers 400 for a body without an assignee', async () => {
    const { task } = await freshTasks();
    expectProblem(await send(engine, 'POST', `/v2/user-tasks/${task['for-sales']}/assignment`, {}, 'emma'), 400, 'REQUEST.INVALID_BODY');
    expectProblem(await claim(task['for-sales']!, 'emma', ''), 400, 'REQUEST.INVALID_BODY');
    expectProblem(await claim(task['for-sales']!, 'emma', 'emma', { allowOverride: 'yes' }), 400, 'REQUEST.INVALID_BODY');
    expectProblem(await claim('abc', 'emma'), 400, 'REQUEST.INVALID_KEY');
  });
});

describe('release: DELETE /v2/user-tasks/{key}/assignee', () => {
  it('lets the assignee release a task, which is offered to its candidates again', async () => {
    const { task } = await freshTasks();
    expect((await claim(task['for-sales']!, 'emma')).status).toBe(204);
    expect((await release(task['for-sales']!, 'emma')).status).toBe(204);
    expect((await taskAs(task['for-sales']!)).body).not.toHaveProperty('assignee');
    expect((await claim(task['for-sales']!, 'mia')).status).toBe(204);
  });

  it('turns a released direct assignment into a task offered to everyone', async () => {
    const { task } = await freshTasks();
    expect((await taskAs(task['for-mia']!, 'emma')).status).toBe(404);
    expect((await release(task['for-mia']!, 'mia')).status).toBe(204);
    expect((await taskAs(task['for-mia']!, 'emma')).body).toMatchObject({ candidateGroups: [], candidateUsers: [] });
    expect((await taskAs(task['for-mia']!, 'emma')).body).not.toHaveProperty('assignee');
  });

  it('refuses colleagues (403) and lets admins release anyone', async () => {
    const { task } = await freshTasks();
    expect((await claim(task['for-sales']!, 'emma')).status).toBe(204);
    expectProblem(await release(task['for-sales']!, 'mia'), 403, 'USER_TASK.UNASSIGN_FORBIDDEN');
    expect((await taskAs(task['for-sales']!)).body.assignee).toBe('emma');
    expect((await release(task['for-sales']!, 'demo')).status).toBe(204);
    expect((await taskAs(task['for-sales']!)).body).not.toHaveProperty('assignee');
  });

  it('accepts releasing an unassigned task and records nothing', async () => {
    const { processInstanceKey, task } = await freshTasks();
    expect((await release(task['for-sales']!, 'emma')).status).toBe(204);
    expect((await taskEvents(processInstanceKey, task['for-sales']!)).map((e) => e.eventType)).toEqual(['USER_TASK_CREATED']);
    expectProblem(await release(task['for-sales']!, 'frank'), 404, 'USER_TASK.NOT_FOUND');
  });
});

describe('complete: POST /v2/user-tasks/{key}/completion', () => {
  it('lets the assignee complete; the variables propagate (updated where they live, else created at the root)', async () => {
    const { processInstanceKey, task } = await freshTasks({ score: 1 });
    expect((await complete(task['for-mia']!, 'mia', { score: 3, decision: 'ok', detail: { by: 'mia' } })).status).toBe(204);
    expect((await taskAs(task['for-mia']!)).body).toMatchObject({ state: 'COMPLETED', assignee: 'mia', completionDate: expect.stringMatching(/Z$/) });
    expect(await variablesIn(engine, processInstanceKey)).toEqual({ score: 3, decision: 'ok', detail: { by: 'mia' } });
    const element = (await get(engine, `/v2/element-instances/${(await taskAs(task['for-mia']!)).body.elementInstanceKey}`)).body;
    expect(element).toMatchObject({ elementId: 'for-mia', state: 'COMPLETED' });
    expect(await variablesIn(engine, element.elementInstanceKey)).toEqual({});
  });

  it('refuses a task assigned to someone else, for admins too (409), and keeps it open', async () => {
    const { task } = await freshTasks();
    expect((await claim(task['for-sales']!, 'emma')).status).toBe(204);
    for (const user of ['mia', 'demo']) {
      const refused = await complete(task['for-sales']!, user);
      expectProblem(refused, 409, 'USER_TASK.ASSIGNED_TO_OTHER');
      expect(refused.body.assignee).toBe('emma');
    }
    expect((await taskAs(task['for-sales']!)).body.state).toBe('CREATED');
  });

  it('assigns an unassigned task to whoever completes it, in the task and in the history', async () => {
    const { processInstanceKey, task } = await freshTasks();
    expect((await complete(task['for-frank']!, 'frank', { checked: true })).status).toBe(204);
    expect((await taskAs(task['for-frank']!)).body).toMatchObject({ state: 'COMPLETED', assignee: 'frank' });
    const events = (await taskEvents(processInstanceKey, task['for-frank']!)).map((e) => `${e.actor} ${e.command} ${e.eventType} ${e.details.assignee ?? ''}`.trim());
    expect(events).toEqual(['demo CREATE_PROCESS_INSTANCE USER_TASK_CREATED', 'frank COMPLETE_USER_TASK USER_TASK_ASSIGNED frank', 'frank COMPLETE_USER_TASK USER_TASK_COMPLETED']);
    // an admin completing an open task becomes its assignee as well
    expect((await complete(task['for-anyone']!, 'demo')).status).toBe(204);
    expect((await taskAs(task['for-anyone']!)).body).toMatchObject({ state: 'COMPLETED', assignee: 'demo' });
  });

  it('answers 404 to a second completion: a completed task is no longer open in its instance (as in Zeebe)', async () => {
    // The task stays readable (GET answers it COMPLETED), but commands act on open tasks only,
    // so a repeated completion (e.g. a retried request) changes nothing and is answered like
    // Zeebe's rejection of a user task that is gone: 404, never a second completion.
    const { processInstanceKey, task } = await freshTasks();
    expect((await complete(task['for-mia']!, 'mia', { round: 1 })).status).toBe(204);
    const again = await complete(task['for-mia']!, 'mia', { round: 2 });
    expectProblem(again, 404, 'USER_TASK.NOT_FOUND');
    expect((await variablesIn(engine, processInstanceKey)).round).toBe(1);
    expect((await taskEvents(processInstanceKey, task['for-mia']!)).filter((e) => e.eventType === 'USER_TASK_COMPLETED')).toHaveLength(1);
    // Someone else retrying is told the task belongs to its assignee (the assignee check comes first).
    expectProblem(await complete(task['for-mia']!, 'demo'), 409, 'USER_TASK.ASSIGNED_TO_OTHER');
    // Claiming or changing a completed task is answered alike.
    expectProblem(await claim(task['for-mia']!, 'mia'), 404, 'USER_TASK.NOT_FOUND');
    expectProblem(await update(task['for-mia']!, 'mia', { priority: 1 }), 404, 'USER_TASK.NOT_FOUND');
  });

  it('answers 404 for the tasks of a canceled instance, which are CANCELED', async () => {
    const { processInstanceKey, task } = await freshTasks();
    expect((await send(engine, 'POST', `/v2/process-instances/${processInstanceKey}/cancellation`)).status).toBe(204);
    expect((await taskAs(task['for-sales']!)).body.state).toBe('CANCELED');
    expectProblem(await complete(task['for-sales']!, 'emma'), 404, 'USER_TASK.NOT_FOUND');
  });

  it('keeps completion variables local to the task when it has output mappings; only the mapped values propagate', async () => {
    const { processInstanceKey, task } = await freshTasks();
    const taskBody = (await taskAs(task['with-outputs']!)).body;
    expect((await complete(task['with-outputs']!, 'emma', { decision: 'yes', comment: 'fine by me', extra: 1 })).status).toBe(204);
    expect(await variablesIn(engine, processInstanceKey)).toEqual({ approvedBySales: true, salesComment: 'fine by me' });
    expect(await variablesIn(engine, taskBody.elementInstanceKey)).toEqual({ decision: 'yes', comment: 'fine by me', extra: 1 });
  });

  it('answers 404 for tasks the caller may not see and 400 for bad bodies', async () => {
    const { task } = await freshTasks();
    expectProblem(await complete(task['for-sales']!, 'frank'), 404, 'USER_TASK.NOT_FOUND');
    expectProblem(await send(engine, 'POST', `/v2/user-tasks/${task['for-sales']}/completion`, { variables: [1] }, 'emma'), 400, 'REQUEST.INVALID_BODY');
    expectProblem(await send(engine, 'POST', `/v2/user-tasks/${task['for-sales']}/completion`, { variables: {}, colour: 'red' }, 'emma'), 400, 'REQUEST.INVALID_BODY');
    expect((await taskAs(task['for-sales']!)).body.state).toBe('CREATED');
    // a completion without a body is a completion without variables
    expect((await send(engine, 'POST', `/v2/user-tasks/${task['for-sales']}/completion`, undefined, 'emma')).status).toBe(204);
  });
});

describe('update: PATCH /v2/user-tasks/{key}', () => {
  it('lets an admin change dates, candidates and priority, which GET and visibility reflect', async () => {
    const { processInstanceKey, task } = await freshTasks();
    const key = task['for-sales']!;
    const changed = await update(key, 'demo', {
      dueDate: '2031-02-03T10:00:00+01:00',
      followUpDate: '2031-02-01T09:00:00Z',
      candidateGroups: ['finance'],
      candidateUsers: ['anna'],
      priority: 77,
    });
    expect(changed.status).toBe(204);
    expect((await taskAs(key)).body).toMatchObject({
      dueDate: '2031-02-03T09:00:00.000Z',
      followUpDate: '2031-02-01T09:00:00.000Z',
      candidateGroups: ['finance'],
      candidateUsers: ['anna'],
      priority: 77,
      state: 'CREATED',
    });
    expect((await taskAs(key, 'emma')).status).toBe(404);
    expect((await taskAs(key, 'frank')).status).toBe(200);
    expect((await taskAs(key, 'anna')).status).toBe(200);
    const updated = (await taskEvents(processInstanceKey, key)).find((e) => e.eventType === 'USER_TASK_UPDATED');
    expect(updated).toMatchObject({ actor: 'demo', command: 'UPDATE_USER_TASK' });
    expect(updated.details.changes).toEqual({
      dueDate: '2031-02-03T09:00:00.000Z',
      followUpDate: '2031-02-01T09:00:00.000Z',
      candidateGroups: ['finance'],
      candidateUsers: ['anna'],
      priority: 77,
    });
  });

  it('changes only what the changeset names', async () => {
    const { task } = await freshTasks();
    const key = task['for-sales']!;
    expect((await update(key, 'demo', { dueDate: '2031-01-01T00:00:00Z', priority: 10 })).status).toBe(204);
    expect((await update(key, 'demo', { followUpDate: '2030-12-01T00:00:00Z' })).status).toBe(204);
    expect((await taskAs(key)).body).toMatchObject({ dueDate: '2031-01-01T00:00:00.000Z', followUpDate: '2030-12-01T00:00:00.000Z', priority: 10, candidateGroups: ['sales'] });
  });

  it('keeps values given as null; clears dates with an empty string and candidates with an empty list (Camunda 8.8 changeset rules)', async () => {
    const { task } = await freshTasks();
    const key = task['for-sales']!;
    const set = { dueDate: '2031-01-01T00:00:00Z', followUpDate: '2030-12-01T00:00:00Z', candidateUsers: ['frank'], priority: 10 };
    expect((await update(key, 'demo', set)).status).toBe(204);
    const before = (await taskAs(key)).body;

    expect((await update(key, 'demo', { dueDate: null, followUpDate: null, candidateGroups: null, candidateUsers: null, priority: null })).status).toBe(204);
    const afterNulls = (await taskAs(key)).body;
    expect(afterNulls.priority).toBe(10);
    expect(afterNulls).toEqual(before);

    expect((await update(key, 'demo', { candidateGroups: [], candidateUsers: [] })).status).toBe(204);
    expect((await taskAs(key)).body).toMatchObject({ candidateGroups: [], candidateUsers: [] });

    const other = (await freshTasks()).task['for-sales']!;
    expect((await update(other, 'demo', { dueDate: '2031-01-01T00:00:00Z', followUpDate: '2030-12-01T00:00:00Z' })).status).toBe(204);
    const clearing = await update(other, 'demo', { dueDate: '', followUpDate: '' });
    expect(clearing.status).toBe(204);
    expect((await taskAs(other)).body).not.toHaveProperty('dueDate');
    expect((await taskAs(other)).body).not.toHaveProperty('followUpDate');
  });

  it('lets the assignee update, not a candidate who has not claimed the task (403)', async () => {
    const { task } = await freshTasks();
    const key = task['for-sales']!;
    expectProblem(await update(key, 'emma', { priority: 90 }), 403, 'USER_TASK.UPDATE_FORBIDDEN');
    expect((await claim(key, 'emma')).status).toBe(204);
    expect((await update(key, 'emma', { priority: 90 })).status).toBe(204);
    expect((await taskAs(key)).body.priority).toBe(90);
    expectProblem(await update(key, 'mia', { priority: 1 }), 403, 'USER_TASK.UPDATE_FORBIDDEN');
    expectProblem(await update(key, 'frank', { priority: 1 }), 404, 'USER_TASK.NOT_FOUND');
  });

  it('records nothing for an empty changeset', async () => {
    const { processInstanceKey, task } = await freshTasks();
    expect((await update(task['for-sales']!, 'demo', {})).status).toBe(204);
    expect((await send(engine, 'PATCH', `/v2/user-tasks/${task['for-sales']}`, {}, 'demo')).status).toBe(204);
    expect((await taskEvents(processInstanceKey, task['for-sales']!)).map((e) => e.eventType)).toEqual(['USER_TASK_CREATED']);
  });

  it('answers 400 naming the field for invalid changes', async () => {
    const { task } = await freshTasks();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ priority: 101 }, 'changeset.priority'],
      [{ priority: 2.5 }, 'changeset.priority'],
      [{ dueDate: 'tomorrow' }, 'changeset.dueDate'],
      [{ followUpDate: 20310101 }, 'changeset.followUpDate'],
      [{ candidateGroups: 'sales' }, 'changeset.candidateGroups'],
      [{ candidateUsers: [1] }, 'changeset.candidateUsers'],
    ];
    for (const [changeset, property] of cases) {
      const result = await update(task['for-sales']!, 'demo', changeset);
      expectProblem(result, 400, 'REQUEST.INVALID_BODY');
      expect(result.body.violations.map((v: any) => v.property), JSON.stringify(changeset)).toContain(property);
    }
    expect((await taskAs(task['for-sales']!)).body).toMatchObject({ priority: 50, candidateGroups: ['sales'] });
  });

  it('never changes the assignee (Baton refuses the unknown property with 400, where Camunda ignores it)', async () => {
    const { task } = await freshTasks();
    const result = await update(task['for-sales']!, 'demo', { assignee: 'emma' });
    expectProblem(result, 400, 'REQUEST.INVALID_BODY');
    expect(result.body.violations.map((v: any) => v.property)).toEqual(['changeset.assignee']);
    expect((await taskAs(task['for-sales']!)).body).not.toHaveProperty('assignee');
  });
});

describe('concurrent commands on one task', () => {
  const ROUNDS = 10;

  it('two colleagues claiming the same task at once: one gets it, the other is told who has it (409)', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const key = (await freshTasks()).task['for-sales']!;
      const [emma, mia] = await Promise.all([claim(key, 'emma'), claim(key, 'mia')]);
      const assignee = (await taskAs(key)).body.assignee;
      expect(['emma', 'mia']).toContain(assignee);
      expect([emma.status, mia.status]).toContain(204);
      const loser = assignee === 'emma' ? mia : emma;
      expectProblem(loser, 409, 'USER_TASK.ALREADY_ASSIGNED');
      expect(loser.body.assignee).toBe(assignee);
    }
  });

  it('a completion racing a claim by a colleague never completes the task the colleague has claimed', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const key = (await freshTasks()).task['for-sales']!;
      const [claimed, completed] = await Promise.all([claim(key, 'emma'), complete(key, 'mia')]);
      const after = (await taskAs(key)).body;
      expect([claimed.status, completed.status]).toContain(204);
      expect(after.state === 'COMPLETED' || after.assignee === 'emma').toBe(true);
      expect([claimed.status, completed.status]).not.toEqual([204, 204]);
      if (after.state === 'COMPLETED') expect(after.assignee).toBe('mia');
    }
  });
});
