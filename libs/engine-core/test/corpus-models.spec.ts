import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoreHarness } from './support/core-harness.js';
import { InstanceNetwork, type JobOutcome } from './support/instance-network.js';

/**
 * The real models Baton must run (../shared/models/camunda8, run class `auto` or `jobs`, which
 * were refused before timers, errors, call activities, multi-instance and message starts were
 * executed), driven through the pure core the way the engine will: jobs completed by a generic
 * worker, timers fired when due, called processes wired by InstanceNetwork (the executor's
 * contract). Skipped when the corpus folder is missing.
 */
const CORPUS = new URL('../../../../shared/models/camunda8/', import.meta.url);
const available = fs.existsSync(CORPUS);
const model = (name: string) => new URL(`${name}.bpmn`, CORPUS);
const load = (name: string) => CoreHarness.load(model(name));

describe.skipIf(!available)('real models run to the end', () => {
  it('c8ctl simple-timer-event (PT30s) and js-sdk await-outcome (PT1S): the instance waits for its timer', async () => {
    for (const [name, timer, seconds] of [
      ['c8ctl__simple-timer-event', 'timer_event_id', 30],
      ['camunda-8-js-sdk__await-outcome', 'IntermediateCatchEvent_1y9tvcp', 1],
    ] as const) {
      const h = await load(name);
      h.create();
      expect(Date.parse(h.timer(timer).dueDate) - Date.parse(h.now)).toBe(seconds * 1000);
      h.triggerTimer(timer);
      expect(h.state.instance?.state, name).toBe('COMPLETED');
    }
  });

  it('camunda-7-to-8-migration test-with-error-event: the business error of the worker is caught and acknowledged', async () => {
    const n = await InstanceNetwork.load([model('camunda-7-to-8-migration__test-with-error-event')]);
    const h = n.start('error-test');
    n.drive((job): JobOutcome => (job.customHeaders['delegateExpression'] === '${errorThrowingDelegate}' ? { errorCode: 'test-error' } : {}));
    expect(h.state.instance?.state).toBe('COMPLETED');
    expect(h.history()).toContain('ELEMENT_COMPLETED Event_1nwbtk8');
  });

  it('camunda-8-benchmark complex_process: a 5 s timer, then a parallel multi-instance subprocess calling benchmark-subprocess per element, collecting decisionResult', async () => {
    const n = await InstanceNetwork.load([model('camunda-8-benchmark__complex_process'), 'benchmark-subprocess-stub.bpmn']);
    const h = n.start('benchmark-complex', { list: ['a', 'b', 'c'], benchmark_starter_id: 'x' });
    n.drive();
    expect(n.states()).toEqual(['benchmark-complex:COMPLETED', 'benchmark-subprocess:COMPLETED', 'benchmark-subprocess:COMPLETED', 'benchmark-subprocess:COMPLETED']);
    // As in Zeebe (camunda/camunda#11476, open): each child was given the output collection as it
    // was when the child started and hands that copy back (propagateAllChildVariables), which
    // overwrites what earlier instances collected; only the last completed instance's result stays.
    expect(h.rootVariables()['results']).toEqual([null, null, 'decided c']);
    expect(h.history().filter((line) => line.startsWith('JOB_CREATED'))).toEqual(['JOB_CREATED task10 type=benchmark-task-x-completed retries=3']);
  });

  it('camunda-8-benchmark typical_process: ten jobs with FEEL types and two one-minute timers', async () => {
    const n = await InstanceNetwork.load([model('camunda-8-benchmark__typical_process')]);
    const h = n.start('benchmark', { benchmark_starter_id: 'b1', var2: true });
    n.drive();
    expect(h.state.instance?.state).toBe('COMPLETED');
    expect(h.history().filter((line) => line.startsWith('TIMER_TRIGGERED'))).toEqual(['TIMER_TRIGGERED timer1', 'TIMER_TRIGGERED timer2']);
    expect(Date.parse(h.now) - Date.parse('2026-03-02T09:00:00.000Z')).toBe(120_000);
  });

  it('camunda-8-js-sdk Client-ThrowError: the BPMN error of the worker interrupts the subprocess and the sad flow runs', async () => {
    const n = await InstanceNetwork.load([model('camunda-8-js-sdk__Client-ThrowError')]);
    const h = n.start('throw-bpmn-error', { something: 'broken' });
    n.drive((job): JobOutcome => (job.type === 'throw-bpmn-error-task' ? { errorCode: 'BUSINESS_ERROR', variables: { something: 'went wrong' } } : {}));
    expect(h.state.instance?.state).toBe('COMPLETED');
    expect(h.history().filter((line) => /ERROR_CAUGHT|JOB_CREATED|SubProcess_0kmfk49$/.test(line))).toEqual([
      'ELEMENT_ACTIVATING SubProcess_0kmfk49',
      'ELEMENT_ACTIVATED SubProcess_0kmfk49',
      'JOB_CREATED Task_0bki2a1 type=throw-bpmn-error-task retries=3',
      'ERROR_CAUGHT code=BUSINESS_ERROR by IntermediateThrowEvent_0zfx5n9',
      'ELEMENT_TERMINATING SubProcess_0kmfk49',
      'ELEMENT_TERMINATED SubProcess_0kmfk49',
      'JOB_CREATED Task_1h8n9x5 type=sad-flow retries=3',
    ]);
    expect(h.rootVariables()).toEqual({ something: 'went wrong' });
  });

  it('pyzeebe test: starts at its none start event or at its message start event', async () => {
    for (const startElementId of [undefined, 'Event_0hg01mt']) {
      const h = await load('pyzeebe__test');
      h.create({ input: 'in', should_throw: false }, startElementId ? { startElementId } : {});
      expect(h.model.messageStartEvents).toEqual([{ elementId: 'Event_0hg01mt', messageName: 'start_test_process' }]);
      h.completeJob('test-task', { output: 'out' });
      expect(h.rootVariables()).toEqual({ input: 'in', should_throw: false, output: 'out' });
    }
  });

  it('js-sdk Client-MessageStart and zeebe-process-test message-start-event: only messages start them', async () => {
    const client = await load('camunda-8-js-sdk__Client-MessageStart');
    expect(client.reject({ type: 'CREATE_PROCESS_INSTANCE', variables: {}, businessId: null, startedBy: 'api' }).code).toBe('PROCESS_INSTANCE.NO_NONE_START_EVENT');
    client.create({}, { startElementId: client.model.messageStartEvents![0]!.elementId });
    client.completeJob('Activity_1owa6ax');
    expect(client.state.instance?.state).toBe('COMPLETED');

    const test = await load('zeebe-process-test__message-start-event');
    test.create({}, { startElementId: 'StartEvent_1' });
    expect(test.state.instance?.state).toBe('COMPLETED');
  });

  it('spring-zeebe demoProcess: the failing task throws DOESNT_WORK, its boundary event leads to task C', async () => {
    const n = await InstanceNetwork.load([model('spring-zeebe__demoProcess')]);
    const h = n.start('demoProcess', { a: 'A' });
    n.drive((job): JobOutcome => (job.type === 'fail' ? { errorCode: 'DOESNT_WORK' } : {}));
    expect(h.state.instance?.state).toBe('COMPLETED');
    expect(h.rootVariables()).toEqual({ a: 'A', bar: 'A' });
    expect(h.history()).toContain('ELEMENT_COMPLETED end');
  });

  it('zeebe-chaos actionRunner: the FEEL job type runs, then the FEEL pause timer; a job that never ends is interrupted by the FEEL timeout', async () => {
    const n = await InstanceNetwork.load([model('zeebe-chaos__actionRunner')]);
    const ok = n.start('actionRunner', { action: { name: 'kill', provider: { path: 'terminate-leader', timeout: 60 }, pauses: { after: 5 } }, testReport: { failureMessages: [] } });
    n.drive();
    expect(ok.history().filter((line) => /^(JOB|TIMER)_CREATED/.test(line))).toEqual([
      'TIMER_CREATED Event_0owkcly due in 60s',
      'JOB_CREATED Activity_1xzr6io type=terminate-leader retries=3',
      'TIMER_CREATED Event_0zo9lot due in 5s',
    ]);
    expect(ok.rootVariables()).toMatchObject({ successfulRun: true, timeout: 'PT60S' });

    const stuck = n.start('actionRunner', { action: { name: 'hang', provider: { path: 'hang' } }, testReport: { failureMessages: [] } });
    n.drive((job): JobOutcome => (job.type === 'hang' ? { hold: true } : {}));
    expect(stuck.state.instance?.state).toBe('COMPLETED');
    expect(stuck.rootVariables()).toMatchObject({ successfulRun: false, timeout: 'PT1H', testReport: { failureMessages: [" Action with name: 'hang' timed out after PT1H."] } });
  });

  const experiment = {
    title: 'leader dies',
    description: 'the leader is terminated',
    'steady-state-hypothesis': { probes: [{ name: 'ready', provider: { path: 'verify-readiness', timeout: 900 } }] },
    method: [{ name: 'kill', provider: { path: 'terminate-leader' }, pauses: { after: 5 } }],
  };
  const experimentVariables = { experiment, title: experiment.title, steadyState: experiment['steady-state-hypothesis'], method: experiment.method, testReport: { failureMessages: [] } };

  it('zeebe-chaos chaosExperiment: sequential multi-instance subprocesses call actionRunner for every probe and action', async () => {
    const n = await InstanceNetwork.load([model('zeebe-chaos__chaosExperiment'), model('zeebe-chaos__actionRunner')]);
    const h = n.start('chaosExperiment', experimentVariables);
    n.drive();
    expect(n.states()).toEqual(['chaosExperiment:COMPLETED', 'actionRunner:COMPLETED', 'actionRunner:COMPLETED', 'actionRunner:COMPLETED']);
    expect(h.rootVariables()).toMatchObject({ successfulExperiment: true, successfulRun: true });
    expect(h.history()).toContain('ELEMENT_COMPLETED Event_0cqap4f');
  });

  it('zeebe-chaos chaosExperiment: an action that times out ends in the error end event, caught by the experiment subprocess', async () => {
    const n = await InstanceNetwork.load([model('zeebe-chaos__chaosExperiment'), model('zeebe-chaos__actionRunner')]);
    const h = n.start('chaosExperiment', experimentVariables);
    n.drive((job): JobOutcome => (job.type === 'verify-readiness' ? { hold: true } : {}));
    expect(n.states()).toEqual(['chaosExperiment:COMPLETED', 'actionRunner:COMPLETED']);
    expect(h.history().filter((line) => line.startsWith('ERROR_CAUGHT'))).toEqual(['ERROR_CAUGHT code=failedAction by Event_06uq3eg']);
    expect(h.rootVariables()).toMatchObject({
      successfulExperiment: false,
      testReport: { failureMessages: [" Action with name: 'ready' timed out after PT900S.", " Chaos experiment 'leader dies' failed."] },
    });
    expect(h.history()).toContain('ELEMENT_COMPLETED Event_0i9wjj1');
  });

  it('zeebe-chaos chaosToolkit: the whole chain chaosToolkit → chaosExperiment → actionRunner', async () => {
    const n = await InstanceNetwork.load([model('zeebe-chaos__chaosToolkit'), model('zeebe-chaos__chaosExperiment'), model('zeebe-chaos__actionRunner')]);
    const h = n.start('chaosToolkit', { clusterPlan: 'small', clusterName: 'c1', clusterId: 'id-1' });
    n.drive((job): JobOutcome => (job.type === 'readExperiments' ? { variables: { experiments: [experiment] } } : {}));
    expect(h.state.instance?.state).toBe('COMPLETED');
    expect(h.rootVariables()).toMatchObject({ testReport: { testResult: 'PASSED' } });
  });

  it('zeebe-client-csharp-accelerator thread-test: a parallel multi-instance job collects every threadId, then the message throw job', async () => {
    const n = await InstanceNetwork.load([model('zeebe-client-csharp-accelerator__thread-test')]);
    const h = n.start('MultiThreadTest', { inputCollection: [1, 2, 3], correlationId: 'c-1' });
    let thread = 0;
    n.drive((job): JobOutcome => (job.type === 'MultiThreadJobHandler' ? { variables: { threadId: `t${(thread += 1)}` } } : {}));
    expect(h.state.instance?.state).toBe('COMPLETED');
    expect(h.rootVariables()).toEqual({ inputCollection: [1, 2, 3], correlationId: 'c-1', usedThreads: ['t1', 't2', 't3'] });
    expect(h.history()).toContain('JOB_CREATED Event_10gz99n type=responseFor_c-1 retries=3');
  });

  it('zeebe-client-csharp timerProcess: four one-second timers in parallel, each looping back to the fork (it never ends)', async () => {
    const h = await load('zeebe-client-csharp__timerProcess');
    h.create();
    expect(h.snapshot.timers).toHaveLength(4);
    h.triggerTimer('IntermediateCatchEvent_0vwombs');
    expect(h.snapshot.timers.map((timer) => timer.elementId).sort()).toEqual(
      ['IntermediateCatchEvent_07xofye', 'IntermediateCatchEvent_07xofye', 'IntermediateCatchEvent_0lpb1bf', 'IntermediateCatchEvent_0lpb1bf', 'IntermediateCatchEvent_0nbv4a2', 'IntermediateCatchEvent_0nbv4a2', 'IntermediateCatchEvent_0vwombs'].sort(),
    );
  });

  it('zeebe-process-test automated-tests: a parallel multi-instance subprocess over a literal list', async () => {
    const n = await InstanceNetwork.load([model('zeebe-process-test__automated-tests')]);
    const h = n.start('automatedTestsProcess');
    expect(h.jobs('runTests')).toHaveLength(3);
    n.drive();
    expect(h.state.instance?.state).toBe('COMPLETED');
  });

  it('zeebe-process-test call-activity and multiple-call-activity: children created, completed and reported back', async () => {
    const n = await InstanceNetwork.load([
      model('zeebe-process-test__multiple-call-activity'),
      model('zeebe-process-test__call-activity'),
      model('zeebe-process-test__start-end'),
      model('zeebe-process-test__alternate-start-end'),
    ]);
    const h = n.start('multiple-call-activity', { x: 1 });
    expect(n.states()).toEqual(['multiple-call-activity:COMPLETED', 'call-activity:COMPLETED', 'start-end:COMPLETED', 'alternate-start-end:COMPLETED']);
    expect(n.crossings).toEqual([
      'CREATE_PROCESS_INSTANCE → call-activity',
      'CREATE_PROCESS_INSTANCE → start-end',
      'COMPLETE_CALL_ACTIVITY → call-activity',
      'COMPLETE_CALL_ACTIVITY → multiple-call-activity',
      'CREATE_PROCESS_INSTANCE → alternate-start-end',
      'COMPLETE_CALL_ACTIVITY → multiple-call-activity',
    ]);
    // propagateAllChildVariables="false": nothing comes back; every parent variable goes down
    expect(h.rootVariables()).toEqual({ x: 1 });
    expect(n.instanceOf('start-end').rootVariables()).toEqual({ x: 1 });
  });

  it('zeebe-chaos call (a process calling itself, never ending): each level asks for the next; canceling the top asks to cancel the level below', async () => {
    const top = await load('zeebe-chaos__call');
    top.create({ depth: 0 });
    const [request] = top.childRequests();
    expect(request).toMatchObject({ elementId: 'Activity_1m93e5c', processDefinitionId: 'super', variables: { depth: 0 } });

    const level1 = new CoreHarness(top.model, { firstKey: 1_000_000 });
    level1.create(request!.variables, { processInstanceKey: request!.childProcessInstanceKey, parent: { processInstanceKey: top.processInstanceKey, elementInstanceKey: top.element('Activity_1m93e5c').elementInstanceKey } });
    expect(level1.childRequests()).toHaveLength(1);

    expect(top.cancel()).toContain('CHILD_INSTANCE_CANCEL_REQUESTED Activity_1m93e5c');
    expect(level1.reject({ type: 'CANCEL_PROCESS_INSTANCE' }).code).toBe('PROCESS_INSTANCE.IS_CALLED');
    expect(level1.accept({ type: 'CANCEL_PROCESS_INSTANCE', byParent: true })).toContain('CHILD_INSTANCE_CANCEL_REQUESTED Activity_1m93e5c');
  });

  it('zeebe-process-test test_timer_events: the fast timer wins the race', async () => {
    const n = await InstanceNetwork.load([model('zeebe-process-test__test_timer_events')]);
    const h = n.start('Process_Timer_Test_01');
    n.drive();
    expect(h.state.instance?.state).toBe('COMPLETED');
    expect(h.history()).toContain('ELEMENT_COMPLETED EndEvent_FastFlow');
    expect(h.history()).not.toContain('TIMER_TRIGGERED TimerEvent_Wait30d');
  });
});
