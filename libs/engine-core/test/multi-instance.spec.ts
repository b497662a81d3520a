import { describe, expect, it } from 'vitest';
import { activates, completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Multi-instance activities (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/multi-instance/):
 * "a multi-instance body, and an inner activity. The multi-instance body is the container for all
 * instances of the inner activity." The input collection must be a list; each inner instance gets
 * its element (inputElement) and `loopCounter` as local variables; the output element is collected
 * into the output collection in collection order and handed on when the body completes; the
 * completion condition can end the body early; boundary events belong to the body.
 */
describe('parallel multi-instance', () => {
  it('creates every inner instance at once with its element, loop counter and input mappings; collects the outputs in collection order', async () => {
    const h = await CoreHarness.load('multi-instance-parallel.bpmn');

    expect(h.create({ items: [{ sku: 'a' }, { sku: 'b' }] }).slice(9)).toEqual([
      'ELEMENT_ACTIVATING ship#body',
      'MULTI_INSTANCE_UPDATED ship#body instances=2 completed=0 terminated=0',
      'VARIABLE_CREATED results=[null,null] @ship#body',
      'ELEMENT_ACTIVATED ship#body',
      'ELEMENT_ACTIVATING ship',
      'VARIABLE_CREATED item={"sku":"a"} @ship',
      'VARIABLE_CREATED loopCounter=1 @ship',
      // the output element's variable starts local (null), so each instance keeps its own result
      'VARIABLE_CREATED result=null @ship',
      'VARIABLE_CREATED sku="a" @ship',
      'JOB_CREATED ship type=ship retries=3',
      'ELEMENT_ACTIVATED ship',
      'ELEMENT_ACTIVATING ship',
      'VARIABLE_CREATED item={"sku":"b"} @ship',
      'VARIABLE_CREATED loopCounter=2 @ship',
      'VARIABLE_CREATED result=null @ship',
      'VARIABLE_CREATED sku="b" @ship',
      'JOB_CREATED ship type=ship retries=3',
      'ELEMENT_ACTIVATED ship',
    ]);
    const body = h.elements('ship').find((e) => e.elementType === 'bpmn:MultiInstanceBody')!;
    expect(body).toMatchObject({ flowScopeKey: h.processInstanceKey, multiInstance: { numberOfInstances: 2, numberOfCompletedInstances: 0, numberOfTerminatedInstances: 0 } });
    expect(h.elements('ship').filter((e) => e.elementType === 'bpmn:ServiceTask').map((e) => e.flowScopeKey)).toEqual([body.elementInstanceKey, body.elementInstanceKey]);

    const [first, second] = h.jobs('ship');
    expect(h.completeJobByKey(second!.jobKey, { result: 'B' })).toEqual([
      'JOB_COMPLETED ship',
      'ELEMENT_COMPLETING ship',
      'VARIABLE_UPDATED result="B" @ship',
      'VARIABLE_UPDATED results=[null,"B"] @ship#body',
      'MULTI_INSTANCE_UPDATED ship#body instances=2 completed=1 terminated=0',
      'ELEMENT_COMPLETED ship',
    ]);
    expect(h.completeJobByKey(first!.jobKey, { result: 'A' })).toEqual([
      'JOB_COMPLETED ship',
      'ELEMENT_COMPLETING ship',
      'VARIABLE_UPDATED result="A" @ship',
      'VARIABLE_UPDATED results=["A","B"] @ship#body',
      'MULTI_INSTANCE_UPDATED ship#body instances=2 completed=2 terminated=0',
      'ELEMENT_COMPLETED ship',
      'ELEMENT_COMPLETING ship#body',
      'VARIABLE_CREATED results=["A","B"] @multi-instance-parallel',
      'ELEMENT_COMPLETED ship#body',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('multi-instance-parallel'),
    ]);
    expect(h.rootVariables()).toEqual({ items: [{ sku: 'a' }, { sku: 'b' }], results: ['A', 'B'] });
  });

  it('given an empty collection, the body completes at once with an empty output collection', async () => {
    const h = await CoreHarness.load('multi-instance-parallel.bpmn');
    expect(h.create({ items: [] }).slice(9)).toEqual([
      'ELEMENT_ACTIVATING ship#body',
      'MULTI_INSTANCE_UPDATED ship#body instances=0 completed=0 terminated=0',
      'VARIABLE_CREATED results=[] @ship#body',
      'ELEMENT_ACTIVATED ship#body',
      'ELEMENT_COMPLETING ship#body',
      'VARIABLE_CREATED results=[] @multi-instance-parallel',
      'ELEMENT_COMPLETED ship#body',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('multi-instance-parallel'),
    ]);
  });

  it('given an input collection that is not a list, an incident EXTRACT_VALUE_ERROR holds the body at ACTIVATING; fixed and resolved, it runs', async () => {
    const h = await CoreHarness.load('multi-instance-parallel.bpmn');

    expect(h.create({ items: 'abc' }).slice(-2)).toEqual(['ELEMENT_ACTIVATING ship#body', 'INCIDENT_CREATED ship EXTRACT_VALUE_ERROR']);
    expect(h.incident('ship')).toMatchObject({ retry: 'ACTIVATE', errorMessage: "Expected result of the expression 'items' to be 'ARRAY', but was 'STRING'." });
    expect(h.activeElements()).toEqual(['multi-instance-parallel:ACTIVATED', 'ship#body:ACTIVATING']);

    h.setVariables({ items: [{ sku: 'c' }] });
    expect(h.resolveIncident('ship').slice(0, 5)).toEqual([
      'INCIDENT_RESOLVED ship#body',
      'MULTI_INSTANCE_UPDATED ship#body instances=1 completed=0 terminated=0',
      'VARIABLE_CREATED results=[null] @ship#body',
      'ELEMENT_ACTIVATED ship#body',
      'ELEMENT_ACTIVATING ship',
    ]);
  });

  it('a completion condition met terminates the other inner instances and completes the body', async () => {
    const h = await CoreHarness.load('multi-instance-completion.bpmn');
    h.create({ voters: ['ann', 'bob', 'cid'] });
    const taskOf = (assignee: string) => h.snapshot.userTasks.find((task) => task.assignee === assignee)!.userTaskKey;

    expect(h.accept({ type: 'COMPLETE_USER_TASK', userTaskKey: taskOf('bob'), variables: { approve: true }, completedBy: 'bob' })).toEqual([
      'USER_TASK_COMPLETED vote [approve]',
      'ELEMENT_COMPLETING vote',
      'VARIABLE_UPDATED approve=true @vote',
      'VARIABLE_UPDATED votes=[null,true,null] @vote#body',
      'MULTI_INSTANCE_UPDATED vote#body instances=3 completed=1 terminated=0',
      'ELEMENT_COMPLETED vote',
    ]);
    expect(h.accept({ type: 'COMPLETE_USER_TASK', userTaskKey: taskOf('ann'), variables: { approve: false }, completedBy: 'ann' })).toEqual([
      'USER_TASK_COMPLETED vote [approve]',
      'ELEMENT_COMPLETING vote',
      'VARIABLE_UPDATED approve=false @vote',
      'VARIABLE_UPDATED votes=[false,true,null] @vote#body',
      'MULTI_INSTANCE_UPDATED vote#body instances=3 completed=2 terminated=0',
      'ELEMENT_COMPLETED vote',
      'ELEMENT_TERMINATING vote',
      'USER_TASK_CANCELED vote',
      'ELEMENT_TERMINATED vote',
      'MULTI_INSTANCE_UPDATED vote#body instances=3 completed=2 terminated=1',
      'ELEMENT_COMPLETING vote#body',
      'VARIABLE_CREATED votes=[false,true,null] @multi-instance-completion',
      'ELEMENT_COMPLETED vote#body',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('multi-instance-completion'),
    ]);
  });

  it('inner call activities: each asks for a child with its element; the body collects what the children return', async () => {
    const h = await CoreHarness.load('multi-instance-call.bpmn');
    h.create({ list: ['x', 'y'] });
    expect(h.childRequests().map((request) => request.variables)).toEqual([
      { list: ['x', 'y'], results: [null, null], listItem: 'x', loopCounter: 1, decisionResult: null },
      { list: ['x', 'y'], results: [null, null], listItem: 'y', loopCounter: 2, decisionResult: null },
    ]);
    const [x, y] = h.snapshot.elements.filter((e) => e.elementType === 'bpmn:CallActivity');
    h.accept({ type: 'COMPLETE_CALL_ACTIVITY', elementInstanceKey: y!.elementInstanceKey, variables: { decisionResult: 'Y' } });
    h.accept({ type: 'COMPLETE_CALL_ACTIVITY', elementInstanceKey: x!.elementInstanceKey, variables: { decisionResult: 'X' } });
    expect(h.rootVariables()).toEqual({ list: ['x', 'y'], results: ['X', 'Y'] });
  });
});

describe('sequential multi-instance', () => {
  it('runs one inner instance at a time; output mappings of the inner activity set its output element; the outputs come back in order', async () => {
    const h = await CoreHarness.load('multi-instance-sequential.bpmn');

    expect(h.create({ invoices: [{ amount: 1 }, { amount: 2 }] }).slice(9)).toEqual([
      'ELEMENT_ACTIVATING bill#body',
      // sequential: an inner instance counts once it is created
      'MULTI_INSTANCE_UPDATED bill#body instances=1 completed=0 terminated=0',
      'VARIABLE_CREATED totals=[null,null] @bill#body',
      'ELEMENT_ACTIVATED bill#body',
      'ELEMENT_ACTIVATING bill',
      'VARIABLE_CREATED invoice={"amount":1} @bill',
      'VARIABLE_CREATED loopCounter=1 @bill',
      'VARIABLE_CREATED total=null @bill',
      'JOB_CREATED bill type=bill retries=3',
      'ELEMENT_ACTIVATED bill',
    ]);
    expect(h.completeJob('bill', { fee: 10 })).toEqual([
      'JOB_COMPLETED bill',
      'ELEMENT_COMPLETING bill',
      'VARIABLE_CREATED fee=10 @bill',
      'VARIABLE_UPDATED total=11 @bill',
      'VARIABLE_UPDATED totals=[11,null] @bill#body',
      'MULTI_INSTANCE_UPDATED bill#body instances=2 completed=1 terminated=0',
      'ELEMENT_COMPLETED bill',
      'ELEMENT_ACTIVATING bill',
      'VARIABLE_CREATED invoice={"amount":2} @bill',
      'VARIABLE_CREATED loopCounter=2 @bill',
      'VARIABLE_CREATED total=null @bill',
      'JOB_CREATED bill type=bill retries=3',
      'ELEMENT_ACTIVATED bill',
    ]);
    expect(h.completeJob('bill', { fee: 20 }).slice(-11)).toEqual([
      'ELEMENT_COMPLETED bill',
      'ELEMENT_COMPLETING bill#body',
      'VARIABLE_CREATED totals=[11,22] @multi-instance-sequential',
      'ELEMENT_COMPLETED bill#body',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('multi-instance-sequential'),
    ]);
    expect(h.rootVariables()).toEqual({ invoices: [{ amount: 1 }, { amount: 2 }], totals: [11, 22] });
  });

  it('given an output mapping that fails, the inner instance waits at COMPLETING; resolved, it collects and the next one starts', async () => {
    const h = await CoreHarness.load('multi-instance-sequential.bpmn');
    h.create({ invoices: [{ amount: 1 }, { amount: 2 }] });

    expect(h.completeJob('bill', { discount: 1 }).slice(-2)).toEqual(['VARIABLE_CREATED discount=1 @bill', 'INCIDENT_CREATED bill IO_MAPPING_ERROR']);
    expect(h.elements('bill').map((e) => `${e.elementType}:${e.lifecycle}`).sort()).toEqual(['bpmn:MultiInstanceBody:ACTIVATED', 'bpmn:ServiceTask:COMPLETING']);
    const inner = h.elements('bill').find((e) => e.elementType === 'bpmn:ServiceTask')!;
    h.accept({ type: 'SET_VARIABLES', elementInstanceKey: inner.elementInstanceKey, variables: { fee: 5 }, local: true });
    expect(h.resolveIncident('bill').slice(0, 5)).toEqual([
      'INCIDENT_RESOLVED bill',
      'VARIABLE_UPDATED total=6 @bill',
      'VARIABLE_UPDATED totals=[6,null] @bill#body',
      'MULTI_INSTANCE_UPDATED bill#body instances=2 completed=1 terminated=0',
      'ELEMENT_COMPLETED bill',
    ]);
  });
});

describe('multi-instance subprocess with boundary events on its body', () => {
  it('runs the subprocess per element; the body timer interrupts the body with the running inner instance', async () => {
    const h = await CoreHarness.load('multi-instance-subprocess.bpmn');

    expect(h.create({ orders: [1, 2, 3] }).slice(9, 16)).toEqual([
      'ELEMENT_ACTIVATING each#body',
      'TIMER_CREATED each-timeout due in 3600s',
      'MULTI_INSTANCE_UPDATED each#body instances=1 completed=0 terminated=0',
      'ELEMENT_ACTIVATED each#body',
      'ELEMENT_ACTIVATING each',
      'VARIABLE_CREATED order=1 @each',
      'VARIABLE_CREATED loopCounter=1 @each',
    ]);
    expect(h.timer('each-timeout').elementInstanceKey).toBe(h.elements('each').find((e) => e.elementType === 'bpmn:MultiInstanceBody')!.elementInstanceKey);

    expect(h.completeJob('handle')).toEqual([
      'JOB_COMPLETED handle',
      ...completes('handle'),
      'SEQUENCE_FLOW_TAKEN f-each-end',
      ...passes('each-end'),
      'ELEMENT_COMPLETING each',
      'MULTI_INSTANCE_UPDATED each#body instances=2 completed=1 terminated=0',
      'ELEMENT_COMPLETED each',
      'ELEMENT_ACTIVATING each',
      'VARIABLE_CREATED order=2 @each',
      'VARIABLE_CREATED loopCounter=2 @each',
      'ELEMENT_ACTIVATED each',
      ...passes('each-start'),
      'SEQUENCE_FLOW_TAKEN f-each-start',
      'ELEMENT_ACTIVATING handle',
      'JOB_CREATED handle type=handle retries=3',
      'ELEMENT_ACTIVATED handle',
    ]);

    expect(h.triggerTimer('each-timeout')).toEqual([
      'TIMER_TRIGGERED each-timeout',
      'ELEMENT_TERMINATING each#body',
      'ELEMENT_TERMINATING each',
      'ELEMENT_TERMINATING handle',
      'JOB_CANCELED handle',
      'ELEMENT_TERMINATED handle',
      'ELEMENT_TERMINATED each',
      'MULTI_INSTANCE_UPDATED each#body instances=2 completed=1 terminated=1',
      'ELEMENT_TERMINATED each#body',
      ...passes('each-timeout'),
      'SEQUENCE_FLOW_TAKEN f-each-timeout',
      ...passes('timed-out'),
      ...completes('multi-instance-subprocess'),
    ]);
  });

  it('an error thrown in an inner instance is caught by the boundary event of the body, which also cancels the body timer', async () => {
    const h = await CoreHarness.load('multi-instance-subprocess.bpmn');
    h.create({ orders: [1, 2] });

    expect(h.throwJobError('handle', 'ANY')).toEqual([
      'JOB_ERROR_THROWN handle code=ANY',
      'ERROR_CAUGHT code=ANY by each-failed',
      'ELEMENT_TERMINATING each#body',
      'ELEMENT_TERMINATING each',
      'ELEMENT_TERMINATING handle',
      'JOB_CANCELED handle',
      'ELEMENT_TERMINATED handle',
      'ELEMENT_TERMINATED each',
      'MULTI_INSTANCE_UPDATED each#body instances=1 completed=0 terminated=1',
      'TIMER_CANCELED each-timeout',
      'ELEMENT_TERMINATED each#body',
      ...activates('each-failed'),
      ...completes('each-failed'),
      'SEQUENCE_FLOW_TAKEN f-each-failed',
      ...passes('failed'),
      ...completes('multi-instance-subprocess'),
    ]);
  });

  it('completes the body after the last element and cancels its timer', async () => {
    const h = await CoreHarness.load('multi-instance-subprocess.bpmn');
    h.create({ orders: [1] });
    expect(h.completeJob('handle').slice(-13)).toEqual([
      'ELEMENT_COMPLETING each',
      'MULTI_INSTANCE_UPDATED each#body instances=1 completed=1 terminated=0',
      'ELEMENT_COMPLETED each',
      'ELEMENT_COMPLETING each#body',
      'TIMER_CANCELED each-timeout',
      'ELEMENT_COMPLETED each#body',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('multi-instance-subprocess'),
    ]);
    expect(h.lastEvents.filter((e) => e.type === 'TIMER_CANCELED')).toHaveLength(1);
    expect(h.state.instance?.state).toBe('COMPLETED');
  });
});
