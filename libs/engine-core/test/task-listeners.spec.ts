import { describe, expect, it } from 'vitest';
import { CoreHarness } from './support/core-harness.js';

/**
 * User task listeners (Camunda 8.8): each transition of a user task (creating, assigning,
 * updating, completing, canceling) waits for its listeners' jobs, in model order, in the
 * transitional state; a listener may correct the task or (assigning, updating, completing) deny
 * the transition, which leaves the task as it was.
 */
const result = (corrections: Record<string, unknown> = {}, denied = false, deniedReason: string | null = null) => ({ denied, deniedReason, corrections });

const completeListener = (h: CoreHarness, outcome = result()) => h.accept({ type: 'COMPLETE_JOB', jobKey: h.job('approve').jobKey, variables: {}, result: outcome });

const toCreated = async () => {
  const h = await CoreHarness.load('task-listeners.bpmn');
  h.create({ owner: 'anna' });
  completeListener(h);
  completeListener(h);
  return h;
};

describe('user task listeners', () => {
  it('creating with a correction, then assigning the process assignee, then completing through two listeners', async () => {
    const h = await CoreHarness.load('task-listeners.bpmn');
    expect(h.create({ owner: 'anna' }).slice(-6)).toEqual([
      'ELEMENT_ACTIVATING approve',
      'TIMER_CREATED expired due in 86400s',
      // created without its assignee: it comes through the assigning listeners
      'USER_TASK_CREATED approve',
      'USER_TASK_TRANSITION_STARTED approve creating',
      'JOB_CREATED approve type=on-create retries=3 (CREATING listener)',
      'ELEMENT_ACTIVATED approve',
    ]);
    expect(h.userTask('approve')).toMatchObject({ state: 'CREATING', assignee: null });
    expect(h.job('approve')).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'CREATING' });
    expect(h.job('approve').customHeaders).toEqual({
      team: 'finance',
      'io.camunda.zeebe:action': '',
      'io.camunda.zeebe:userTaskKey': h.userTask('approve').userTaskKey,
      'io.camunda.zeebe:assignee': 'anna',
      'io.camunda.zeebe:candidateGroups': '["reviewers"]',
      'io.camunda.zeebe:candidateUsers': '[]',
      'io.camunda.zeebe:priority': '50',
      'io.camunda.zeebe:changedAttributes': '["assignee"]',
    });

    // The creating listener corrects the priority (and would correct the assignee, but the process set one).
    expect(completeListener(h, result({ priority: 80, assignee: 'bob' }))).toEqual([
      'JOB_COMPLETED approve',
      'USER_TASK_TRANSITION_ENDED approve',
      'USER_TASK_UPDATED approve {"priority":80}',
      'USER_TASK_TRANSITION_STARTED approve assigning',
      'JOB_CREATED approve type=check-assignee retries=3 (ASSIGNING listener)',
    ]);
    expect(h.userTask('approve')).toMatchObject({ state: 'ASSIGNING', assignee: null, priority: 80 });
    expect(h.job('approve').customHeaders['io.camunda.zeebe:action']).toBe('assign');
    expect(completeListener(h)).toEqual(['JOB_COMPLETED approve', 'USER_TASK_TRANSITION_ENDED approve', 'USER_TASK_ASSIGNED approve assignee=anna']);
    expect(h.userTask('approve')).toMatchObject({ state: 'CREATED', assignee: 'anna' });

    expect(h.completeUserTask('approve', { approved: true })).toEqual([
      'USER_TASK_TRANSITION_STARTED approve completing',
      'JOB_CREATED approve type=check-result retries=3 (COMPLETING listener)',
    ]);
    expect(h.userTask('approve').state).toBe('COMPLETING');
    expect(completeListener(h, result({ dueDate: '2026-04-01T00:00:00.000Z' }))).toEqual([
      'JOB_COMPLETED approve',
      'USER_TASK_LISTENER_COMPLETED approve next=1 corrections={"dueDate":"2026-04-01T00:00:00.000Z"}',
      'JOB_CREATED approve type=audit-complete retries=1 (COMPLETING listener)',
    ]);
    // The next listener sees the correction.
    expect(h.job('approve').customHeaders).toMatchObject({ 'io.camunda.zeebe:dueDate': '2026-04-01T00:00:00.000Z', 'io.camunda.zeebe:changedAttributes': '["dueDate"]' });
    expect(completeListener(h)).toEqual([
      'JOB_COMPLETED approve',
      'USER_TASK_TRANSITION_ENDED approve',
      'USER_TASK_UPDATED approve {"dueDate":"2026-04-01T00:00:00.000Z"}',
      'USER_TASK_COMPLETED approve [approved]',
      'ELEMENT_COMPLETING approve',
      'TIMER_CANCELED expired',
      'VARIABLE_CREATED approved=true @reviewed',
      'ELEMENT_COMPLETED approve',
      'SEQUENCE_FLOW_TAKEN f2',
      'ELEMENT_ACTIVATING done',
      'ELEMENT_ACTIVATED done',
      'ELEMENT_COMPLETING done',
      'ELEMENT_COMPLETED done',
      'ELEMENT_COMPLETING reviewed',
      'ELEMENT_COMPLETED reviewed',
    ]);
  });

  it('a denied completion leaves the task created and assigned, drops the corrections of the listeners before, and can be tried again', async () => {
    const h = await toCreated();
    h.completeUserTask('approve', { approved: false });
    completeListener(h, result({ priority: 10 }));
    expect(completeListener(h, result({}, true, 'approval needs a comment'))).toEqual(['JOB_COMPLETED approve', 'USER_TASK_TRANSITION_DENIED approve completing (approval needs a comment)']);
    expect(h.userTask('approve')).toMatchObject({ state: 'CREATED', assignee: 'anna', priority: 50, denial: { eventType: 'completing', deniedReason: 'approval needs a comment' } });
    expect(h.userTask('approve').transition).toBeUndefined();
    expect(h.element('approve').lifecycle).toBe('ACTIVATED');
    expect(h.completeUserTask('approve', { approved: false, comment: 'too expensive' })).toEqual([
      'USER_TASK_TRANSITION_STARTED approve completing',
      'JOB_CREATED approve type=check-result retries=3 (COMPLETING listener)',
    ]);
    expect(h.userTask('approve').denial).toBeUndefined();
  });

  it('assigning and updating: corrections apply without an updating event, a denial keeps the task as it was', async () => {
    const h = await toCreated();
    expect(h.accept({ type: 'ASSIGN_USER_TASK', userTaskKey: h.userTask('approve').userTaskKey, assignee: 'carl' })).toEqual([
      'USER_TASK_TRANSITION_STARTED approve assigning',
      'JOB_CREATED approve type=check-assignee retries=3 (ASSIGNING listener)',
    ]);
    expect(h.job('approve').customHeaders).toMatchObject({ 'io.camunda.zeebe:assignee': 'carl', 'io.camunda.zeebe:changedAttributes': '["assignee"]' });
    expect(completeListener(h, result({ assignee: 'dora', candidateUsers: ['dora'] }))).toEqual([
      'JOB_COMPLETED approve',
      'USER_TASK_TRANSITION_ENDED approve',
      'USER_TASK_UPDATED approve {"candidateUsers":["dora"]}',
      'USER_TASK_ASSIGNED approve assignee=dora',
    ]);
    expect(h.accept({ type: 'UPDATE_USER_TASK', userTaskKey: h.userTask('approve').userTaskKey, changes: { priority: 99 } })).toEqual([
      'USER_TASK_TRANSITION_STARTED approve updating',
      'JOB_CREATED approve type=on-update retries=3 (UPDATING listener)',
    ]);
    expect(h.job('approve').customHeaders).toMatchObject({ 'io.camunda.zeebe:action': 'update', 'io.camunda.zeebe:priority': '99' });
    expect(completeListener(h, result({}, true, 'priority is fixed'))).toEqual(['JOB_COMPLETED approve', 'USER_TASK_TRANSITION_DENIED approve updating (priority is fixed)']);
    expect(h.userTask('approve')).toMatchObject({ state: 'CREATED', assignee: 'dora', priority: 50, candidateUsers: ['dora'] });
  });

  it('while listeners run, other commands on the task are refused; listener jobs refuse variables and denials of creating', async () => {
    const h = await CoreHarness.load('task-listeners.bpmn');
    h.create({ owner: 'anna' });
    const userTaskKey = h.userTask('approve').userTaskKey;
    expect(h.reject({ type: 'COMPLETE_USER_TASK', userTaskKey, variables: {}, completedBy: 'anna' })).toMatchObject({
      code: 'USER_TASK.LISTENERS_RUNNING',
      message: `Expected user task ${userTaskKey} to be created so it can be completed, but it is in state 'CREATING': its task listeners run`,
    });
    const jobKey = h.job('approve').jobKey;
    expect(h.reject({ type: 'COMPLETE_JOB', jobKey, variables: { x: 1 } }).code).toBe('JOB.LISTENER_VARIABLES');
    expect(h.reject({ type: 'COMPLETE_JOB', jobKey, variables: {}, result: result({}, true) }).code).toBe('JOB.DENIAL_NOT_ALLOWED');
  });

  it('a listener out of retries is a TASK_LISTENER_NO_RETRIES incident; resolving it offers that listener again', async () => {
    const h = await toCreated();
    h.completeUserTask('approve', {});
    completeListener(h);
    h.activateJob('approve');
    expect(h.accept({ type: 'FAIL_JOB', jobKey: h.job('approve').jobKey, retries: 0, errorMessage: 'audit down', retryBackOffMs: null, variables: {} })).toEqual([
      'JOB_FAILED approve retries=0',
      'INCIDENT_CREATED approve TASK_LISTENER_NO_RETRIES',
    ]);
    h.accept({ type: 'UPDATE_JOB_RETRIES', jobKey: h.job('approve').jobKey, retries: 1 });
    expect(h.resolveIncident('approve')).toEqual(['INCIDENT_RESOLVED approve', 'JOB_RECURRED approve']);
    expect(completeListener(h).slice(0, 4)).toEqual(['JOB_COMPLETED approve', 'USER_TASK_TRANSITION_ENDED approve', 'USER_TASK_COMPLETED approve', 'ELEMENT_COMPLETING approve']);
  });

  it('canceling: a boundary timer interrupts the task during its completing listeners; the listener job is canceled and the canceling listener runs', async () => {
    const h = await toCreated();
    h.completeUserTask('approve', {});
    expect(h.triggerTimer('expired')).toEqual([
      'TIMER_TRIGGERED expired',
      'ELEMENT_TERMINATING approve',
      'JOB_CANCELED approve',
      'USER_TASK_TRANSITION_STARTED approve canceling',
      'JOB_CREATED approve type=on-cancel retries=3 (CANCELING listener)',
      'ELEMENT_TERMINATED approve',
      'ELEMENT_ACTIVATING expired',
      'ELEMENT_ACTIVATED expired',
      'ELEMENT_COMPLETING expired',
      'ELEMENT_COMPLETED expired',
      'SEQUENCE_FLOW_TAKEN f-expired',
      'ELEMENT_ACTIVATING too-late',
      'ELEMENT_ACTIVATED too-late',
      'ELEMENT_COMPLETING too-late',
      'ELEMENT_COMPLETED too-late',
      'ELEMENT_COMPLETING reviewed',
      'ELEMENT_COMPLETED reviewed',
    ]);
    expect(h.userTask('approve').state).toBe('CANCELING');
    expect(completeListener(h)).toEqual(['JOB_COMPLETED approve', 'USER_TASK_CANCELED approve']);
  });
});
