import { describe, expect, it } from 'vitest';
import { completes, CoreHarness, passes, SAMPLE_PROCESSES_DIR } from './support/core-harness.js';

/** The sample processes deployed at start (processes/) run through the core as users would drive them. */
describe('sample process: expense approval', () => {
  const formKeys = { 'expense-request': '11', 'approve-expense': '12', 'finance-review': '13' };
  const load = (): Promise<CoreHarness> => CoreHarness.load(new URL('expense-approval.bpmn', SAMPLE_PROCESSES_DIR), { formKeys });

  it('a small expense approved by the manager', async () => {
    const h = await load();
    h.create({ amount: 120, description: 'Train ticket' });
    expect(h.userTask('approve-expense')).toMatchObject({ candidateGroups: ['managers'], priority: 50, formKey: '12', assignee: null });

    expect(h.completeUserTask('approve-expense', { approved: true }, 'maria')).toEqual([
      'USER_TASK_ASSIGNED approve-expense assignee=maria',
      'USER_TASK_COMPLETED approve-expense [approved]',
      'ELEMENT_COMPLETING approve-expense',
      'VARIABLE_CREATED approved=true @expense-approval',
      'ELEMENT_COMPLETED approve-expense',
      'SEQUENCE_FLOW_TAKEN flow-to-manager-decision',
      ...passes('manager-decision'),
      'SEQUENCE_FLOW_TAKEN flow-manager-approved',
      ...passes('amount-check'),
      'SEQUENCE_FLOW_TAKEN flow-within-limit',
      'ELEMENT_ACTIVATING record-approval',
      'ELEMENT_ACTIVATED record-approval',
      'ELEMENT_COMPLETING record-approval',
      'VARIABLE_CREATED outcome="approved by manager" @expense-approval',
      'ELEMENT_COMPLETED record-approval',
      'SEQUENCE_FLOW_TAKEN flow-to-approved',
      ...passes('expense-approved'),
      ...completes('expense-approval'),
    ]);
  });

  it('a large expense needs finance, with a higher priority', async () => {
    const h = await load();
    h.create({ amount: 2500, description: 'Laptop' });
    expect(h.userTask('approve-expense').priority).toBe(80);

    h.completeUserTask('approve-expense', { approved: true });
    expect(h.userTask('finance-review')).toMatchObject({ candidateGroups: ['finance'], priority: 70, formKey: '13' });
    h.completeUserTask('finance-review', { financeApproved: true });

    expect(h.snapshot.instance?.state).toBe('COMPLETED');
    expect(h.rootVariables()).toMatchObject({ outcome: 'approved by finance' });
  });

  it('rejected by the manager', async () => {
    const h = await load();
    h.create({ amount: 50 });

    const events = h.completeUserTask('approve-expense', { approved: false });

    expect(events.filter((line) => line.startsWith('SEQUENCE_FLOW_TAKEN'))).toEqual(['SEQUENCE_FLOW_TAKEN flow-to-manager-decision', 'SEQUENCE_FLOW_TAKEN flow-manager-rejected']);
    expect(h.snapshot.instance?.state).toBe('COMPLETED');
  });
});
