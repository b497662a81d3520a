import { describe, expect, it } from 'vitest';
import { activates, completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Call activities (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/call-activities/). The
 * core cannot touch another instance, so a call activity asks for its child
 * (CHILD_INSTANCE_REQUESTED) and waits; the executor creates the child and reports back with
 * COMPLETE_CALL_ACTIVITY, CALLED_ELEMENT_NOT_FOUND or THROW_ERROR_AT. Variables: by default every
 * variable visible at the call activity goes to the child (propagateAllParentVariables) and every
 * root variable of the child comes back (propagateAllChildVariables); input mappings are local
 * variables of the call activity and go along; output mappings read the child's variables and
 * only their results come back. "When an interrupting boundary event is triggered, the call
 * activity and the created process instance are terminated."
 */
describe('call activity (parent side)', () => {
  it('asks for a child with every visible variable and its input mappings, waits, and completes with the output mappings of the child variables', async () => {
    const h = await CoreHarness.load('call-activity.bpmn');

    expect(h.create({ order: { id: 7 }, other: 1 }).slice(-6)).toEqual([
      'SEQUENCE_FLOW_TAKEN f-start',
      'ELEMENT_ACTIVATING call',
      'VARIABLE_CREATED orderId=7 @call',
      'TIMER_CREATED too-slow due in 172800s',
      'CHILD_INSTANCE_REQUESTED call process=shipping {"order":{"id":7},"other":1,"orderId":7}',
      'ELEMENT_ACTIVATED call',
    ]);
    const [request] = h.lastEvents.filter((event) => event.type === 'CHILD_INSTANCE_REQUESTED');
    expect(request).toEqual({
      type: 'CHILD_INSTANCE_REQUESTED',
      elementInstanceKey: h.element('call').elementInstanceKey,
      elementId: 'call',
      childProcessInstanceKey: expect.stringMatching(/^\d+$/),
      processDefinitionId: 'shipping',
      bindingType: 'latest',
      versionTag: null,
      variables: { order: { id: 7 }, other: 1, orderId: 7 },
    });
    expect(h.element('call').calledProcessInstanceKey).toBe((request as { childProcessInstanceKey: string }).childProcessInstanceKey);

    // with output mappings, the child's variables are the call activity's locals and only the mapping comes back
    expect(h.completeCallActivity('call', { trackingCode: 'TR-1', internal: true })).toEqual([
      'ELEMENT_COMPLETING call',
      'TIMER_CANCELED too-slow',
      'VARIABLE_CREATED trackingCode="TR-1" @call',
      'VARIABLE_CREATED internal=true @call',
      'VARIABLE_CREATED tracking="TR-1" @call-activity',
      'ELEMENT_COMPLETED call',
      'SEQUENCE_FLOW_TAKEN f-after',
      'ELEMENT_ACTIVATING after',
      'USER_TASK_CREATED after',
      'ELEMENT_ACTIVATED after',
    ]);
    expect(h.rootVariables()).toEqual({ order: { id: 7 }, other: 1, tracking: 'TR-1' });
  });

  it('propagation rules: defaults copy everything both ways; disabled copies nothing; with mappings only the mappings; a FEEL process id is evaluated', async () => {
    const h = await CoreHarness.load('call-propagation.bpmn');

    expect(h.create({ amount: 3, kind: 'x' }).slice(-3)).toEqual(['ELEMENT_ACTIVATING all', 'CHILD_INSTANCE_REQUESTED all process=child {"amount":3,"kind":"x"}', 'ELEMENT_ACTIVATED all']);
    expect(h.completeCallActivity('all', { fromChild: 1 }).slice(0, 4)).toEqual(['ELEMENT_COMPLETING all', 'VARIABLE_CREATED fromChild=1 @call-propagation', 'ELEMENT_COMPLETED all', 'SEQUENCE_FLOW_TAKEN f-all']);
    expect(h.lastEvents.at(-2)).toMatchObject({ type: 'CHILD_INSTANCE_REQUESTED', elementId: 'nothing', variables: {} });

    expect(h.completeCallActivity('nothing', { ignored: 1 }).slice(0, 2)).toEqual(['ELEMENT_COMPLETING nothing', 'ELEMENT_COMPLETED nothing']);
    expect(h.childRequests()).toEqual([{ elementId: 'mapped', processDefinitionId: 'child-x', childProcessInstanceKey: expect.any(String), variables: { double: 6 } }]);

    expect(h.completeCallActivity('mapped', { answer: 42, other: 1 }).slice(0, 6)).toEqual([
      'ELEMENT_COMPLETING mapped',
      'VARIABLE_CREATED answer=42 @mapped',
      'VARIABLE_CREATED other=1 @mapped',
      'VARIABLE_CREATED mappedAnswer=42 @call-propagation',
      'ELEMENT_COMPLETED mapped',
      'SEQUENCE_FLOW_TAKEN f-end',
    ]);
    expect(h.rootVariables()).toEqual({ amount: 3, kind: 'x', fromChild: 1, mappedAnswer: 42 });
  });

  it('given a FEEL process id that is not a string, then an incident EXTRACT_VALUE_ERROR holds the call activity at ACTIVATING', async () => {
    const h = await CoreHarness.load('call-propagation.bpmn');
    h.create({ amount: 3 });
    h.completeCallActivity('all');
    expect(h.completeCallActivity('nothing').slice(-3)).toEqual(['ELEMENT_ACTIVATING mapped', 'VARIABLE_CREATED double=6 @mapped', 'INCIDENT_CREATED mapped EXTRACT_VALUE_ERROR']);
  });

  it('terminated by its boundary timer, it asks for its child to be canceled', async () => {
    const h = await CoreHarness.load('call-activity.bpmn');
    h.create({ order: { id: 7 } });
    const { elementInstanceKey, calledProcessInstanceKey } = h.element('call');

    expect(h.triggerTimer('too-slow')).toEqual([
      'TIMER_TRIGGERED too-slow',
      'ELEMENT_TERMINATING call',
      'CHILD_INSTANCE_CANCEL_REQUESTED call',
      'ELEMENT_TERMINATED call',
      ...passes('too-slow'),
      'SEQUENCE_FLOW_TAKEN f-too-slow',
      ...passes('slow'),
      ...completes('call-activity'),
    ]);
    expect(h.lastEvents.find((event) => event.type === 'CHILD_INSTANCE_CANCEL_REQUESTED')).toEqual({ type: 'CHILD_INSTANCE_CANCEL_REQUESTED', elementInstanceKey, childProcessInstanceKey: calledProcessInstanceKey });
  });

  it('canceling the instance asks for the child to be canceled too', async () => {
    const h = await CoreHarness.load('call-activity.bpmn');
    h.create({ order: { id: 7 } });
    expect(h.cancel()).toEqual([
      'ELEMENT_TERMINATING call-activity',
      'ELEMENT_TERMINATING call',
      'TIMER_CANCELED too-slow',
      'CHILD_INSTANCE_CANCEL_REQUESTED call',
      'ELEMENT_TERMINATED call',
      'ELEMENT_TERMINATED call-activity',
    ]);
  });

  it('given the called process is not deployed: incident CALLED_ELEMENT_ERROR; resolving it asks for the child again (nothing to cancel)', async () => {
    const h = await CoreHarness.load('call-activity.bpmn');
    h.create({ order: { id: 7 } });
    const first = h.element('call').calledProcessInstanceKey;

    expect(h.calledElementNotFound('call', "Expected process with BPMN process id 'shipping' to be deployed, but not found.")).toEqual(['INCIDENT_CREATED call CALLED_ELEMENT_ERROR']);
    expect(h.incident('call')).toMatchObject({ errorType: 'CALLED_ELEMENT_ERROR', retry: 'CALL', errorMessage: "Expected process with BPMN process id 'shipping' to be deployed, but not found." });

    expect(h.resolveIncident('call')).toEqual(['INCIDENT_RESOLVED call', 'CHILD_INSTANCE_REQUESTED call process=shipping {"order":{"id":7},"orderId":7}']);
    expect(h.element('call').calledProcessInstanceKey).not.toBe(first);
    h.completeCallActivity('call', { trackingCode: 'T' });
    expect(h.rootVariables()).toMatchObject({ tracking: 'T' });
  });

  it('given an error the child did not catch, thrown at the call activity: its error boundary event catches it and the child is canceled', async () => {
    const h = await CoreHarness.load('call-activity.bpmn');
    h.create({ order: { id: 7 } });

    expect(h.throwErrorAt('call', 'CHILD_FAILED', { problem: 'lost parcel' }, 'the parcel is lost')).toEqual([
      'ERROR_CAUGHT code=CHILD_FAILED by child-failed',
      'ELEMENT_TERMINATING call',
      'TIMER_CANCELED too-slow',
      'CHILD_INSTANCE_CANCEL_REQUESTED call',
      'ELEMENT_TERMINATED call',
      ...activates('child-failed'),
      'ELEMENT_COMPLETING child-failed',
      'VARIABLE_CREATED problem="lost parcel" @child-failed',
      'VARIABLE_CREATED shippingProblem="lost parcel" @call-activity',
      'ELEMENT_COMPLETED child-failed',
      'SEQUENCE_FLOW_TAKEN f-child-failed',
      ...passes('failed'),
      ...completes('call-activity'),
    ]);
  });

  it('given an error nothing catches in a root instance: incident UNHANDLED_ERROR_EVENT on the call activity; resolving it cancels the child and calls again', async () => {
    const h = await CoreHarness.load('call-activity.bpmn');
    h.create({ order: { id: 7 } });

    expect(h.throwErrorAt('call', 'OTHER')).toEqual(['INCIDENT_CREATED call UNHANDLED_ERROR_EVENT']);
    expect(h.incident('call')).toMatchObject({ retry: 'CALL', errorMessage: "Expected to throw an error event with the code 'OTHER', but it was not caught. Available error events are [CHILD_FAILED]." });
    expect(h.resolveIncident('call')).toEqual([
      'INCIDENT_RESOLVED call',
      'CHILD_INSTANCE_CANCEL_REQUESTED call',
      'CHILD_INSTANCE_REQUESTED call process=shipping {"order":{"id":7},"orderId":7}',
    ]);
  });

  it('refuses reports for an element that is not a waiting call activity, or about another child', async () => {
    const h = await CoreHarness.load('call-activity.bpmn');
    h.create({ order: { id: 7 } });
    const call = h.element('call');

    expect(h.reject({ type: 'COMPLETE_CALL_ACTIVITY', elementInstanceKey: h.processInstanceKey, variables: {} })).toMatchObject({ code: 'CALL_ACTIVITY.NOT_A_CALL_ACTIVITY' });
    expect(h.reject({ type: 'COMPLETE_CALL_ACTIVITY', elementInstanceKey: '999999', variables: {} })).toMatchObject({ kind: 'NOT_FOUND', code: 'ELEMENT_INSTANCE.NOT_FOUND' });
    expect(h.reject({ type: 'COMPLETE_CALL_ACTIVITY', elementInstanceKey: call.elementInstanceKey, childProcessInstanceKey: '1', variables: {} })).toMatchObject({ code: 'CALL_ACTIVITY.OTHER_CHILD' });
    h.completeCallActivity('call');
    expect(h.reject({ type: 'THROW_ERROR_AT', elementInstanceKey: call.elementInstanceKey, errorCode: 'X', errorMessage: null, variables: {} })).toMatchObject({ code: 'ELEMENT_INSTANCE.NOT_FOUND' });
  });
});

/**
 * The child side: a called instance knows its parent (parentProcessInstanceKey and
 * parentElementInstanceKey, from CREATE_PROCESS_INSTANCE), reports its completion with its root
 * variables, hands errors it does not catch to the parent instead of raising an incident (Zeebe
 * looks for the catch event up through the calling instances), and is canceled only through its
 * parent.
 */
describe('call activity (child side)', () => {
  const parent = { processInstanceKey: '100', elementInstanceKey: '105' };

  it('created as a child with the key its parent chose, reports its completion with its root variables', async () => {
    const h = await CoreHarness.load('called-child.bpmn');
    h.create({ orderId: 7 }, { processInstanceKey: '5000', parent });
    expect(h.state.instance).toMatchObject({ processInstanceKey: '5000', parentProcessInstanceKey: '100', parentElementInstanceKey: '105' });

    expect(h.completeJob('ship', { trackingCode: 'TR-1' }).slice(-3)).toEqual(['ELEMENT_COMPLETING shipping', 'ELEMENT_COMPLETED shipping', 'CALLED_INSTANCE_COMPLETED {"orderId":7,"trackingCode":"TR-1"}']);
    expect(h.lastEvents.at(-1)).toEqual({ type: 'CALLED_INSTANCE_COMPLETED', parentProcessInstanceKey: '100', parentElementInstanceKey: '105', variables: { orderId: 7, trackingCode: 'TR-1' } });
  });

  it('hands an error it does not catch to its parent, without an incident; the thrower waits to be canceled with the instance', async () => {
    const h = await CoreHarness.load('called-child.bpmn');
    h.create({}, { parent });

    expect(h.throwJobError('ship', 'CHILD_FAILED', { problem: 'lost' }, 'lost it')).toEqual(['JOB_ERROR_THROWN ship code=CHILD_FAILED', 'ERROR_ESCALATED_TO_PARENT ship code=CHILD_FAILED']);
    expect(h.lastEvents.at(-1)).toEqual({
      type: 'ERROR_ESCALATED_TO_PARENT',
      parentProcessInstanceKey: '100',
      parentElementInstanceKey: '105',
      elementInstanceKey: h.element('ship').elementInstanceKey,
      elementId: 'ship',
      errorCode: 'CHILD_FAILED',
      errorMessage: 'lost it',
      variables: { problem: 'lost' },
      origin: { processInstanceKey: h.processInstanceKey, elementInstanceKey: h.element('ship').elementInstanceKey, elementId: 'ship', retry: 'JOB', jobKey: h.job('ship').jobKey },
    });
    expect(h.snapshot.incidents).toEqual([]);
    expect(h.job('ship')).toMatchObject({ state: 'ERROR_THROWN', activatable: false });

    expect(h.reject({ type: 'CANCEL_PROCESS_INSTANCE' })).toMatchObject({ kind: 'INVALID_STATE', code: 'PROCESS_INSTANCE.IS_CALLED' });
    expect(h.accept({ type: 'CANCEL_PROCESS_INSTANCE', byParent: true })).toEqual([
      'ELEMENT_TERMINATING shipping',
      'ELEMENT_TERMINATING ship',
      'JOB_CANCELED ship',
      'ELEMENT_TERMINATED ship',
      'ELEMENT_TERMINATED shipping',
    ]);
  });

  it('an error end event nothing catches in a child hands the error on and waits, ACTIVATING', async () => {
    const h = await CoreHarness.load('error-end-event.bpmn');
    expect(h.create({ reason: 'other', explode: false }, { parent }).slice(-3)).toEqual(['SEQUENCE_FLOW_TAKEN f-fail', 'ELEMENT_ACTIVATING fail', 'ERROR_ESCALATED_TO_PARENT fail code=E-other']);
    expect(h.snapshot.incidents).toEqual([]);
    expect(h.activeElements()).toContain('fail:ACTIVATING');
  });

  it('when no caller catches its error, the incident is raised in the child where it was thrown; resolving it throws again', async () => {
    const h = await CoreHarness.load('error-end-event.bpmn');
    h.create({ reason: 'other', explode: false }, { parent });
    const fail = h.element('fail');
    expect(
      h.accept({ type: 'RAISE_UNCAUGHT_ERROR', elementInstanceKey: fail.elementInstanceKey, errorCode: 'E-other', incidentMessage: 'Expected to throw an error event with the code \'E-other\', but it was not caught. No error events are available in the scope.', retry: 'ACTIVATE', jobKey: null }),
    ).toEqual(['INCIDENT_CREATED fail UNHANDLED_ERROR_EVENT']);
    expect(h.incident('fail')).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', retry: 'ACTIVATE', state: 'ACTIVE' });

    expect(h.resolveIncident('fail')).toEqual(['INCIDENT_RESOLVED fail', 'ERROR_ESCALATED_TO_PARENT fail code=E-other']);
  });

  it('a job error nothing catches up the call chain becomes an incident on the job in the child; resolving offers the job again', async () => {
    const h = await CoreHarness.load('called-child.bpmn');
    h.create({}, { parent });
    h.throwJobError('ship', 'CHILD_FAILED', {}, 'lost it');
    const ship = h.element('ship');
    h.accept({ type: 'RAISE_UNCAUGHT_ERROR', elementInstanceKey: ship.elementInstanceKey, errorCode: 'CHILD_FAILED', incidentMessage: 'not caught', retry: 'JOB', jobKey: h.job('ship').jobKey });
    expect(h.incident('ship')).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', retry: 'JOB', errorMessage: 'not caught' });
    expect(h.resolveIncident('ship')).toEqual(['INCIDENT_RESOLVED ship', 'JOB_RECURRED ship']);
    expect(h.job('ship')).toMatchObject({ state: 'CREATED', activatable: true });
  });

  it('a parent that is itself a child hands an error it does not catch on to its own parent', async () => {
    const h = await CoreHarness.load('call-activity.bpmn');
    h.create({ order: { id: 1 } }, { parent });
    expect(h.throwErrorAt('call', 'OTHER', { x: 1 })).toEqual(['ERROR_ESCALATED_TO_PARENT call code=OTHER']);
    expect(h.snapshot.incidents).toEqual([]);
    expect(h.activeElements()).toEqual(['call-activity:ACTIVATED', 'call:ACTIVATED']);
  });
});
