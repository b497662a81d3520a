import { describeElement, elementProperty, quote } from '../parse/moddle-element.js';
import { conditionOf } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

const BRANCHING = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway', 'bpmn:ComplexGateway']);

/**
 * `gateway-exit`: a token must always be able to leave a gateway. A gateway needs an outgoing
 * flow; when an exclusive, inclusive or complex gateway has several, every one but the default needs a
 * condition (Zeebe: "Must have a condition or be default flow"); the default flow must be one of
 * the gateway's outgoing flows and carry no condition; a parallel gateway takes every flow, so
 * conditions there would be silently ignored and are refused.
 */
export const gatewayExitRule: BpmnRule = {
  id: 'gateway-exit',
  description: 'Gateways have an outgoing flow, conditions on every non-default branch, a valid default flow, and no conditions after a parallel gateway.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const gateway of context.flowNodes) {
      const branching = BRANCHING.has(gateway.$type);
      if (!branching && gateway.$type !== 'bpmn:ParallelGateway') continue;
      const outgoing = context.outgoing(gateway);
      const report = (element: typeof gateway, message: string): void => {
        problems.push(elementProblem(this.id, context, element, message));
      };
      if (outgoing.length === 0) {
        report(gateway, `Expected ${describeElement(gateway)} to have at least one outgoing sequence flow but found none`);
        continue;
      }
      if (!branching) {
        for (const flow of outgoing) {
          const condition = conditionOf(flow);
          if (condition !== undefined) {
            report(flow, `Expected no condition on ${describeElement(flow)}, which leaves ${describeElement(gateway)} (a parallel gateway takes every outgoing flow), but found ${quote(condition)}`);
          }
        }
        continue;
      }
      const defaultFlow = elementProperty(gateway, 'default');
      const missingDefault = context.unresolvedReference(gateway, 'default');
      if (missingDefault !== undefined) {
        report(gateway, `Expected the default flow of ${describeElement(gateway)} to be one of its outgoing sequence flows but found no element with id '${missingDefault}'`);
      } else if (defaultFlow !== undefined && !outgoing.includes(defaultFlow)) {
        report(gateway, `Expected the default flow of ${describeElement(gateway)} to be one of its outgoing sequence flows but found ${describeElement(defaultFlow)}, which does not leave it`);
      } else if (defaultFlow !== undefined) {
        const condition = conditionOf(defaultFlow);
        if (condition !== undefined) {
          report(defaultFlow, `Expected no condition on ${describeElement(defaultFlow)}, the default flow of ${describeElement(gateway)}, but found ${quote(condition)}`);
        }
      }
      if (outgoing.length < 2) continue;
      for (const flow of outgoing) {
        if (flow === defaultFlow || conditionOf(flow) !== undefined) continue;
        report(
          flow,
          `Expected a condition on ${describeElement(flow)}, which leaves ${describeElement(gateway)} and is not its default flow, but found none`,
        );
      }
    }
    return problems;
  },
};

