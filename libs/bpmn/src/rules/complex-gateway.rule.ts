import { describeElement, quote } from '../parse/moddle-element.js';
import { expressionBody } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `complex-gateway`: the activation condition of a complex gateway (BPMN 2.0.2 §13.3.6) decides
 * when its join fires, so it is only evaluated where tokens merge: on a gateway with a single
 * incoming flow it would silently never be read and is refused. (Its outgoing flows follow
 * `gateway-exit`, like an inclusive gateway's; `feel-expression` checks that the condition parses.)
 */
export const complexGatewayRule: BpmnRule = {
  id: 'complex-gateway',
  description: 'An activation condition is only allowed on a complex gateway that joins several incoming flows.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const gateway of context.flowNodes) {
      if (gateway.$type !== 'bpmn:ComplexGateway') continue;
      const condition = expressionBody(gateway, 'activationCondition');
      const incoming = context.incoming(gateway).length;
      if (condition === undefined || incoming > 1) continue;
      problems.push(
        elementProblem(
          this.id,
          context,
          gateway,
          `Expected no activation condition on ${describeElement(gateway)}, which has ${incoming === 0 ? 'no incoming flow' : 'one incoming flow'} and so never joins, but found ${quote(condition)}`,
        ),
      );
    }
    return problems;
  },
};
