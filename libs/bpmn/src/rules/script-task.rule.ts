import { describeElement, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { extension } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';
import { isVariablePath } from './variable-name.js';

/**
 * `script-task`: a script task is either a FEEL script Baton evaluates (`zeebe:script` with an
 * expression and a result variable) or a job for an external worker (`zeebe:taskDefinition`,
 * checked by `job-type`) — exactly one of the two.
 */
export const scriptTaskRule: BpmnRule = {
  id: 'script-task',
  description: 'A script task has exactly one of zeebe:script (with expression and resultVariable) or zeebe:taskDefinition.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const task of context.flowNodes.filter((node) => node.$type === 'bpmn:ScriptTask')) {
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, task, message));
      };
      const script = extension(task, 'zeebe:Script');
      const taskDefinition = extension(task, 'zeebe:TaskDefinition');
      if (script !== undefined && taskDefinition !== undefined) {
        report(`Expected either a FEEL script (zeebe:script) or a job type (zeebe:taskDefinition) on ${describeElement(task)} but found both`);
        continue;
      }
      if (script === undefined && taskDefinition === undefined) {
        report(`Expected a FEEL script (zeebe:script) or a job type (zeebe:taskDefinition) on ${describeElement(task)} but found neither${otherScriptHint(task)}`);
        continue;
      }
      if (script === undefined) continue;
      if ((stringProperty(script, 'expression') ?? '').trim() === '') {
        report(`Expected an expression (zeebe:script expression) on ${describeElement(task)} but found none`);
      }
      const resultVariable = (stringProperty(script, 'resultVariable') ?? '').trim();
      if (resultVariable === '') {
        report(`Expected a result variable (zeebe:script resultVariable) on ${describeElement(task)} but found none`);
      } else if (!isVariablePath(resultVariable)) {
        report(`Expected the result variable (zeebe:script resultVariable) of ${describeElement(task)} to be a variable name but found ${quote(resultVariable)}`);
      }
    }
    return problems;
  },
};

/** A hint when the task carries a plain BPMN script (Camunda 7 style), which Baton does not run. */
function otherScriptHint(task: ModdleElement): string {
  const format = stringProperty(task, 'scriptFormat');
  const body = stringProperty(task, 'script');
  if (format === undefined && body === undefined) return '';
  return ` (its ${format === undefined ? '' : `${format} `}bpmn:script is not run: Baton evaluates only FEEL scripts in zeebe:script)`;
}
