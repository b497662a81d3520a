import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY } from '../src/index.js';
import { completes, CoreHarness, DEFAULT_NOW, passes } from './support/core-harness.js';

/**
 * Camunda user tasks (docs.camunda.io/docs/components/modeler/bpmn/user-tasks/): assignment
 * (assignee, candidate groups and users as static comma lists or FEEL), schedule (due and
 * follow-up date), priority (0..100, default 50) and a form: linked (formId), external
 * reference, or a legacy embedded zeebe:userTaskForm. Attribute expressions that fail are
 * incidents EXTRACT_VALUE_ERROR; a linked form that is not deployed is FORM_NOT_FOUND.
 */
describe('user task', () => {
  describe('creation', () => {
    it('with static attributes', async () => {
      const h = await CoreHarness.load('user-task-static.bpmn', { formKeys: { 'approve-form': '777' } });

      expect(h.create()).toEqual([
        'PROCESS_INSTANCE_CREATED user-task-static',
        'ELEMENT_ACTIVATING user-task-static',
        'ELEMENT_ACTIVATED user-task-static',
        ...passes('start'),
        'SEQUENCE_FLOW_TAKEN f-start',
        'ELEMENT_ACTIVATING approve',
        'USER_TASK_CREATED approve',
        'ELEMENT_ACTIVATED approve',
      ]);
      expect(h.userTask('approve')).toEqual({
        userTaskKey: '4',
        elementInstanceKey: '3',
        elementId: 'approve',
        name: 'Approve order',
        state: 'CREATED',
        assignee: 'alice',
        candidateGroups: ['managers', 'finance'],
        candidateUsers: ['bob', 'carol'],
        dueDate: '2026-05-01T15:00:00.000Z',
        followUpDate: '2026-04-30T09:00:00.000Z',
        priority: 70,
        formKey: '777',
        embeddedFormId: null,
        externalFormReference: null,
        customHeaders: { department: 'finance' },
        creationDate: DEFAULT_NOW,
        completionDate: null,
      });
    });

    it('with FEEL attributes, evaluated against the variables and the command clock', async () => {
      const h = await CoreHarness.load('user-task-feel.bpmn');

      h.create({ owner: 'olga', groups: ['g1', ' g2 ', 'g1'], due: '2026-04-01T12:00:00+01:00', prio: 99, orderId: 42 });

      expect(h.userTask('review')).toMatchObject({
        assignee: 'olga',
        candidateGroups: ['g1', 'g2'],
        // a FEEL string is split like a static list
        candidateUsers: ['dave', 'erin'],
        dueDate: '2026-04-01T11:00:00.000Z',
        // now() + duration("P2D") with now() = the command's time
        followUpDate: '2026-03-04T09:00:00.000Z',
        priority: 99,
        formKey: null,
        externalFormReference: 'https://forms.example.com/orders/42',
      });
    });

    it('a FEEL date-time with a region is read at its offset', async () => {
      const h = await CoreHarness.load('user-task-feel.bpmn');

      h.create({ owner: 'o', groups: [], due: '2026-04-01T12:00:00+02:00[Europe/Berlin]', prio: 1, orderId: 1 });

      expect(h.userTask('review').dueDate).toBe('2026-04-01T10:00:00.000Z');
    });

    it('FEEL attributes that are null leave the task unassigned and unscheduled', async () => {
      const h = await CoreHarness.load('user-task-feel.bpmn');

      h.create({ owner: null, groups: null, due: null, prio: 0, orderId: 1 });

      expect(h.userTask('review')).toMatchObject({ assignee: null, candidateGroups: [], dueDate: null, priority: 0 });
    });

    it('with no attributes: unassigned, no candidates, no schedule, priority 50, no form', async () => {
      const h = await CoreHarness.load('user-task-defaults.bpmn');

      h.create();

      expect(DEFAULT_PRIORITY).toBe(50);
      expect(h.userTask('task')).toMatchObject({
        name: 'Do it',
        assignee: null,
        candidateGroups: [],
        candidateUsers: [],
        dueDate: null,
        followUpDate: null,
        priority: 50,
        formKey: null,
        embeddedFormId: null,
        externalFormReference: null,
        customHeaders: {},
      });
    });

    it('a legacy embedded form (zeebe:userTaskForm) is referenced by its form key', async () => {
      const h = await CoreHarness.load('user-task-embedded.bpmn');

      h.create();

      expect(h.userTask('legacy')).toMatchObject({ embeddedFormId: 'camunda-forms:bpmn:UserTaskForm_ok', formKey: null, externalFormReference: null });
    });
  });

  describe('attribute expressions that fail raise EXTRACT_VALUE_ERROR and create no task', () => {
    const valid = { owner: 'olga', groups: ['g1'], due: '2026-04-01T12:00:00+01:00', prio: 10, orderId: 42 };

    it.each([
      ['assignee not a string', { owner: 5 }, "Expected result of the expression 'owner' to be 'STRING', but was 'NUMBER'."],
      ['priority out of range', { prio: 200 }, "Expected the result of 'prio' (200) to be an integer between 0 and 100"],
      ['priority not an integer', { prio: 2.5 }, "Expected the result of 'prio' (2.5) to be an integer between 0 and 100"],
      ['due date not a date', { due: 'tomorrow' }, 'Expected the result of \'due\' ("tomorrow") to be a date-time with offset, like 2026-05-01T17:00:00+02:00'],
      // regression: a date-time without offset used to be read in the host's time zone
      ['due date without offset', { due: '2026-04-01T12:00:00' }, 'Expected the result of \'due\' ("2026-04-01T12:00:00") to be a date-time with offset, like 2026-05-01T17:00:00+02:00'],
      ['due date on a day that does not exist', { due: '2026-02-30T12:00:00Z' }, 'Expected the result of \'due\' ("2026-02-30T12:00:00Z") to be a date-time with offset, like 2026-05-01T17:00:00+02:00'],
      ['candidate groups not a list of strings', { groups: [1, 2] }, "Expected result of the expression 'groups' to be 'ARRAY' of strings or 'STRING', but was [1,2]."],
    ])('%s', async (_, variables, message) => {
      const h = await CoreHarness.load('user-task-feel.bpmn');

      expect(h.create({ ...valid, ...variables }).slice(-2)).toEqual(['ELEMENT_ACTIVATING review', 'INCIDENT_CREATED review EXTRACT_VALUE_ERROR']);
      expect(h.incident('review').errorMessage).toBe(message);
      expect(h.element('review').lifecycle).toBe('ACTIVATING');
      expect(h.snapshot.userTasks).toEqual([]);
    });

    it('resolving after SET_VARIABLES creates the task', async () => {
      const h = await CoreHarness.load('user-task-feel.bpmn');
      h.create({ ...valid, owner: 5 });
      h.setVariables({ owner: 'oscar' });

      expect(h.resolveIncident('review')).toEqual(['INCIDENT_RESOLVED review', 'USER_TASK_CREATED review', 'ELEMENT_ACTIVATED review']);
      expect(h.userTask('review').assignee).toBe('oscar');
    });
  });

  describe('linked form', () => {
    it('a form id that does not resolve raises FORM_NOT_FOUND', async () => {
      const h = await CoreHarness.load('user-task-static.bpmn');

      expect(h.create().slice(-2)).toEqual(['ELEMENT_ACTIVATING approve', 'INCIDENT_CREATED approve FORM_NOT_FOUND']);
      expect(h.incident('approve')).toMatchObject({
        errorType: 'FORM_NOT_FOUND',
        errorMessage: "Expected to find a form with id 'approve-form' for user task 'approve', but no such form is deployed",
        retry: 'ACTIVATE',
      });
    });

    it('resolving once the form is deployed creates the task with its key', async () => {
      const h = await CoreHarness.load('user-task-static.bpmn');
      h.create();
      h.formKeys['approve-form'] = '778';

      expect(h.resolveIncident('approve')).toEqual(['INCIDENT_RESOLVED approve', 'USER_TASK_CREATED approve', 'ELEMENT_ACTIVATED approve']);
      expect(h.userTask('approve').formKey).toBe('778');
    });
  });

  it('with output mappings: the completion variables stay local and the outputs are merged into the flow scope', async () => {
    const h = await CoreHarness.load('user-task-outputs.bpmn');
    h.create({ request: { amount: 200 } });
    expect(h.variables('decide')).toEqual({ amount: 200 });

    expect(h.completeUserTask('decide', { approved: true, comment: 'ok' })).toEqual([
      'USER_TASK_ASSIGNED decide assignee=tester',
      'USER_TASK_COMPLETED decide [approved,comment]',
      'ELEMENT_COMPLETING decide',
      'VARIABLE_CREATED approved=true @decide',
      'VARIABLE_CREATED comment="ok" @decide',
      'VARIABLE_CREATED decision={"approved":true,"comment":"ok"} @user-task-outputs',
      'ELEMENT_COMPLETED decide',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('user-task-outputs'),
    ]);
    expect(h.rootVariables()).toEqual({ request: { amount: 200 }, decision: { approved: true, comment: 'ok' } });
  });

  describe('commands', () => {
    const load = async (): Promise<{ h: CoreHarness; key: string }> => {
      const h = await CoreHarness.load('user-task-defaults.bpmn');
      h.create();
      return { h, key: h.userTask('task').userTaskKey };
    };

    it('assign, re-assign to the same user (no event), unassign', async () => {
      const { h, key } = await load();

      expect(h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: 'xena' })).toEqual(['USER_TASK_ASSIGNED task assignee=xena']);
      expect(h.userTask('task').assignee).toBe('xena');
      expect(h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: 'xena' })).toEqual([]);
      expect(h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: null })).toEqual(['USER_TASK_ASSIGNED task assignee=null']);
      expect(h.userTask('task').assignee).toBeNull();
    });

    it('update changes only the given fields; an empty change set emits nothing', async () => {
      const { h, key } = await load();

      expect(h.accept({ type: 'UPDATE_USER_TASK', userTaskKey: key, changes: { priority: 10, candidateGroups: ['a'], dueDate: '2026-06-01T00:00:00.000Z' } })).toEqual([
        'USER_TASK_UPDATED task {"priority":10,"candidateGroups":["a"],"dueDate":"2026-06-01T00:00:00.000Z"}',
      ]);
      expect(h.userTask('task')).toMatchObject({ priority: 10, candidateGroups: ['a'], candidateUsers: [], dueDate: '2026-06-01T00:00:00.000Z', followUpDate: null });
      expect(h.accept({ type: 'UPDATE_USER_TASK', userTaskKey: key, changes: {} })).toEqual([]);
    });

    it('complete: an unassigned task is assigned to who completes it; its variables propagate; the flow goes on', async () => {
      const { h } = await load();

      expect(h.completeUserTask('task', { ok: true }, 'zed')).toEqual([
        'USER_TASK_ASSIGNED task assignee=zed',
        'USER_TASK_COMPLETED task [ok]',
        'ELEMENT_COMPLETING task',
        'VARIABLE_CREATED ok=true @user-task-defaults',
        'ELEMENT_COMPLETED task',
        'SEQUENCE_FLOW_TAKEN f-end',
        ...passes('end'),
        ...completes('user-task-defaults'),
      ]);
      const task = [...h.state.userTasks.values()][0]!;
      expect(task).toMatchObject({ state: 'COMPLETED', assignee: 'zed', completionDate: DEFAULT_NOW });
    });

    it('complete: only the assignee completes an assigned task, which keeps its assignee', async () => {
      const { h, key } = await load();
      h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: 'xena' });

      expect(h.reject({ type: 'COMPLETE_USER_TASK', userTaskKey: key, variables: {}, completedBy: 'admin' })).toEqual({
        kind: 'INVALID_STATE',
        code: 'USER_TASK.ASSIGNED_TO_OTHER',
        message: `User task ${key} is assigned to 'xena'; only they may complete it`,
        details: { assignee: 'xena' },
      });
      expect(h.completeUserTask('task', {}, 'xena').slice(0, 2)).toEqual(['USER_TASK_COMPLETED task', 'ELEMENT_COMPLETING task']);
      expect([...h.state.userTasks.values()][0]).toMatchObject({ state: 'COMPLETED', assignee: 'xena' });
    });

    it('assign without override: a task someone else holds is refused; the holder and the same assignee are not', async () => {
      const { h, key } = await load();
      h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: 'xena', allowOverride: false, assignedBy: 'xena' });

      expect(h.reject({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: 'yuri', allowOverride: false, assignedBy: 'yuri' })).toMatchObject({
        code: 'USER_TASK.ALREADY_ASSIGNED',
        details: { assignee: 'xena' },
      });
      expect(h.reject({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: null, allowOverride: false, assignedBy: 'yuri' })).toMatchObject({ code: 'USER_TASK.ALREADY_ASSIGNED' });
      expect(h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: 'xena', allowOverride: false, assignedBy: 'xena' })).toEqual([]);
      expect(h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: null, allowOverride: false, assignedBy: 'xena' })).toEqual(['USER_TASK_ASSIGNED task assignee=null']);
      expect(h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: 'yuri', allowOverride: true, assignedBy: 'admin' })).toHaveLength(1);
    });

    it('every user task command on an unknown key is rejected as not found', async () => {
      const { h } = await load();

      for (const command of [
        { type: 'COMPLETE_USER_TASK', userTaskKey: '999', variables: {}, completedBy: 'x' },
        { type: 'ASSIGN_USER_TASK', userTaskKey: '999', assignee: 'x' },
        { type: 'UPDATE_USER_TASK', userTaskKey: '999', changes: { priority: 1 } },
      ] as const) {
        expect(h.reject(command)).toEqual({ kind: 'NOT_FOUND', code: 'USER_TASK.NOT_FOUND', message: 'No user task with key 999' });
      }
    });

    it('a completed task is gone from the reloaded state: completing it again is not found', async () => {
      const h = await CoreHarness.load('nested-subprocess.bpmn');
      h.create();
      const key = h.userTask('review').userTaskKey;
      h.completeUserTask('review');

      expect(h.reject({ type: 'COMPLETE_USER_TASK', userTaskKey: key, variables: {}, completedBy: 'x' })).toMatchObject({ kind: 'NOT_FOUND', code: 'USER_TASK.NOT_FOUND' });
    });

    it('a task that is loaded but no longer open is rejected as invalid state', async () => {
      const { h, key } = await load();
      const open = h.userTask('task');
      h.snapshot = { ...h.snapshot, userTasks: [{ ...open, state: 'CANCELED' }] };

      for (const command of [
        { type: 'COMPLETE_USER_TASK', userTaskKey: key, variables: {}, completedBy: 'x' },
        { type: 'ASSIGN_USER_TASK', userTaskKey: key, assignee: 'x' },
        { type: 'UPDATE_USER_TASK', userTaskKey: key, changes: { priority: 1 } },
      ] as const) {
        expect(h.reject(command)).toMatchObject({ kind: 'INVALID_STATE', code: 'USER_TASK.NOT_ACTIVE' });
      }
    });
  });
});
