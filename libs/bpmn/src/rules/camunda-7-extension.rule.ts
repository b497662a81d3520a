import { camunda7Settings, isCamunda7AssignmentAttribute } from '../parse/camunda-7-settings.js';
import { describeElement } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `camunda-7-extension`: Camunda 7 settings (`camunda:formKey`, `camunda:class`, `<camunda:field>`,
 * ...) mean nothing to Baton, which reads the Camunda 8 (zeebe) extensions. A model carrying them
 * may still deploy — a user task without Zeebe settings is a plain user task — so each element
 * with such settings gets a warning naming them, rather than the settings being dropped in
 * silence. Never a problem: converted models often keep them. A user task's assignment
 * (`camunda:assignee`, `camunda:candidateGroups`, `camunda:candidateUsers`) is not ignored: the
 * `camunda-7-assignment` rule speaks about it.
 */
export const camunda7ExtensionRule: BpmnRule = {
  id: 'camunda-7-extension',
  description: 'Warns about Camunda 7 (camunda:) attributes and extension elements, which Baton ignores.',
  check: () => [],
  warn(context) {
    const prefixes = context.camunda7Prefixes;
    if (prefixes.length === 0) return [];
    const warnings: BpmnProblem[] = [];
    for (const element of [...context.processes, ...context.flowElements]) {
      const read = element.$type === 'bpmn:UserTask' ? (name: string) => isCamunda7AssignmentAttribute(name, prefixes) : () => false;
      const settings = camunda7Settings(element, prefixes).filter((name) => !read(name));
      if (settings.length === 0) continue;
      warnings.push(
        elementProblem(this.id, context, element, `${describeElement(element)} has Camunda 7 settings (${settings.join(', ')}), which Baton ignores: it reads only the Camunda 8 (zeebe) extensions`),
      );
    }
    return warnings;
  },
};
