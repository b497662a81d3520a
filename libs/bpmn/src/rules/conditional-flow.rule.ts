import { describeElement, elementProperty, isA, quote } from '../parse/moddle-element.js';
import { conditionOf } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `conditional-flow`: Baton, like Zeebe, evaluates sequence flow conditions only where a token
 * leaves an exclusive or inclusive gateway. A condition on a flow leaving a task or event would be
 * ignored — the token would take the flow whatever the data says — so it is refused, with the fix.
 * Conditions after gateways are `gateway-exit`'s business (parallel gateways included).
 */
export const conditionalFlowRule: BpmnRule = {
  id: 'conditional-flow',
  description: 'Conditions are only allowed on flows leaving exclusive or inclusive gateways; elsewhere they would be silently ignored.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const flow of context.sequenceFlows) {
      const condition = conditionOf(flow);
      const source = elementProperty(flow, 'sourceRef');
      if (condition === undefined || source === undefined || isA(source, 'bpmn:Gateway')) continue;
      problems.push(
        elementProblem(
          this.id,
          context,
          flow,
          `Expected no condition on ${describeElement(flow)}, which leaves ${describeElement(source)}, but found ${quote(condition)}: ` +
            'Baton, like Zeebe, evaluates conditions only on flows leaving an exclusive or inclusive gateway, so this one would be ignored; ' +
            `add a gateway after ${describeElement(source)} to branch`,
        ),
      );
    }
    return problems;
  },
};
