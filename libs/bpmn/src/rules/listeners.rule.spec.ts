import { describe, expect, it } from 'vitest';
import { compileFixture, describeRuleFixtures } from '../../test/support/fixtures.js';

describeRuleFixtures('listeners', {
  'execution-listener-placement.bpmn': [
    { elementId: 'Start', message: `A start execution listener is not supported on bpmn:StartEvent 'Start': use a start listener of the enclosing process or subprocess` },
    { elementId: 'Join', message: `An end execution listener is not supported on bpmn:ParallelGateway 'Join': use a start listener of the element after the gateway` },
    {
      elementId: 'Late',
      message: `A start execution listener is not supported on bpmn:BoundaryEvent 'Late': use a start listener of the enclosing process or subprocess, or of the activity the event is attached to`,
    },
    { elementId: 'Failed', message: `An end execution listener is not supported on bpmn:EndEvent 'Failed': place it on the event that catches the error` },
  ],
  'bad-listeners.bpmn': [
    { elementId: 'Work', message: `Expected the eventType of a zeebe:executionListener on bpmn:ServiceTask 'Work' to be 'start' or 'end' but found 'begin'` },
    { elementId: 'Work', message: `Expected a job type (type) on the start zeebe:executionListener of bpmn:ServiceTask 'Work' but found none` },
    { elementId: 'Work', message: `Expected the retries of the end zeebe:executionListener 'audit' on bpmn:ServiceTask 'Work' to be a non-negative integer or a FEEL expression but found 'many'` },
    { elementId: 'Work', message: `Found two end zeebe:executionListeners with the job type 'audit' on bpmn:ServiceTask 'Work'; each event type and job type pair may appear once` },
    {
      elementId: 'Approve',
      message: `Expected the eventType of a zeebe:taskListener on bpmn:UserTask 'Approve' to be one of creating, assigning, updating, completing, canceling but found 'claiming'`,
    },
    { elementId: 'Approve', message: `Found two completing zeebe:taskListeners with the job type 'check' on bpmn:UserTask 'Approve'; each event type and job type pair may appear once` },
  ],
});

describe('listeners compiled', () => {
  it('given execution listeners on the process, events, gateways and tasks, when compiled, then each element carries them in model order with type, retries and headers', async () => {
    const result = await compileFixture('listeners/valid/execution-listeners-everywhere.bpmn');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const process = result.processes[0]!;
    expect(process.executionListeners).toEqual([
      { eventType: 'start', type: { kind: 'static', value: 'process-start' }, retries: { kind: 'static', value: '5' }, headers: {} },
      { eventType: 'end', type: { kind: 'static', value: 'process-end' }, retries: { kind: 'static', value: '3' }, headers: {} },
    ]);
    expect(process.elements['Split']!.executionListeners).toEqual([
      { eventType: 'start', type: { kind: 'feel', expression: '"decide"' }, retries: { kind: 'feel', expression: '2' }, headers: {} },
    ]);
    expect(process.elements['Work']!.executionListeners!.map((listener) => `${listener.eventType}:${(listener.type as { value: string }).value}`)).toEqual(['start:audit', 'end:audit', 'start:prepare']);
    expect(process.elements['End']!.executionListeners).toHaveLength(2);
    expect(process.elements['Start']!.executionListeners).toHaveLength(1);
  });

  it('given task listeners with 8.8 and legacy event names, when compiled, then the user task carries them with the 8.8 names', async () => {
    const result = await compileFixture('listeners/valid/task-and-process-listeners.bpmn');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const task = result.processes[0]!.elements['Approve']!;
    expect(task.type === 'bpmn:UserTask' && task.userTask.taskListeners).toEqual([
      { eventType: 'assigning', type: { kind: 'static', value: 'check-assignee' }, retries: { kind: 'static', value: '3' }, headers: {} },
      { eventType: 'completing', type: { kind: 'static', value: 'check-result' }, retries: { kind: 'static', value: '3' }, headers: {} },
    ]);
  });
});
