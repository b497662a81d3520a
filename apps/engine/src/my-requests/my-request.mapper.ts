import type { ProcessInstanceEntity } from '#persistence';
import { toProcessInstanceDto } from '../process-instances/process-instance.mapper.js';
import type { MyRequestDto, RequestStepDto } from './my-request.dto.js';
import type { RequestStepRow } from './my-request-query.repository.js';

/** Where a request stands, in the requester's words. */
export function requestStatus(instance: ProcessInstanceEntity): MyRequestDto['status'] {
  if (instance.state === 'COMPLETED') return 'COMPLETED';
  if (instance.state === 'TERMINATED') return 'CANCELED';
  return instance.incidentCount > 0 ? 'DELAYED' : 'IN_PROGRESS';
}

export function toRequestStepDto(step: RequestStepRow): RequestStepDto {
  return {
    elementInstanceKey: step.elementInstanceKey,
    elementId: step.elementId,
    elementName: step.elementName ?? step.elementId,
    elementType: step.elementType,
    state: step.state,
    hasIncident: step.hasIncident,
    startDate: step.startDate.toISOString(),
    ...(step.endDate !== null && { endDate: step.endDate.toISOString() }),
    ...(step.userTaskKey !== null && {
      userTask: {
        userTaskKey: step.userTaskKey,
        state: step.userTaskState ?? '',
        ...(step.assignee !== null && { assignee: step.assignee }),
        candidateGroups: step.candidateGroups ?? [],
        candidateUsers: step.candidateUsers ?? [],
      },
    }),
  };
}

/** An instance with its status and active steps. */
export function toMyRequestDto(instance: ProcessInstanceEntity, activeSteps: readonly RequestStepRow[]): MyRequestDto {
  return {
    ...toProcessInstanceDto(instance),
    status: requestStatus(instance),
    currentSteps: instance.state === 'ACTIVE' ? activeSteps.filter((step) => step.state === 'ACTIVE').map(toRequestStepDto) : [],
  };
}
