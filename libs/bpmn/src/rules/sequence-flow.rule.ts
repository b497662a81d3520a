import { describeElement, elementProperty, isA, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

const ENDS = [
  { property: 'sourceRef', label: 'source' },
  { property: 'targetRef', label: 'target' },
] as const;

/**
 * `sequence-flow`: every sequence flow needs a source and a target that exist, are flow nodes,
 * and sit in the same scope (process or subprocess) as the flow — a token can not jump into or
 * out of a subprocess along a sequence flow.
 */
export const sequenceFlowRule: BpmnRule = {
  id: 'sequence-flow',
  description: 'Every sequence flow connects two existing flow nodes in its own scope (process or subprocess).',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const flow of context.sequenceFlows) {
      const flowScope = context.scopeOf(flow);
      for (const { property, label } of ENDS) {
        const end = elementProperty(flow, property);
        let message: string | undefined;
        if (end === undefined) {
          const missingId = context.unresolvedReference(flow, property);
          message =
            missingId === undefined
              ? `Expected ${describeElement(flow)} to have a ${label} (${property}) but found none`
              : `Expected the ${label} of ${describeElement(flow)} to be an element of the model but found no element with id '${missingId}'`;
        } else if (!isA(end, 'bpmn:FlowNode')) {
          message = `Expected the ${label} of ${describeElement(flow)} to be a flow node (event, activity or gateway) but found ${describeElement(end)}`;
        } else if (flowScope !== undefined && context.scopeOf(end) !== flowScope) {
          message = `Expected the ${label} of ${describeElement(flow)} to be in the same scope as the flow (${describeElement(flowScope)}) but found ${describeElement(end)} ${placeOf(end)}`;
        }
        if (message !== undefined) problems.push(elementProblem(this.id, context, flow, message));
      }
    }
    return problems;
  },
};

function placeOf(element: ModdleElement): string {
  const parent = element.$parent;
  return parent === undefined ? 'outside any process' : `in ${describeElement(parent)}`;
}
