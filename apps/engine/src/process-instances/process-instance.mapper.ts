import type { ProcessInstanceEntity, ProcessInstanceEventEntity } from '#persistence';
import type { ProcessInstanceDto, ProcessInstanceEventDto } from './process-instance.dto.js';

/** A process instance as Camunda 8's API answers it. */
export function toProcessInstanceDto(i: ProcessInstanceEntity): ProcessInstanceDto {
  return {
    processDefinitionId: i.processDefinitionId,
    processDefinitionName: i.processDefinitionName ?? i.processDefinitionId,
    processDefinitionVersion: i.processDefinitionVersion,
    ...(i.versionTag !== null && { processDefinitionVersionTag: i.versionTag }),
    startDate: i.startDate.toISOString(),
    ...(i.endDate !== null && { endDate: i.endDate.toISOString() }),
    state: i.state,
    hasIncident: i.incidentCount > 0,
    tenantId: i.tenantId,
    processInstanceKey: i.processInstanceKey,
    processDefinitionKey: i.processDefinitionKey,
    ...(i.parentProcessInstanceKey !== null && { parentProcessInstanceKey: i.parentProcessInstanceKey }),
    ...(i.parentElementInstanceKey !== null && { parentElementInstanceKey: i.parentElementInstanceKey }),
    ...(i.businessId !== null && { businessId: i.businessId }),
  };
}

/** An audit-log event as the history endpoint answers it. */
export function toEventDto(e: ProcessInstanceEventEntity): ProcessInstanceEventDto {
  return {
    position: e.position,
    time: e.time.toISOString(),
    eventType: e.eventType,
    ...(e.elementId !== null && { elementId: e.elementId }),
    ...(e.elementInstanceKey !== null && { elementInstanceKey: e.elementInstanceKey }),
    command: e.command,
    actor: e.actor,
    details: e.payload,
  };
}
