import { completeAtOnce, type ElementBehaviour } from './element-behaviour.js';

/**
 * A parallel gateway takes every outgoing flow. As a join it is activated by the lifecycle once
 * every incoming flow has a token (joins.ts); it has no variable mappings (see ElementBehaviour).
 */
export const parallelGatewayBehaviour: ElementBehaviour = {
  variableMappings: false,
  onActivate: () => completeAtOnce,
};
