import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementTrail, send } from '../support/process-api.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * The README's "Walkthrough: expense approval with curl", call for call, against an engine that
 * deployed processes/ at start (as `npm start` does), and the paths the README only describes.
 */

let engine: TestEngine;
let readme: string;

beforeAll(async () => {
  engine = await startTestEngine({ processesDir: 'processes' });
  const text = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  readme = text.slice(text.indexOf('## Walkthrough: expense approval with curl'), text.indexOf('## The REST API'));
});
afterAll(async () => {
  await engine?.stop();
});

/** The request bodies exactly as the README's curl commands send them. */
const BODIES = {
  submit: '{"processDefinitionId":"expense-approval","businessId":"EXP-1042","variables":{"amount":2500,"category":"travel","expenseDate":"2025-03-14","description":"Flights to the Lisbon customer workshop"}}',
  openTasks: '{"filter":{"state":"CREATED"}}',
  claim: '{"assignee":"mia"}',
  approve: '{"variables":{"approved":true,"managerComment":"Fine, the workshop is confirmed."}}',
  financeApprove: '{"variables":{"financeApproved":true,"financeComment":"Booked on cost centre 4711."}}',
};

/** curl -u user:user -H 'Content-Type: application/json' -d body URL (or a GET without -d). */
const curl = (user: string, path: string, body?: string) => send(engine, body === undefined ? 'GET' : 'POST', path, body === undefined ? undefined : JSON.parse(body), user);
/** `jq '.items[] | {userTaskKey, name, candidateGroups, priority, processInstanceKey}'` */
const openTasksOf = async (user: string) =>
  (await curl(user, '/v2/user-tasks/search', BODIES.openTasks)).body.items.map((t: any) => ({ userTaskKey: t.userTaskKey, name: t.name, candidateGroups: t.candidateGroups, priority: t.priority, processInstanceKey: t.processInstanceKey }));
/** emma submits an expense; returns the instance key. */
async function submit(variables: Record<string, unknown>, businessId: string): Promise<string> {
  const { status, body } = await curl('emma', '/v2/process-instances', JSON.stringify({ processDefinitionId: 'expense-approval', businessId, variables }));
  expect(status).toBe(200);
  return body.processInstanceKey;
}
async function taskOf(user: string, processInstanceKey: string): Promise<string> {
  const [task] = (await openTasksOf(user)).filter((t: any) => t.processInstanceKey === processInstanceKey);
  return task.userTaskKey;
}

