import type { ElementInstanceEntity } from '#persistence';
import { camundaElementType } from './element-type.js';
import type { ElementInstanceDto } from './element-instance.dto.js';

/** Entity → API shape (Camunda 8 field names; keys as strings, instants as ISO-8601). */
export function toElementInstanceDto(e: ElementInstanceEntity): ElementInstanceDto {
  return {
    processDefinitionId: e.processDefinitionId,
    startDate: e.startDate.toISOString(),
    ...(e.endDate !== null && { endDate: e.endDate.toISOString() }),
    elementId: e.elementId,
    elementName: e.elementName ?? e.elementId,
    type: camundaElementType(e.elementType),
    state: e.state,
    hasIncident: e.incidentKey !== null,
    tenantId: e.tenantId,
    elementInstanceKey: e.elementInstanceKey,
    processInstanceKey: e.processInstanceKey,
    processDefinitionKey: e.processDefinitionKey,
    ...(e.incidentKey !== null && { incidentKey: e.incidentKey }),
  };
}
