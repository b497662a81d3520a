/** Words for requests and their steps, as the requester reads them. Pure. */
import type { MyRequest, RequestStatus, RequestStep } from '../../api/my-requests.api';

export const STATUS_LABELS: Record<RequestStatus, string> = {
  IN_PROGRESS: 'In progress',
  DELAYED: 'Delayed: being fixed',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
};

/** Who a step's task is with: "with mia", "offered to managers", "offered to everyone". */
export function stepHolder(step: RequestStep, username: string): string {
  const task = step.userTask;
  if (!task) return '';
  if (task.assignee) return task.assignee === username ? 'with you' : `with ${task.assignee}`;
  const offered = [...task.candidateGroups, ...task.candidateUsers.map((user) => (user === username ? 'you' : user))];
  return offered.length > 0 ? `offered to ${offered.join(', ')}` : 'offered to everyone';
}

/** One line on where a request stands: "Waiting at Approve expense (offered to managers)". */
export function whereItStands(request: MyRequest, username: string): string {
  if (request.status === 'COMPLETED') return 'Completed';
  if (request.status === 'CANCELED') return 'Canceled';
  if (request.currentSteps.length === 0) return request.status === 'DELAYED' ? 'Delayed: operations are fixing a problem' : 'In progress';
  const steps = request.currentSteps.map((step) => {
    const holder = stepHolder(step, username);
    return `${step.elementName}${holder ? ` (${holder})` : ''}`;
  });
  const delayedAt = request.currentSteps.filter((step) => step.hasIncident).map((step) => step.elementName);
  if (request.status === 'DELAYED' && delayedAt.length > 0) return `Delayed at ${delayedAt.join(' and ')}: being fixed`;
  return `Now at ${steps.join(' and ')}`;
}

/** A step's outcome in words: "Done by frank", "Canceled", "Waiting", "Delayed: being fixed". */
export function stepOutcome(step: RequestStep, username: string): string {
  if (step.hasIncident) return 'Delayed: being fixed';
  if (step.state === 'ACTIVE') {
    const holder = stepHolder(step, username);
    return holder ? `Waiting, ${holder}` : 'In progress';
  }
  if (step.state === 'TERMINATED') return 'Canceled';
  const by = step.userTask?.assignee;
  return by ? `Done by ${by === username ? 'you' : by}` : 'Done';
}
