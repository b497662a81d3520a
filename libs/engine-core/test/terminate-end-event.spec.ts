import { describe, expect, it } from 'vitest';
import { activates, completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Camunda 8 terminate end events (docs.camunda.io/docs/components/modeler/bpmn/terminate-events/):
 * "A terminate end event on the process scope terminates all element instances of the process
 * instance. After the termination, the process instance completes." and "Inside a subprocess ...
 * terminates all element instances of the subprocess. After the termination, the subprocess
 * completes, and the process instance takes the outgoing sequence flows."
 */
describe('terminate end event', () => {
  it('on the process scope: terminates the siblings (job canceled), discards waiting join tokens, and the process COMPLETES', async () => {
    const h = await CoreHarness.load('terminate-end.bpmn');
    expect(h.create()).toEqual([
      'PROCESS_INSTANCE_CREATED terminate-end',
      ...activates('terminate-end'),
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      ...passes('fork'),
      'SEQUENCE_FLOW_TAKEN f-a',
      'SEQUENCE_FLOW_TAKEN f-b',
      'SEQUENCE_FLOW_TAKEN f-t',
      'ELEMENT_ACTIVATING a',
      'USER_TASK_CREATED a',
      'ELEMENT_ACTIVATED a',
      'ELEMENT_ACTIVATING b',
      'JOB_CREATED b type=b-work retries=3',
      'ELEMENT_ACTIVATED b',
      'ELEMENT_ACTIVATING t',
      'USER_TASK_CREATED t',
      'ELEMENT_ACTIVATED t',
    ]);

    // a reaches the join and waits there for b
    expect(h.completeUserTask('a')).toEqual([
      'USER_TASK_ASSIGNED a assignee=tester',
      'USER_TASK_COMPLETED a',
      ...completes('a'),
      'SEQUENCE_FLOW_TAKEN f-a-join (at join)',
    ]);
    expect(h.joinTokens()).toEqual(['f-a-join×1 @terminate-end']);

    expect(h.completeUserTask('t')).toEqual([
      'USER_TASK_ASSIGNED t assignee=tester',
      'USER_TASK_COMPLETED t',
      ...completes('t'),
      'SEQUENCE_FLOW_TAKEN f-kill',
      'ELEMENT_ACTIVATING kill',
      'ELEMENT_TERMINATING b',
      'JOB_CANCELED b',
      'ELEMENT_TERMINATED b',
      'JOIN_TOKENS_DISCARDED @terminate-end',
      'ELEMENT_ACTIVATED kill',
      ...completes('kill'),
      ...completes('terminate-end'),
    ]);
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
    expect(h.snapshot).toMatchObject({ elements: [], joinTokens: [], jobs: [], userTasks: [], incidents: [] });
    expect(h.state.jobs.get([...h.state.jobs.keys()][0]!)?.state).toBe('CANCELED');
  });

  it('reached in the same command as a sibling flow: the sibling is never activated', async () => {
    const h = await CoreHarness.load('terminate-immediate.bpmn');

    expect(h.create()).toEqual([
      'PROCESS_INSTANCE_CREATED terminate-immediate',
      ...activates('terminate-immediate'),
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      ...passes('fork'),
      'SEQUENCE_FLOW_TAKEN f-kill',
      'SEQUENCE_FLOW_TAKEN f-x',
      ...passes('kill'),
      ...completes('terminate-immediate'),
    ]);
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
  });

  it('inside a subprocess: terminates only the subprocess content, the subprocess completes and the process goes on', async () => {
    const h = await CoreHarness.load('terminate-in-subprocess.bpmn');
    h.create();
    expect(h.activeElements()).toEqual(['a:ACTIVATED', 'c:ACTIVATED', 'sub:ACTIVATED', 't:ACTIVATED', 'terminate-in-subprocess:ACTIVATED']);
    h.completeUserTask('a');
    expect(h.joinTokens()).toEqual(['f-a-join×1 @sub']);

    expect(h.completeUserTask('t')).toEqual([
      'USER_TASK_ASSIGNED t assignee=tester',
      'USER_TASK_COMPLETED t',
      ...completes('t'),
      'SEQUENCE_FLOW_TAKEN f-kill',
      'ELEMENT_ACTIVATING kill',
      'ELEMENT_TERMINATING c',
      'JOB_CANCELED c',
      'ELEMENT_TERMINATED c',
      'JOIN_TOKENS_DISCARDED @sub',
      'ELEMENT_ACTIVATED kill',
      ...completes('kill'),
      ...completes('sub'),
      'SEQUENCE_FLOW_TAKEN f-after',
      'ELEMENT_ACTIVATING after',
      'USER_TASK_CREATED after',
      'ELEMENT_ACTIVATED after',
    ]);
    expect(h.snapshot.instance?.state).toBe('ACTIVE');
    expect(h.activeElements()).toEqual(['after:ACTIVATED', 'terminate-in-subprocess:ACTIVATED']);
    expect(h.joinTokens()).toEqual([]);

    h.completeUserTask('after');
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
  });

  it('terminates a sibling subprocess with everything in it (user task and job canceled)', async () => {
    const h = await CoreHarness.load('subprocess-terminated.bpmn');
    h.create();
    expect(h.activeElements()).toEqual(['charge:ACTIVATED', 'review:ACTIVATED', 'stop:ACTIVATED', 'sub:ACTIVATED', 'subprocess-terminated:ACTIVATED']);

    expect(h.completeUserTask('stop')).toEqual([
      'USER_TASK_ASSIGNED stop assignee=tester',
      'USER_TASK_COMPLETED stop',
      ...completes('stop'),
      'SEQUENCE_FLOW_TAKEN f-kill',
      'ELEMENT_ACTIVATING kill',
      'ELEMENT_TERMINATING sub',
      'ELEMENT_TERMINATING review',
      'USER_TASK_CANCELED review',
      'ELEMENT_TERMINATED review',
      'ELEMENT_TERMINATING charge',
      'JOB_CANCELED charge',
      'ELEMENT_TERMINATED charge',
      'ELEMENT_TERMINATED sub',
      'ELEMENT_ACTIVATED kill',
      ...completes('kill'),
      ...completes('subprocess-terminated'),
    ]);
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
    expect([...h.state.userTasks.values()].map((t) => `${t.elementId}:${t.state}`).sort()).toEqual(['review:CANCELED', 'stop:COMPLETED']);
    expect([...h.state.jobs.values()].map((j) => `${j.elementId}:${j.state}`)).toEqual(['charge:CANCELED']);
  });
});
