import type { GatewayNode } from '#bpmn';
import { Failure } from '../failure.js';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * Takes the first outgoing flow (in model order) whose condition is true, else the default
 * flow. No true condition and no default, or a condition that is not a boolean, is an incident
 * CONDITION_ERROR, resolvable once the variables are fixed. Several incoming flows just merge.
 */
export const exclusiveGatewayBehaviour: ElementBehaviour<GatewayNode> = {
  variableMappings: false,
  onActivate: (context) => {
    const { node, services } = context;
    const flows = services.model.flows;
    const conditional = node.outgoing.filter((flowId) => flowId !== node.defaultFlow);
    if (node.outgoing.length === 1 && !flows[node.outgoing[0]!]!.condition) return { complete: node.outgoing };
    const variables = context.variables();
    for (const flowId of conditional) {
      const condition = flows[flowId]!.condition;
      if (!condition) continue;
      const taken = services.evaluator.condition(condition, variables);
      if (taken instanceof Failure) return taken;
      if (taken) return { complete: [flowId] };
    }
    if (node.defaultFlow) return { complete: [node.defaultFlow] };
    return new Failure(
      'CONDITION_ERROR',
      `Expected at least one condition to evaluate to true, or to have a default flow, but no condition of the outgoing flows of '${node.id}' was true`,
    );
  },
};
