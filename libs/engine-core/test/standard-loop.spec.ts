import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * BPMN 2.0.2 standard loop (`bpmn:standardLoopCharacteristics`; Camunda 8 has none): the
 * activity runs in a body (MULTI_INSTANCE_BODY, `<id>#body` below), one iteration at a time with
 * a 1-based `loopCounter`, while `loopCondition` holds and at most `loopMaximum` times.
 */
describe('standard loop', () => {
  it('runs a job again while the condition holds after each iteration (do-while); the completion variables propagate', async () => {
    const h = await CoreHarness.load('loop-job.bpmn');

    expect(h.create({ done: false }).slice(-7)).toEqual([
      'ELEMENT_ACTIVATING work#body',
      'MULTI_INSTANCE_UPDATED work#body instances=1 completed=0 terminated=0',
      'ELEMENT_ACTIVATED work#body',
      'ELEMENT_ACTIVATING work',
      'VARIABLE_CREATED loopCounter=1 @work',
      'JOB_CREATED work type=work retries=3',
      'ELEMENT_ACTIVATED work',
    ]);
    expect(h.completeJob('work', { done: false })).toEqual([
      'JOB_COMPLETED work',
      'ELEMENT_COMPLETING work',
      'MULTI_INSTANCE_UPDATED work#body instances=2 completed=1 terminated=0',
      'ELEMENT_COMPLETED work',
      'ELEMENT_ACTIVATING work',
      'VARIABLE_CREATED loopCounter=2 @work',
      'JOB_CREATED work type=work retries=3',
      'ELEMENT_ACTIVATED work',
    ]);
    expect(h.completeJob('work', { done: true })).toEqual([
      'JOB_COMPLETED work',
      'ELEMENT_COMPLETING work',
      'VARIABLE_UPDATED done=true @loop-job',
      'MULTI_INSTANCE_UPDATED work#body instances=2 completed=2 terminated=0',
      'ELEMENT_COMPLETED work',
      ...completes('work#body'),
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('loop-job'),
    ]);
  });

  it('stops at the loop maximum even while the condition holds', async () => {
    const h = await CoreHarness.load('loop-job.bpmn');
    h.create({ done: false });
    h.completeJob('work', { done: false });
    h.completeJob('work', { done: false });

    expect(h.completeJob('work', { done: false })).toEqual([
      'JOB_COMPLETED work',
      'ELEMENT_COMPLETING work',
      'MULTI_INSTANCE_UPDATED work#body instances=3 completed=3 terminated=0',
      'ELEMENT_COMPLETED work',
      ...completes('work#body'),
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('loop-job'),
    ]);
  });

  it('with testBefore, evaluates before each iteration: the body sees loopCounter, results propagate', async () => {
    const h = await CoreHarness.load('loop-test-before.bpmn');

    expect(h.create({ count: 2, total: 0 }).slice(10)).toEqual([
      'ELEMENT_ACTIVATING add#body',
      'MULTI_INSTANCE_UPDATED add#body instances=1 completed=0 terminated=0',
      'ELEMENT_ACTIVATED add#body',
      'ELEMENT_ACTIVATING add',
      'VARIABLE_CREATED loopCounter=1 @add',
      'ELEMENT_ACTIVATED add',
      'ELEMENT_COMPLETING add',
      'VARIABLE_UPDATED total=1 @loop-test-before',
      'MULTI_INSTANCE_UPDATED add#body instances=2 completed=1 terminated=0',
      'ELEMENT_COMPLETED add',
      'ELEMENT_ACTIVATING add',
      'VARIABLE_CREATED loopCounter=2 @add',
      'ELEMENT_ACTIVATED add',
      'ELEMENT_COMPLETING add',
      'VARIABLE_UPDATED total=3 @loop-test-before',
      'MULTI_INSTANCE_UPDATED add#body instances=2 completed=2 terminated=0',
      'ELEMENT_COMPLETED add',
      ...completes('add#body'),
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('loop-test-before'),
    ]);
  });

  it('with testBefore and a false condition, runs zero times', async () => {
    const h = await CoreHarness.load('loop-test-before.bpmn');

    expect(h.create({ count: 0, total: 0 }).slice(10)).toEqual([
      'ELEMENT_ACTIVATING add#body',
      'MULTI_INSTANCE_UPDATED add#body instances=0 completed=0 terminated=0',
      'ELEMENT_ACTIVATED add#body',
      ...completes('add#body'),
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('loop-test-before'),
    ]);
  });

  it('a condition that is not a boolean: incident on the body before the first iteration, resolvable', async () => {
    const h = await CoreHarness.load('loop-test-before.bpmn');

    expect(h.create({ total: 0 }).slice(-2)).toEqual(['ELEMENT_ACTIVATING add#body', 'INCIDENT_CREATED add CONDITION_ERROR']);
    h.setVariables({ count: 1 });
    expect(h.resolveIncident('add').slice(0, 4)).toEqual(['INCIDENT_RESOLVED add#body', 'MULTI_INSTANCE_UPDATED add#body instances=1 completed=0 terminated=0', 'ELEMENT_ACTIVATED add#body', 'ELEMENT_ACTIVATING add']);
    expect(h.rootVariables()).toMatchObject({ total: 1 });
  });

  it('loops a subprocess; a boundary event belongs to the body and ends the whole loop', async () => {
    const h = await CoreHarness.load('loop-subprocess.bpmn');
    h.create();

    expect(h.completeUserTask('review', { x: 1 }).slice(-15)).toEqual([
      ...completes('round-end'),
      'ELEMENT_COMPLETING round',
      'MULTI_INSTANCE_UPDATED round#body instances=2 completed=1 terminated=0',
      'ELEMENT_COMPLETED round',
      'ELEMENT_ACTIVATING round',
      'VARIABLE_CREATED loopCounter=2 @round',
      'ELEMENT_ACTIVATED round',
      ...passes('round-start'),
      'SEQUENCE_FLOW_TAKEN f-in',
      'ELEMENT_ACTIVATING review',
      'USER_TASK_CREATED review',
      'ELEMENT_ACTIVATED review',
    ].slice(-15));
    expect(h.triggerTimer('late')).toEqual([
      'TIMER_TRIGGERED late',
      'ELEMENT_TERMINATING round#body',
      'ELEMENT_TERMINATING round',
      'ELEMENT_TERMINATING review',
      'USER_TASK_CANCELED review',
      'ELEMENT_TERMINATED review',
      'ELEMENT_TERMINATED round',
      // the body counts the interrupted iteration, as a multi-instance body counts a terminated inner instance
      'MULTI_INSTANCE_UPDATED round#body instances=2 completed=1 terminated=1',
      'ELEMENT_TERMINATED round#body',
      ...passes('late'),
      'SEQUENCE_FLOW_TAKEN f-timeout',
      ...passes('late-end'),
      ...completes('loop-subprocess'),
    ]);
  });
});
