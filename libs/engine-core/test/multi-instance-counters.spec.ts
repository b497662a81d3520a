import { describe, expect, it } from 'vitest';
import { CoreHarness } from './support/core-harness.js';

/**
 * The counters of a multi-instance body, as Zeebe keeps them on its element instance and hands
 * them to the completion condition (Camunda 8: components/modeler/bpmn/multi-instance, "Completion
 * condition"): `numberOfInstances` (inner instances created: all of a parallel body's at once, a
 * sequential body's one after the other), `numberOfActiveInstances` (created, not yet ended; the
 * completing one no longer counts), `numberOfCompletedInstances` (the completing one included) and
 * `numberOfTerminatedInstances`. The fixture's completion condition is true exactly when the
 * counters equal the `want` variable, so each case shows the exact values the condition saw.
 */
const want = (instances: number, active: number, completed: number, terminated: number) => ({ instances, active, completed, terminated });

async function start(variables: Record<string, unknown>): Promise<CoreHarness> {
  const h = await CoreHarness.load('multi-instance-counters.bpmn');
  h.create(variables);
  return h;
}

const counts = (h: CoreHarness, elementId: string) => h.snapshot.elements.find((e) => e.elementId === elementId && e.elementType === 'bpmn:MultiInstanceBody')?.multiInstance;
const updates = (events: string[]) => events.filter((event) => event.startsWith('MULTI_INSTANCE_UPDATED'));
const bodyOf = (h: CoreHarness, elementId: string) => h.snapshot.elements.find((e) => e.elementId === elementId && e.elementType === 'bpmn:MultiInstanceBody')!;