describe('README walkthrough: 2500 EUR approved by mia and finance', () => {
  const keys: { instance?: string; approval?: string; review?: string; definition?: string } = {};

  it('shows these very requests', () => {
    for (const body of Object.values(BODIES)) expect(readme).toContain(`'${body}'`);
    for (const path of ['/v2/process-instances', '/v2/user-tasks/search', '/assignment', '/completion', '/variables/search', '/form', '/history', '/v2/variables/search']) {
      expect(readme).toContain(path);
    }
  });

  it('emma submits the expense', async () => {
    const { status, body } = await curl('emma', '/v2/process-instances', BODIES.submit);
    expect(status).toBe(200);
    expect(body).toEqual({
      processDefinitionId: 'expense-approval',
      processDefinitionVersion: 1,
      tenantId: '<default>',
      variables: {},
      processDefinitionKey: expect.stringMatching(/^\d+$/),
      processInstanceKey: expect.stringMatching(/^\d+$/),
      businessId: 'EXP-1042',
    });
    keys.instance = body.processInstanceKey;
    keys.definition = body.processDefinitionKey;
    // the same business id again, while the first runs: refused with the first one's key
    const again = await curl('emma', '/v2/process-instances', BODIES.submit);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'PROCESS_INSTANCE.BUSINESS_ID_IN_USE', processInstanceKey: keys.instance });
  });

  it('mia finds the approval (priority 80 above 1000); emma does not see it', async () => {
    const tasks = await openTasksOf('mia');
    expect(tasks).toEqual([{ userTaskKey: expect.stringMatching(/^\d+$/), name: 'Approve expense', candidateGroups: ['managers'], priority: 80, processInstanceKey: keys.instance }]);
    keys.approval = tasks[0].userTaskKey;
    expect(await openTasksOf('emma')).toEqual([]);
  });

  it("mia reads the task's variables and form", async () => {
    const variables = await curl('mia', `/v2/user-tasks/${keys.approval}/variables/search`, '{}');
    expect(variables.body.items.map((v: any) => ({ name: v.name, value: v.value }))).toEqual([
      { name: 'amount', value: '2500' },
      { name: 'category', value: '"travel"' },
      { name: 'description', value: '"Flights to the Lisbon customer workshop"' },
      { name: 'expenseDate', value: '"2025-03-14"' },
    ]);
    const form = await curl('mia', `/v2/user-tasks/${keys.approval}/form`);
    expect({ formId: form.body.formId, version: form.body.version, fields: form.body.schema.components.map((c: any) => c.key).filter(Boolean) }).toEqual({
      formId: 'approve-expense',
      version: 1,
      fields: ['approved', 'managerComment'],
    });
  });

  it('mia claims and approves: 204 each', async () => {
    expect((await curl('mia', `/v2/user-tasks/${keys.approval}/assignment`, BODIES.claim)).status).toBe(204);
    expect((await curl('mia', `/v2/user-tasks/${keys.approval}/completion`, BODIES.approve)).status).toBe(204);
  });

  it('frank finds the finance review and completes it without claiming it', async () => {
    const tasks = await openTasksOf('frank');
    expect(tasks).toEqual([{ userTaskKey: expect.stringMatching(/^\d+$/), name: 'Review expense (finance)', candidateGroups: ['finance'], priority: 70, processInstanceKey: keys.instance }]);
    keys.review = tasks[0].userTaskKey;
    expect((await curl('frank', `/v2/user-tasks/${keys.review}/completion`, BODIES.financeApprove)).status).toBe(204);
    expect((await curl('frank', `/v2/user-tasks/${keys.review}`)).body).toMatchObject({ state: 'COMPLETED', assignee: 'frank' });
  });

  it('demo sees the completed instance', async () => {
    const { status, body } = await curl('demo', `/v2/process-instances/${keys.instance}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      processDefinitionId: 'expense-approval',
      processDefinitionName: 'Expense approval',
      processDefinitionVersion: 1,
      startDate: expect.stringMatching(/Z$/),
      endDate: expect.stringMatching(/Z$/),
      state: 'COMPLETED',
      hasIncident: false,
      tenantId: '<default>',
      processInstanceKey: keys.instance,
      processDefinitionKey: keys.definition,
      businessId: 'EXP-1042',
    });
  });

  it('demo sees its variables', async () => {
    const { body } = await curl('demo', '/v2/variables/search', JSON.stringify({ filter: { processInstanceKey: keys.instance } }));
    expect(body.items.map((v: any) => `${v.name} = ${v.value}`)).toEqual([
      'amount = 2500',
      'category = "travel"',
      'expenseDate = "2025-03-14"',
      'description = "Flights to the Lisbon customer workshop"',
      'approved = true',
      'managerComment = "Fine, the workshop is confirmed."',
      'financeApproved = true',
      'financeComment = "Booked on cost centre 4711."',
      'outcome = "approved by finance"',
    ]);
  });

  it('demo reads the history: who did what, 59 events', async () => {
    const { body } = await curl('demo', `/v2/process-instances/${keys.instance}/history`);
    expect(body.page).toEqual({ totalItems: 59, nextFrom: null });
    const shown = body.items
      .filter((e: any) => e.eventType === 'ELEMENT_COMPLETED' || e.eventType.startsWith('USER_TASK'))
      .map((e: any) => `${e.position} ${e.actor} ${e.eventType} ${e.elementId}`);
    expect(shown).toEqual([
      '11 emma ELEMENT_COMPLETED expense-submitted',
      '14 emma USER_TASK_CREATED approve-expense',
      '16 mia USER_TASK_ASSIGNED approve-expense',
      '17 mia USER_TASK_COMPLETED approve-expense',
      '21 mia ELEMENT_COMPLETED approve-expense',
      '26 mia ELEMENT_COMPLETED manager-decision',
      '31 mia ELEMENT_COMPLETED amount-check',
      '34 mia USER_TASK_CREATED finance-review',
      '36 frank USER_TASK_ASSIGNED finance-review',
      '37 frank USER_TASK_COMPLETED finance-review',
      '41 frank ELEMENT_COMPLETED finance-review',
      '46 frank ELEMENT_COMPLETED finance-decision',
      '52 frank ELEMENT_COMPLETED record-approval',
      '57 frank ELEMENT_COMPLETED expense-approved',
      '59 frank ELEMENT_COMPLETED expense-approval',
    ]);
  });
});

describe('the other paths', () => {
  const variables = (amount: number) => ({ amount, category: 'meals', expenseDate: '2025-03-20', description: 'Team lunch' });

  it('1000 or less: approved by the manager alone, no finance review', async () => {
    const key = await submit(variables(1000), 'EXP-2001');
    const approval = await taskOf('mia', key);
    expect((await openTasksOf('mia')).find((t: any) => t.userTaskKey === approval).priority).toBe(50);
    expect((await curl('mia', `/v2/user-tasks/${approval}/completion`, BODIES.approve)).status).toBe(204);
    expect((await curl('demo', `/v2/process-instances/${key}`)).body.state).toBe('COMPLETED');
    expect(await elementTrail(engine, key)).toEqual([
      'expense-approval PROCESS COMPLETED',
      'expense-submitted START_EVENT COMPLETED',
      'approve-expense USER_TASK COMPLETED',
      'manager-decision EXCLUSIVE_GATEWAY COMPLETED',
      'amount-check EXCLUSIVE_GATEWAY COMPLETED',
      'record-approval SCRIPT_TASK COMPLETED',
      'expense-approved END_EVENT COMPLETED',
    ]);
    const outcome = (await curl('demo', '/v2/variables/search', JSON.stringify({ filter: { processInstanceKey: key, name: 'outcome' } }))).body.items;
    expect(outcome.map((v: any) => v.value)).toEqual(['"approved by manager"']);
    expect((await openTasksOf('frank')).filter((t: any) => t.processInstanceKey === key)).toEqual([]);
  });

  it('rejected by the manager: ends at Expense rejected, without an outcome', async () => {
    const key = await submit(variables(2500), 'EXP-2002');
    const approval = await taskOf('mia', key);
    expect((await curl('mia', `/v2/user-tasks/${approval}/completion`, '{"variables":{"approved":false,"managerComment":"Not in the budget."}}')).status).toBe(204);
    expect((await curl('demo', `/v2/process-instances/${key}`)).body.state).toBe('COMPLETED');
    expect((await elementTrail(engine, key)).slice(-2)).toEqual(['manager-decision EXCLUSIVE_GATEWAY COMPLETED', 'expense-rejected END_EVENT COMPLETED']);
    const names = (await curl('demo', '/v2/variables/search', JSON.stringify({ filter: { processInstanceKey: key } }))).body.items.map((v: any) => v.name);
    expect(names).not.toContain('outcome');
    expect((await openTasksOf('frank')).filter((t: any) => t.processInstanceKey === key)).toEqual([]);
  });

  it('rejected by finance: ends at Rejected by finance', async () => {
    const key = await submit(variables(5000), 'EXP-2003');
    expect((await curl('mia', `/v2/user-tasks/${await taskOf('mia', key)}/completion`, BODIES.approve)).status).toBe(204);
    expect((await curl('frank', `/v2/user-tasks/${await taskOf('frank', key)}/completion`, '{"variables":{"financeApproved":false}}')).status).toBe(204);
    expect((await elementTrail(engine, key)).slice(-3)).toEqual([
      'finance-review USER_TASK COMPLETED',
      'finance-decision EXCLUSIVE_GATEWAY COMPLETED',
      'expense-rejected-by-finance END_EVENT COMPLETED',
    ]);
    expect((await curl('demo', `/v2/process-instances/${key}`)).body.state).toBe('COMPLETED');
  });
});
