import { describe, expect, it } from 'vitest';
import { CoreHarness } from './support/core-harness.js';

/**
 * CANCEL_PROCESS_INSTANCE (Camunda: "cancel process instance" terminates all active element
 * instances; their jobs and user tasks are canceled and their incidents resolved). The instance
 * ends TERMINATED.
 */
describe('cancel process instance', () => {
  const start = async (): Promise<CoreHarness> => {
    const h = await CoreHarness.load('cancel.bpmn');
    h.create({ go: false });
    return h;
  };

  it('given a user task, a job, a subprocess with a user task and a gateway with an incident', async () => {
    const h = await start();

    expect(h.activeElements()).toEqual(['cancel:ACTIVATED', 'gw:ACTIVATING', 'inner:ACTIVATED', 'job:ACTIVATED', 'sub:ACTIVATED', 'task:ACTIVATED']);
    expect(h.snapshot.instance?.incidentCount).toBe(1);
  });

  it('terminates everything, children first; cancels jobs and user tasks; resolves incidents; ends TERMINATED', async () => {
    const h = await start();

    expect(h.cancel()).toEqual([
      'ELEMENT_TERMINATING cancel',
      'ELEMENT_TERMINATING task',
      'USER_TASK_CANCELED task',
      'ELEMENT_TERMINATED task',
      'ELEMENT_TERMINATING job',
      'JOB_CANCELED job',
      'ELEMENT_TERMINATED job',
      'ELEMENT_TERMINATING sub',
      'ELEMENT_TERMINATING inner',
      'USER_TASK_CANCELED inner',
      'ELEMENT_TERMINATED inner',
      'ELEMENT_TERMINATED sub',
      'ELEMENT_TERMINATING gw',
      'INCIDENT_RESOLVED gw',
      'ELEMENT_TERMINATED gw',
      'ELEMENT_TERMINATED cancel',
    ]);
    expect(h.snapshot).toEqual({
      instance: expect.objectContaining({ state: 'TERMINATED', endDate: h.now, incidentCount: 0 }),
      elements: [],
      variables: [],
      joinTokens: [],
      userTasks: [],
      jobs: [],
      incidents: [],
      timers: [],
      subscriptions: [],
    });
    expect([...h.state.userTasks.values()].map((t) => `${t.elementId}:${t.state}`)).toEqual(['task:CANCELED', 'inner:CANCELED']);
    expect([...h.state.jobs.values()].map((j) => `${j.elementId}:${j.state}`)).toEqual(['job:CANCELED']);
    expect([...h.state.incidents.values()].map((i) => `${i.elementId}:${i.state}`)).toEqual(['gw:RESOLVED']);
    expect([...h.state.elements.values()].every((e) => e.lifecycle === 'TERMINATED' || e.lifecycle === 'COMPLETED')).toBe(true);
  });

  it('discards the tokens waiting at a join', async () => {
    const h = await start();
    h.completeJob('job');
    expect(h.joinTokens()).toEqual(['f-job-join×1 @cancel']);

    expect(h.cancel().slice(-3)).toEqual(['ELEMENT_TERMINATED gw', 'JOIN_TOKENS_DISCARDED @cancel', 'ELEMENT_TERMINATED cancel']);
    expect(h.snapshot.joinTokens).toEqual([]);
  });

  it('an element held at COMPLETING by an incident is terminated and its incident resolved', async () => {
    const h = await CoreHarness.load('io-output-failure.bpmn');
    h.create({ limit: 10 });
    h.completeJob('svc', { result: 5 });

    expect(h.cancel()).toEqual([
      'ELEMENT_TERMINATING io-output-failure',
      'ELEMENT_TERMINATING svc',
      'INCIDENT_RESOLVED svc',
      'ELEMENT_TERMINATED svc',
      'ELEMENT_TERMINATED io-output-failure',
    ]);
    expect(h.snapshot.instance).toMatchObject({ state: 'TERMINATED', incidentCount: 0 });
  });

  it('a second cancel, and any command on the terminated instance, is rejected', async () => {
    const h = await start();
    const jobKey = h.job('job').jobKey;
    const userTaskKey = h.userTask('task').userTaskKey;
    const incidentKey = h.incident('gw').incidentKey;
    h.cancel();

    expect(h.reject({ type: 'CANCEL_PROCESS_INSTANCE' })).toEqual({
      kind: 'NOT_FOUND',
      code: 'PROCESS_INSTANCE.ENDED',
      message: `Process instance ${h.processInstanceKey} was terminated, so there is nothing to cancel`,
    });
    expect(h.reject({ type: 'COMPLETE_JOB', jobKey, variables: {} }).kind).toBe('NOT_FOUND');
    expect(h.reject({ type: 'COMPLETE_USER_TASK', userTaskKey, variables: {}, completedBy: 'x' }).kind).toBe('NOT_FOUND');
    expect(h.reject({ type: 'RESOLVE_INCIDENT', incidentKey }).kind).toBe('NOT_FOUND');
    expect(h.reject({ type: 'SET_VARIABLES', elementInstanceKey: h.processInstanceKey, variables: {}, local: false }).kind).toBe('NOT_FOUND');
  });

  it('a completed instance cannot be canceled (NOT_FOUND, as Camunda answers it)', async () => {
    const h = await CoreHarness.load('start-end.bpmn');
    h.create();

    expect(h.reject({ type: 'CANCEL_PROCESS_INSTANCE' })).toEqual({
      kind: 'NOT_FOUND',
      code: 'PROCESS_INSTANCE.ENDED',
      message: `Process instance ${h.processInstanceKey} is already completed, so there is nothing to cancel`,
    });
  });
});
