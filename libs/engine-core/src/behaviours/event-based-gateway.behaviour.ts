import type { EventBasedGatewayNode } from '#bpmn';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * An event-based gateway waits for the first of the events after it (Camunda 8:
 * docs.camunda.io/docs/components/modeler/bpmn/event-based-gateways/): the lifecycle opens their
 * timers and subscriptions, owned by the gateway; the first to trigger closes the others and the
 * gateway completes into that event, which completes with the trigger's variables. No variable
 * mappings, as for every gateway.
 */
export const eventBasedGatewayBehaviour: ElementBehaviour<EventBasedGatewayNode> = {
  variableMappings: false,
  onActivate: () => 'wait',
};
