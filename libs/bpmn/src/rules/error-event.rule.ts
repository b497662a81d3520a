import { describeElement, quote, stringProperty } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { errorDefinitionOf, referencedError } from '../parse/event-references.js';
import { elementProblem } from './rule-problem.js';

/**
 * `error-event`: an error end event throws an error with a code (static or FEEL); an error catch
 * event catches one static error code, or every error when it references none (Camunda 8: "For
 * error catch events errorCode must be a static value", docs.camunda.io/docs/components/modeler/bpmn/error-events/).
 * An error reference must name a `bpmn:error`.
 */
export const errorEventRule: BpmnRule = {
  id: 'error-event',
  description: 'Error end events throw an error with a code; error catch events catch a static code or everything; error references resolve.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const event of context.flowNodes) {
      const definition = errorDefinitionOf(event);
      if (definition === undefined) continue;
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, event, message));
      };
      const unresolved = context.unresolvedReference(definition, 'errorRef');
      if (unresolved !== undefined) {
        report(`Expected the error reference (errorRef) of ${describeElement(event)} to name a bpmn:error but found no element with id '${unresolved}'`);
        continue;
      }
      const error = referencedError(event);
      const code = stringProperty(error, 'errorCode')?.trim();
      const throws = event.$type === 'bpmn:EndEvent' || event.$type === 'bpmn:IntermediateThrowEvent';
      if (throws && (code === undefined || code === '')) {
        const found = error === undefined ? 'no error reference' : `${describeElement(error)} without errorCode`;
        report(`Expected ${describeElement(event)} to throw an error with a code (errorRef to a bpmn:error with errorCode) but found ${found}`);
      }
      if (!throws && code !== undefined && code.startsWith('=')) {
        report(`Expected a static error code on ${describeElement(event)}, which catches errors, but found the expression ${quote(code)}: Camunda matches caught errors by a fixed code`);
      }
    }
    return problems;
  },
};
