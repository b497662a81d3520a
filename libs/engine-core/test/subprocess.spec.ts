import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Embedded subprocesses: a variable scope of their own (input mappings create local variables
 * in it, output mappings merge into the flow scope), started at their none start event and
 * completed when nothing is left inside (Camunda 8: docs.camunda.io/docs/components/modeler/bpmn/embedded-subprocesses/).
 */
describe('embedded subprocess', () => {
  it('runs its content in its own scope: inputs become locals, outputs propagate, locals vanish with it', async () => {
    const h = await CoreHarness.load('subprocess.bpmn');

    expect(h.create({ order: { item: 'book' } })).toEqual([
      'PROCESS_INSTANCE_CREATED subprocess',
      'ELEMENT_ACTIVATING subprocess',
      'VARIABLE_CREATED order={"item":"book"} @subprocess',
      'ELEMENT_ACTIVATED subprocess',
      ...passes('start'),
      'SEQUENCE_FLOW_TAKEN f-start',
      'ELEMENT_ACTIVATING sub',
      'VARIABLE_CREATED item="book" @sub',
      'VARIABLE_CREATED qty=2 @sub',
      'ELEMENT_ACTIVATED sub',
      ...passes('sub-start'),
      'SEQUENCE_FLOW_TAKEN f-sub-start',
      'ELEMENT_ACTIVATING work',
      'JOB_CREATED work type=ship retries=3',
      'ELEMENT_ACTIVATED work',
    ]);
    expect(h.element('work').flowScopeKey).toBe(h.element('sub').elementInstanceKey);
    expect(h.element('sub').flowScopeKey).toBe(h.processInstanceKey);
    expect(h.variables('sub')).toEqual({ item: 'book', qty: 2 });
    expect(h.variables()).toEqual({ order: { item: 'book' } });

    // `item` lives in the subprocess scope: updated there; `note` exists nowhere: created at the root
    expect(h.completeJob('work', { item: 'book (wrapped)', note: 'fragile' })).toEqual([
      'JOB_COMPLETED work',
      'ELEMENT_COMPLETING work',
      'VARIABLE_UPDATED item="book (wrapped)" @sub',
      'VARIABLE_CREATED note="fragile" @subprocess',
      'ELEMENT_COMPLETED work',
      'SEQUENCE_FLOW_TAKEN f-sub-end',
      ...passes('sub-end'),
      'ELEMENT_COMPLETING sub',
      'VARIABLE_CREATED shipped="book (wrapped) x2" @subprocess',
      'ELEMENT_COMPLETED sub',
      'SEQUENCE_FLOW_TAKEN f-after',
      'ELEMENT_ACTIVATING after',
      'USER_TASK_CREATED after',
      'ELEMENT_ACTIVATED after',
    ]);
    expect(h.allVariables()).toEqual(['note="fragile" @subprocess', 'order={"item":"book"} @subprocess', 'shipped="book (wrapped) x2" @subprocess']);
  });

  it('nested subprocesses: each level is a scope; completion variables update the level that has them', async () => {
    const h = await CoreHarness.load('nested-subprocess.bpmn');
    expect(h.create().slice(8)).toEqual([
      'ELEMENT_ACTIVATING outer',
      'VARIABLE_CREATED level="outer" @outer',
      'ELEMENT_ACTIVATED outer',
      ...passes('outer-start'),
      'SEQUENCE_FLOW_TAKEN f-outer-start',
      'ELEMENT_ACTIVATING inner',
      'VARIABLE_CREATED depth=2 @inner',
      'ELEMENT_ACTIVATED inner',
      ...passes('inner-start'),
      'SEQUENCE_FLOW_TAKEN f-inner-start',
      'ELEMENT_ACTIVATING review',
      'USER_TASK_CREATED review',
      'ELEMENT_ACTIVATED review',
    ]);
    // the assignee expression sees the variables of both enclosing scopes
    expect(h.userTask('review').assignee).toBe('outer-2');

    expect(h.completeUserTask('review', { depth: 3, level: 'changed', out: 1 })).toEqual([
      'USER_TASK_COMPLETED review [depth,level,out]',
      'ELEMENT_COMPLETING review',
      'VARIABLE_UPDATED depth=3 @inner',
      'VARIABLE_UPDATED level="changed" @outer',
      'VARIABLE_CREATED out=1 @nested-subprocess',
      'ELEMENT_COMPLETED review',
      'SEQUENCE_FLOW_TAKEN f-inner-end',
      ...passes('inner-end'),
      ...completes('inner'),
      'SEQUENCE_FLOW_TAKEN f-outer-end',
      ...passes('outer-end'),
      ...completes('outer'),
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('nested-subprocess'),
    ]);
    expect(h.rootVariables()).toEqual({ out: 1 });
  });

  it('terminating nested subprocesses terminates inside out and cancels the user task', async () => {
    const h = await CoreHarness.load('nested-subprocess.bpmn');
    h.create();

    expect(h.cancel()).toEqual([
      'ELEMENT_TERMINATING nested-subprocess',
      'ELEMENT_TERMINATING outer',
      'ELEMENT_TERMINATING inner',
      'ELEMENT_TERMINATING review',
      'USER_TASK_CANCELED review',
      'ELEMENT_TERMINATED review',
      'ELEMENT_TERMINATED inner',
      'ELEMENT_TERMINATED outer',
      'ELEMENT_TERMINATED nested-subprocess',
    ]);
  });

  it('an input mapping failure holds the subprocess at ACTIVATING; resolving after the fix starts it', async () => {
    const h = await CoreHarness.load('subprocess-mapping-failure.bpmn');

    expect(h.create().slice(-3)).toEqual(['SEQUENCE_FLOW_TAKEN f-start', 'ELEMENT_ACTIVATING sub', 'INCIDENT_CREATED sub IO_MAPPING_ERROR']);
    expect(h.incident('sub').errorMessage).toMatch(/^Failed to evaluate input mapping 'who' of 'sub': Assertion failure on evaluate the expression .*customer is required/);
    expect(h.element('sub').lifecycle).toBe('ACTIVATING');
    expect(h.activeElements()).toEqual(['sub:ACTIVATING', 'subprocess-mapping-failure:ACTIVATED']);

    h.setVariables({ customer: 'ann' });
    expect(h.resolveIncident('sub')).toEqual([
      'INCIDENT_RESOLVED sub',
      'VARIABLE_CREATED who="ann" @sub',
      'ELEMENT_ACTIVATED sub',
      ...passes('sub-start'),
      'SEQUENCE_FLOW_TAKEN f-sub-start',
      'ELEMENT_ACTIVATING task',
      'USER_TASK_CREATED task',
      'ELEMENT_ACTIVATED task',
    ]);
  });

  it('an output mapping failure holds the subprocess at COMPLETING; resolving re-runs the completion', async () => {
    const h = await CoreHarness.load('subprocess-mapping-failure.bpmn');
    h.create({ customer: 'ann' });

    expect(h.completeUserTask('task', { total: -1 })).toEqual([
      'USER_TASK_ASSIGNED task assignee=tester',
      'USER_TASK_COMPLETED task [total]',
      'ELEMENT_COMPLETING task',
      'VARIABLE_CREATED total=-1 @subprocess-mapping-failure',
      'ELEMENT_COMPLETED task',
      'SEQUENCE_FLOW_TAKEN f-sub-end',
      ...passes('sub-end'),
      'ELEMENT_COMPLETING sub',
      'INCIDENT_CREATED sub IO_MAPPING_ERROR',
    ]);
    expect(h.element('sub').lifecycle).toBe('COMPLETING');
    // the subprocess scope (and its locals) stays while it is held
    expect(h.variables('sub')).toEqual({ who: 'ann' });

    h.setVariables({ total: 10 });
    expect(h.resolveIncident('sub')).toEqual([
      'INCIDENT_RESOLVED sub',
      'VARIABLE_CREATED checkedTotal=10 @subprocess-mapping-failure',
      'ELEMENT_COMPLETED sub',
      'SEQUENCE_FLOW_TAKEN f-end',
      ...passes('end'),
      ...completes('subprocess-mapping-failure'),
    ]);
  });
});
