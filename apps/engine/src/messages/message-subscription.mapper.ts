import type { EventSubscriptionEntity } from '#persistence';
import type { MessageSubscriptionDto } from './message.dto.js';

/** Entity → API shape (Camunda 8 field names; keys as strings, instants as ISO-8601). */
export function toMessageSubscriptionDto(s: EventSubscriptionEntity): MessageSubscriptionDto {
  return {
    messageSubscriptionKey: s.subscriptionKey,
    processDefinitionId: s.processDefinitionId,
    processDefinitionKey: s.processDefinitionKey,
    processInstanceKey: s.processInstanceKey,
    elementId: s.elementId,
    elementInstanceKey: s.elementInstanceKey,
    messageSubscriptionState: s.state,
    lastUpdatedDate: s.updatedAt.toISOString(),
    messageName: s.name,
    correlationKey: s.correlationKey ?? '',
    tenantId: s.tenantId,
  };
}
