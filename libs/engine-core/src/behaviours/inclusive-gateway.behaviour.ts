import type { ComplexGatewayNode, GatewayNode } from '#bpmn';
import { Failure } from '../failure.js';
import type { ElementBehaviour } from './element-behaviour.js';

/**
 * Forks into every outgoing flow whose condition is true (or the default flow when none is).
 * As a join, it is activated by the lifecycle once no missing token can still arrive.
 */
export const inclusiveGatewayBehaviour: ElementBehaviour<GatewayNode | ComplexGatewayNode> = {
  variableMappings: false,
  onActivate: (context) => {
    const { node, services } = context;
    const flows = services.model.flows;
    const conditional = node.outgoing.filter((flowId) => flowId !== node.defaultFlow);
    const variables = context.variables();
    const taken: string[] = [];
    for (const flowId of conditional) {
      const condition = flows[flowId]!.condition;
      if (!condition) {
        taken.push(flowId);
        continue;
      }
      const value = services.evaluator.condition(condition, variables);
      if (value instanceof Failure) return value;
      if (value) taken.push(flowId);
    }
    if (taken.length > 0) return { complete: taken };
    if (node.defaultFlow) return { complete: [node.defaultFlow] };
    return new Failure(
      'CONDITION_ERROR',
      `Expected at least one condition to evaluate to true, or to have a default flow, but no condition of the outgoing flows of '${node.id}' was true`,
    );
  },
};