describe('multi-instance counters', () => {
  it('parallel: the first completion of three sees 3 created, 2 active, 1 completed, 0 terminated', async () => {
    const h = await start({ items: ['a', 'b', 'c'], want: want(3, 2, 1, 0) });
    expect(counts(h, 'check')).toEqual({ numberOfInstances: 3, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 });
    const [, second] = h.jobs('check');
    const events = h.completeJobByKey(second!.jobKey, { result: 'B' });
    expect(updates(events)).toEqual([
      'MULTI_INSTANCE_UPDATED check#body instances=3 completed=1 terminated=0',
      'MULTI_INSTANCE_UPDATED check#body instances=3 completed=1 terminated=2',
    ]);
    expect(h.rootVariables()).toMatchObject({ results: [null, 'B', null] });
    expect(h.state.instance?.state).toBe('COMPLETED');
  });

  it('parallel: the condition met at the second completion terminates the third; the body counts it terminated', async () => {
    const h = await start({ items: ['a', 'b', 'c'], want: want(3, 1, 2, 0) });
    const [first, second, third] = h.jobs('check');
    expect(updates(h.completeJobByKey(third!.jobKey, { result: 'C' }))).toEqual(['MULTI_INSTANCE_UPDATED check#body instances=3 completed=1 terminated=0']);
    expect(h.completeJobByKey(first!.jobKey, { result: 'A' })).toEqual([
      'JOB_COMPLETED check',
      'ELEMENT_COMPLETING check',
      'VARIABLE_UPDATED result="A" @check',
      'VARIABLE_UPDATED results=["A",null,"C"] @check#body',
      'MULTI_INSTANCE_UPDATED check#body instances=3 completed=2 terminated=0',
      'ELEMENT_COMPLETED check',
      'ELEMENT_TERMINATING check',
      'JOB_CANCELED check',
      'ELEMENT_TERMINATED check',
      'MULTI_INSTANCE_UPDATED check#body instances=3 completed=2 terminated=1',
      'ELEMENT_COMPLETING check#body',
      'TIMER_CANCELED check-timeout',
      'VARIABLE_CREATED results=["A",null,"C"] @multi-instance-counters',
      'ELEMENT_COMPLETED check#body',
      'SEQUENCE_FLOW_TAKEN f-checked',
      'ELEMENT_ACTIVATING end',
      'ELEMENT_ACTIVATED end',
      'ELEMENT_COMPLETING end',
      'ELEMENT_COMPLETED end',
      'ELEMENT_COMPLETING multi-instance-counters',
      'ELEMENT_COMPLETED multi-instance-counters',
    ]);
    expect(second).toBeDefined();
  });

  it('the condition reads the completing instance’s own variables (its output element)', async () => {
    const h = await start({ items: ['a', 'b'], want: want(0, 0, 0, 0) });
    const [first] = h.jobs('check');
    expect(updates(h.completeJobByKey(first!.jobKey, { result: 'stop' }))).toEqual([
      'MULTI_INSTANCE_UPDATED check#body instances=2 completed=1 terminated=0',
      'MULTI_INSTANCE_UPDATED check#body instances=2 completed=1 terminated=1',
    ]);
    expect(h.state.instance?.state).toBe('COMPLETED');
  });

  it('the counters hide process variables of the same names, which stay untouched', async () => {
    const h = await start({ items: ['a', 'b'], want: want(2, 1, 1, 0), numberOfInstances: 99, numberOfActiveInstances: 98, numberOfCompletedInstances: 97, numberOfTerminatedInstances: 96 });
    h.completeJobByKey(h.jobs('check')[0]!.jobKey, { result: 'go' });
    expect(h.state.instance?.state).toBe('COMPLETED');
    expect(h.rootVariables()).toMatchObject({ numberOfInstances: 99, numberOfActiveInstances: 98, numberOfCompletedInstances: 97, numberOfTerminatedInstances: 96 });
  });

  it('parallel: no completion matches the wanted counters, so every instance completes: 3 created, 3 completed', async () => {
    const h = await start({ items: ['a', 'b', 'c'], want: want(3, 0, 3, 1) });
    for (const job of h.jobs('check')) h.completeJobByKey(job.jobKey, { result: job.jobKey });
    expect(h.state.instance?.state).toBe('COMPLETED');
    expect(h.lastEvents.find((event) => event.type === 'MULTI_INSTANCE_UPDATED')).toMatchObject({ counts: { numberOfInstances: 3, numberOfCompletedInstances: 3, numberOfTerminatedInstances: 0 } });
  });

  it('sequential: instances are counted as they are created; the second completion sees 2 created, 0 active, 2 completed', async () => {
    const h = await start({ sequential: true, items: ['a', 'b', 'c'], want: want(2, 0, 2, 0) });
    expect(counts(h, 'step')).toEqual({ numberOfInstances: 1, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 });
    expect(updates(h.completeJob('step'))).toEqual(['MULTI_INSTANCE_UPDATED step#body instances=2 completed=1 terminated=0']);
    expect(updates(h.completeJob('step'))).toEqual(['MULTI_INSTANCE_UPDATED step#body instances=2 completed=2 terminated=0']);
    // the third element never got an inner instance
    expect(h.state.instance?.state).toBe('COMPLETED');
  });

  it('sequential: the first completion sees 1 created, 0 active, 1 completed', async () => {
    const h = await start({ sequential: true, items: ['a', 'b', 'c'], want: want(1, 0, 1, 0) });
    expect(updates(h.completeJob('step'))).toEqual(['MULTI_INSTANCE_UPDATED step#body instances=1 completed=1 terminated=0']);
    expect(h.state.instance?.state).toBe('COMPLETED');
  });

  it('an interrupting boundary event of the body counts the inner instances it terminated', async () => {
    const h = await start({ items: ['a', 'b', 'c'], want: want(0, 0, 0, 0) });
    h.completeJobByKey(h.jobs('check')[0]!.jobKey, { result: 'A' });
    const body = bodyOf(h, 'check');
    expect(updates(h.triggerTimer('check-timeout'))).toEqual(['MULTI_INSTANCE_UPDATED check#body instances=3 completed=1 terminated=2']);
    expect(h.replay().element(body.elementInstanceKey)?.multiInstance).toEqual({ numberOfInstances: 3, numberOfCompletedInstances: 1, numberOfTerminatedInstances: 2 });
  });

  it('cancelling the instance counts the running inner instances terminated', async () => {
    const h = await start({ sequential: true, items: ['a', 'b', 'c'], want: want(0, 0, 0, 0) });
    h.completeJob('step');
    const body = bodyOf(h, 'step');
    expect(updates(h.cancel())).toEqual(['MULTI_INSTANCE_UPDATED step#body instances=2 completed=1 terminated=1']);
    expect(h.replay().element(body.elementInstanceKey)?.multiInstance).toEqual({ numberOfInstances: 2, numberOfCompletedInstances: 1, numberOfTerminatedInstances: 1 });
  });
});
