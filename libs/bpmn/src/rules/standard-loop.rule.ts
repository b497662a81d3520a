import { describeElement, elementProperty, isA, type ModdleElement } from '../parse/moddle-element.js';
import { expressionBody } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `standard-loop`: an activity with `bpmn:standardLoopCharacteristics` (BPMN 2.0.2 §10.3.8) has a
 * way to stop — a loop condition (FEEL; `feel-expression` checks that it parses) or a loop
 * maximum — and its `loopMaximum` is an integer ≥ 0. Camunda 8 has no standard loop; Baton runs it
 * inside a loop body, like a sequential multi-instance activity.
 */
export const standardLoopRule: BpmnRule = {
  id: 'standard-loop',
  description: 'A standard loop has a FEEL loop condition or a loop maximum, and its loop maximum is an integer ≥ 0.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of context.flowNodes) {
      const loop = elementProperty(element, 'loopCharacteristics');
      if (!isA(loop, 'bpmn:StandardLoopCharacteristics')) continue;
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, element, message));
      };
      const maximum = (loop as ModdleElement)['loopMaximum'];
      const hasMaximum = maximum !== undefined && maximum !== null;
      if (typeof maximum === 'number' && !Number.isInteger(maximum)) {
        report(`Expected the loop maximum (bpmn:standardLoopCharacteristics loopMaximum) of ${describeElement(element)} to be an integer ≥ 0 but found a value that is not an integer`);
      } else if (typeof maximum === 'number' && maximum < 0) {
        report(`Expected the loop maximum (bpmn:standardLoopCharacteristics loopMaximum) of ${describeElement(element)} to be an integer ≥ 0 but found ${maximum}`);
      }
      const condition = expressionBody(loop as ModdleElement, 'loopCondition');
      if (condition === undefined && !hasMaximum) {
        report(
          `Expected a loop condition (bpmn:loopCondition, a FEEL expression like =loopCounter < 3) or a loop maximum (loopMaximum) on the standard loop of ${describeElement(element)} but found neither: the loop would never end`,
        );
      }
    }
    return problems;
  },
};
