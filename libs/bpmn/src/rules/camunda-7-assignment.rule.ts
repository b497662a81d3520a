import { camunda7Assignment, describeTranslation, hasZeebeAssignment, type Camunda7Assignment } from '../parse/camunda-7-settings.js';
import { describeElement, quote } from '../parse/moddle-element.js';
import type { BpmnProblem } from '../problem.js';
import type { ValidationContext } from '../validate/validation-context.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/**
 * `camunda-7-assignment`: a user task of a model converted from Camunda 7 keeps its assignment in
 * `camunda:assignee`, `camunda:candidateGroups` and `camunda:candidateUsers`. Ignoring them would
 * deploy a task offered to no one in particular, which every employee sees. So Baton reads them
 * as their `zeebe:assignmentDefinition` equivalents (static text as is, `${name}` as the FEEL
 * expression `=name`; compiled in `compile-extensions.ts`) and refuses a task whose value is any
 * other JUEL expression, naming it. A task that also has a `zeebe:assignmentDefinition` keeps that
 * one; the Camunda 7 settings are then ignored, with a warning.
 */
export const camunda7AssignmentRule: BpmnRule = {
  id: 'camunda-7-assignment',
  description: "Reads a user task's Camunda 7 assignment as Camunda 8's, or refuses an expression that cannot be read that way.",
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const { task, settings } of userTasksWithCamunda7Assignment(context)) {
      if (hasZeebeAssignment(task)) continue;
      for (const setting of settings) {
        if (setting.mapped !== undefined) continue;
        problems.push(
          elementProblem(
            this.id,
            context,
            task,
            `Expected ${setting.attribute} of ${describeElement(task)} to be ${setting.field === 'assignee' ? 'a user name' : 'a comma-separated list'} or a variable reference like \${name}, ` +
              `which Baton reads as the Camunda 8 ${setting.field}, but found the expression ${quote(setting.value)}: Baton does not evaluate Camunda 7 (JUEL) expressions, ` +
              `and without its assignment the task would be offered to everyone; set it with zeebe:assignmentDefinition ${setting.field} as a FEEL expression instead`,
          ),
        );
      }
    }
    return problems;
  },
  warn(context) {
    const warnings: BpmnProblem[] = [];
    for (const { task, settings } of userTasksWithCamunda7Assignment(context)) {
      const names = settings.map((setting) => setting.attribute).join(', ');
      if (hasZeebeAssignment(task)) {
        warnings.push(
          elementProblem(this.id, context, task, `${describeElement(task)} has a zeebe:assignmentDefinition and Camunda 7 assignment settings (${names}): the zeebe:assignmentDefinition wins, so ${names} ${settings.length === 1 ? 'is' : 'are'} ignored`),
        );
        continue;
      }
      const mapped = settings.filter((setting) => setting.mapped !== undefined);
      if (mapped.length === 0) continue;
      const readings = mapped.map((setting) => `${setting.attribute} ${quote(setting.value)} as ${setting.field} ${describeTranslation(setting.mapped!)}`).join(', ');
      warnings.push(elementProblem(this.id, context, task, `${describeElement(task)} has its assignment in Camunda 7 settings, which Baton reads as the zeebe:assignmentDefinition: ${readings}`));
    }
    return warnings;
  },
};

function userTasksWithCamunda7Assignment(context: ValidationContext): Array<{ task: (typeof context.flowElements)[number]; settings: Camunda7Assignment[] }> {
  if (context.camunda7Prefixes.length === 0) return [];
  return context.flowElements
    .filter((element) => element.$type === 'bpmn:UserTask')
    .map((task) => ({ task, settings: camunda7Assignment(task, context.camunda7Prefixes) }))
    .filter(({ settings }) => settings.length > 0);
}
