import { describeElement, idOf, stringProperty } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `unique-id`: element ids identify elements in the engine, the API and the audit log, so each must
 * be unique and present. bpmn-moddle does not refuse a duplicate id: it keeps the first element and
 * silently drops the later ones (a lax-mode warning), so this rule turns that into a problem.
 */
export const uniqueIdRule: BpmnRule = {
  id: 'unique-id',
  description: 'Every element has an id, and no id is used twice (bpmn-moddle would silently drop the second element).',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const duplicate of context.duplicateIds) {
      const first = context.flowElements.find((element) => idOf(element) === duplicate.id) ?? context.processes.find((process) => idOf(process) === duplicate.id);
      const message = `Expected element ids to be unique but '${duplicate.id}' is used again at line ${duplicate.line}, column ${duplicate.column}${first === undefined ? '' : ` (first by ${describeElement(first)})`}`;
      const problem: BpmnProblem = first === undefined ? { rule: this.id, message, elementId: duplicate.id } : elementProblem(this.id, context, first, message);
      problems.push({ ...problem, line: duplicate.line, column: duplicate.column });
    }
    for (const element of [...context.processes, ...context.flowElements]) {
      if (idOf(element) !== undefined && idOf(element)!.trim() !== '') continue;
      const name = stringProperty(element, 'name');
      const parent = element.$parent === undefined ? '' : ` in ${describeElement(element.$parent)}`;
      problems.push({ rule: this.id, message: `Expected an id on the ${element.$type}${name === undefined ? '' : ` named '${name}'`}${parent} but found none`, elementType: element.$type });
    }
    return problems;
  },
};
