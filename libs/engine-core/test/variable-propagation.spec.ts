import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes } from './support/core-harness.js';

/**
 * Camunda 8 variable scopes and propagation (docs.camunda.io/docs/components/concepts/variables/):
 * "When variables are merged into a process instance (e.g. on job completion, on message
 * correlation) each variable is propagated from the scope of the activity to its higher scopes.
 * The propagation ends if a scope contains a variable with the same name. In this case, the
 * variable value is updated. If no scope contains this variable, it's created as a new variable
 * in the root scope." Local variables (SET_VARIABLES local=true) "are created or updated in the
 * given scope, regardless if they existed in this scope before".
 */
describe('variable propagation', () => {
  const start = async (): Promise<CoreHarness> => {
    const h = await CoreHarness.load('variables.bpmn');
    h.create({ x: 1, shadow: 'root' });
    return h;
  };

  it('input mappings of the subprocess create its locals, shadowing a root variable of the same name', async () => {
    const h = await start();

    expect(h.variables()).toEqual({ x: 1, shadow: 'root' });
    expect(h.variables('sub')).toEqual({ local: 1, shadow: 100 });
    expect(h.variables('task')).toEqual({});
  });

  it('completion variables: updated where the name lives (nearest scope first), else created at the root; locals vanish with their scope', async () => {
    const h = await start();

    expect(h.completeUserTask('task', { local: 2, x: 5, shadow: 7, created: 'n' })).toEqual([
      'USER_TASK_ASSIGNED task assignee=tester',
      'USER_TASK_COMPLETED task [local,x,shadow,created]',
      'ELEMENT_COMPLETING task',
      'VARIABLE_UPDATED local=2 @sub',
      'VARIABLE_UPDATED x=5 @variables',
      // the subprocess's `shadow` is nearer than the root's
      'VARIABLE_UPDATED shadow=7 @sub',
      'VARIABLE_CREATED created="n" @variables',
      'ELEMENT_COMPLETED task',
      'SEQUENCE_FLOW_TAKEN f-sub-end',
      ...passes('sub-end'),
      ...completes('sub'),
      'SEQUENCE_FLOW_TAKEN f-after',
      'ELEMENT_ACTIVATING after',
      'USER_TASK_CREATED after',
      'ELEMENT_ACTIVATED after',
    ]);
    expect(h.allVariables()).toEqual(['created="n" @variables', 'shadow="root" @variables', 'x=5 @variables']);
  });

  it('a value equal to the current one changes nothing (no event)', async () => {
    const h = await start();

    expect(h.completeUserTask('task', { x: 1, local: 1 }).filter((line) => line.startsWith('VARIABLE'))).toEqual([]);
  });

  it('a context value replaces the whole variable (no deep merge)', async () => {
    const h = await CoreHarness.load('variables.bpmn');
    h.create({ order: { id: 1, lines: [1, 2] } });

    h.completeUserTask('task', { order: { id: 2 } });

    expect(h.variables().order).toEqual({ id: 2 });
  });

  describe('SET_VARIABLES', () => {
    it('local: creates or updates in exactly the given scope', async () => {
      const h = await start();

      expect(h.setVariables({ x: 10, local: 3 }, { elementId: 'sub', local: true })).toEqual(['VARIABLE_CREATED x=10 @sub', 'VARIABLE_UPDATED local=3 @sub']);
      expect(h.variables()).toEqual({ x: 1, shadow: 'root' });
      expect(h.variables('sub')).toEqual({ local: 3, shadow: 100, x: 10 });
    });

    it('propagating: from the given scope upwards, new names at the root', async () => {
      const h = await start();

      expect(h.setVariables({ fresh: 2, shadow: 'sub!', x: 3 }, { elementId: 'task' })).toEqual([
        'VARIABLE_CREATED fresh=2 @variables',
        'VARIABLE_UPDATED shadow="sub!" @sub',
        'VARIABLE_UPDATED x=3 @variables',
      ]);
    });

    it('on the process instance', async () => {
      const h = await start();

      expect(h.setVariables({ y: [1, 2] }, { local: true })).toEqual(['VARIABLE_CREATED y=[1,2] @variables']);
      expect(h.setVariables({ y: null })).toEqual(['VARIABLE_UPDATED y=null @variables']);
    });

    it('on an unknown or finished element instance is rejected', async () => {
      const h = await start();
      const sub = h.element('sub').elementInstanceKey;
      h.completeUserTask('task');

      for (const elementInstanceKey of [sub, '123456']) {
        expect(h.reject({ type: 'SET_VARIABLES', elementInstanceKey, variables: { a: 1 }, local: true })).toMatchObject({ kind: 'NOT_FOUND', code: 'ELEMENT_INSTANCE.NOT_FOUND' });
      }
    });

    it('on an element instance that is loaded but finished is rejected as invalid state', async () => {
      const h = await start();
      const sub = h.element('sub');
      h.snapshot = { ...h.snapshot, elements: h.snapshot.elements.map((e) => (e.elementInstanceKey === sub.elementInstanceKey ? { ...e, lifecycle: 'COMPLETED' as const } : e)) };

      expect(h.reject({ type: 'SET_VARIABLES', elementInstanceKey: sub.elementInstanceKey, variables: { a: 1 }, local: true })).toMatchObject({ kind: 'INVALID_STATE', code: 'ELEMENT_INSTANCE.NOT_ACTIVE' });
    });
  });
});
