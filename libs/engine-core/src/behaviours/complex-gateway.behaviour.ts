import type { ComplexGatewayNode } from '#bpmn';
import type { ElementBehaviour } from './element-behaviour.js';
import { inclusiveGatewayBehaviour } from './inclusive-gateway.behaviour.js';

/**
 * A complex gateway (BPMN 2.0.2 §13.3.6). As a fork it takes every outgoing flow whose condition
 * is true, or its default flow — exactly an inclusive gateway's fork (no true condition and no
 * default: CONDITION_ERROR). As a join it is activated by the lifecycle when its activation
 * condition holds (lifecycle/complex-join.ts); it has no variable mappings.
 */
export const complexGatewayBehaviour: ElementBehaviour<ComplexGatewayNode> = {
  variableMappings: false,
  onActivate: (context) => inclusiveGatewayBehaviour.onActivate(context),
};
