import { describe, expect, it } from 'vitest';
import type { MyRequest, RequestStep } from '../../api/my-requests.api';
import { stepOutcome, whereItStands } from './request-text';

const step = (change: Partial<RequestStep> = {}): RequestStep => ({
  elementInstanceKey: '1',
  elementId: 'approve',
  elementName: 'Approve expense',
  elementType: 'bpmn:UserTask',
  state: 'ACTIVE',
  hasIncident: false,
  startDate: '2026-12-07T10:00:00.000Z',
  userTask: { userTaskKey: '2', state: 'CREATED', candidateGroups: ['managers'], candidateUsers: [] },
  ...change,
});
const request = (change: Partial<MyRequest> = {}): MyRequest => ({
  processInstanceKey: '9',
  processDefinitionId: 'expense-approval',
  processDefinitionName: 'Expense approval',
  processDefinitionVersion: 1,
  processDefinitionKey: '8',
  state: 'ACTIVE',
  hasIncident: false,
  startDate: '2026-12-07T10:00:00.000Z',
  status: 'IN_PROGRESS',
  currentSteps: [step()],
  ...change,
});

describe('where a request stands', () => {
  it('names the open step and who it is with', () => {
    expect(whereItStands(request(), 'emma')).toBe('Now at Approve expense (offered to managers)');
    expect(whereItStands(request({ currentSteps: [step({ userTask: { userTaskKey: '2', state: 'CREATED', assignee: 'mia', candidateGroups: [], candidateUsers: [] } })] }), 'emma')).toBe('Now at Approve expense (with mia)');
  });

  it('says delayed where an incident holds it, and ended requests say how they ended', () => {
    expect(whereItStands(request({ status: 'DELAYED', currentSteps: [step({ elementName: 'Charge card', userTask: undefined, hasIncident: true })] }), 'emma')).toBe('Delayed at Charge card: being fixed');
    expect(whereItStands(request({ status: 'COMPLETED', state: 'COMPLETED', currentSteps: [] }), 'emma')).toBe('Completed');
    expect(whereItStands(request({ status: 'CANCELED', state: 'TERMINATED', currentSteps: [] }), 'emma')).toBe('Canceled');
  });

  it('a step says who did it', () => {
    expect(stepOutcome(step({ state: 'COMPLETED', userTask: { userTaskKey: '2', state: 'COMPLETED', assignee: 'mia', candidateGroups: [], candidateUsers: [] } }), 'emma')).toBe('Done by mia');
    expect(stepOutcome(step({ state: 'COMPLETED', elementType: 'bpmn:ServiceTask', userTask: undefined }), 'emma')).toBe('Done');
    expect(stepOutcome(step({ state: 'TERMINATED' }), 'emma')).toBe('Canceled');
    expect(stepOutcome(step(), 'emma')).toBe('Waiting, offered to managers');
  });
});
