import { idOf, type ModdleElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { ValidationContext } from '../validate/validation-context.js';

/** A problem about one element, with its id, type and process filled in. */
export function elementProblem(rule: string, context: ValidationContext, element: ModdleElement, message: string): BpmnProblem {
  const problem: BpmnProblem = { rule, message };
  const elementId = idOf(element);
  if (elementId !== undefined) problem.elementId = elementId;
  problem.elementType = element.$type;
  const processId = idOf(context.processOf(element));
  if (processId !== undefined) problem.processId = processId;
  return problem;
}
