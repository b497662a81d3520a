import type { IncidentEntity } from '#persistence';
import type { IncidentDto } from './incident.dto.js';

/** Entity → API shape (Camunda 8 field names; keys as strings, instants as ISO-8601). */
export function toIncidentDto(i: IncidentEntity): IncidentDto {
  return {
    processDefinitionId: i.processDefinitionId,
    errorType: i.errorType,
    errorMessage: i.errorMessage,
    elementId: i.elementId,
    creationTime: i.creationTime.toISOString(),
    state: i.state,
    tenantId: i.tenantId,
    incidentKey: i.incidentKey,
    processDefinitionKey: i.processDefinitionKey,
    processInstanceKey: i.processInstanceKey,
    elementInstanceKey: i.elementInstanceKey,
    ...(i.jobKey !== null && { jobKey: i.jobKey }),
  };
}
