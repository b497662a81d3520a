import type { UserTaskEntity } from '#persistence';
import type { UserTaskDto } from './user-task.dto.js';

/** What a task shows of its process instance (Baton additions to the task). */
export interface TaskInstanceContext {
  businessId: string | null;
  startedBy: string;
  startDate: Date;
}

/**
 * Entity → API shape (Camunda 8 field names; keys as strings, instants as ISO-8601), plus the
 * instance's business context when it is known.
 */
export function toUserTaskDto(t: UserTaskEntity, context?: TaskInstanceContext): UserTaskDto {
  return {
    name: t.name ?? t.elementId,
    state: t.state,
    ...(t.assignee !== null && { assignee: t.assignee }),
    elementId: t.elementId,
    candidateGroups: t.candidateGroups,
    candidateUsers: t.candidateUsers,
    processDefinitionId: t.processDefinitionId,
    creationDate: t.creationDate.toISOString(),
    ...(t.completionDate !== null && { completionDate: t.completionDate.toISOString() }),
    ...(t.followUpDate !== null && { followUpDate: t.followUpDate.toISOString() }),
    ...(t.dueDate !== null && { dueDate: t.dueDate.toISOString() }),
    tenantId: t.tenantId,
    ...(t.externalFormReference !== null && { externalFormReference: t.externalFormReference }),
    processDefinitionVersion: t.processDefinitionVersion,
    customHeaders: t.customHeaders,
    priority: t.priority,
    userTaskKey: t.userTaskKey,
    elementInstanceKey: t.elementInstanceKey,
    ...(t.processName !== null && { processName: t.processName }),
    processDefinitionKey: t.processDefinitionKey,
    processInstanceKey: t.processInstanceKey,
    ...(t.formKey !== null && { formKey: t.formKey }),
    ...(context !== undefined && {
      ...(context.businessId !== null && { businessId: context.businessId }),
      processInstanceStartedBy: context.startedBy,
      processInstanceStartDate: context.startDate.toISOString(),
    }),
  };
}
