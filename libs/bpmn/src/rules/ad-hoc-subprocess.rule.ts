import { describeElement, elementList, isA, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { extension } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';
import { isVariablePath } from './variable-name.js';

/**
 * `ad-hoc-subprocess`: Camunda 8.8's constraints on an ad-hoc subprocess (at least one activity,
 * no start or end events inside), its `zeebe:adHoc` output collection (a variable name, with an
 * output element, and the other way round), a job type when it has the job worker implementation
 * (`zeebe:taskDefinition`), and what Baton does not run yet: event subprocesses inside one.
 * (`feel-expression` checks that activeElementsCollection, outputElement and the completion
 * condition parse.)
 */
export const adHocSubProcessRule: BpmnRule = {
  id: 'ad-hoc-subprocess',
  description: 'An ad-hoc subprocess has an activity, no start or end events, an output collection with its output element, a job type for the job worker implementation, and no event subprocess (not run by Baton).',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of context.flowNodes) {
      if (element.$type !== 'bpmn:AdHocSubProcess') continue;
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, element, message));
      };
      const children = elementList(element, 'flowElements');
      if (!children.some((child) => isA(child, 'bpmn:Activity'))) report(`Expected ${describeElement(element)}, an ad-hoc subprocess, to contain at least one activity but found none`);
      for (const child of children) {
        if (child.$type === 'bpmn:StartEvent' || child.$type === 'bpmn:EndEvent') {
          report(`Expected no start or end events in ${describeElement(element)}, an ad-hoc subprocess (its elements are activated on request), but found ${describeElement(child)}`);
        }
        if (child['triggeredByEvent'] === true) report(`${describeElement(child)} (an event subprocess in an ad-hoc subprocess) is not executed by Baton`);
      }
      const taskDefinition = extension(element, 'zeebe:TaskDefinition');
      if (taskDefinition !== undefined && (stringProperty(taskDefinition, 'type') ?? '').trim() === '') {
        report(`Expected a job type (zeebe:taskDefinition type) on ${describeElement(element)}, an ad-hoc subprocess with the job worker implementation, but found none`);
      }
      const adHoc = extension(element, 'zeebe:AdHoc');
      const attribute = (name: string): string | undefined => {
        const value = stringProperty(adHoc as ModdleElement | undefined, name)?.trim();
        return value === '' ? undefined : value;
      };
      const outputCollection = attribute('outputCollection');
      const outputElement = attribute('outputElement');
      if (outputCollection !== undefined && !isVariablePath(outputCollection)) {
        report(`Expected the output collection (zeebe:adHoc outputCollection) of ${describeElement(element)} to be a variable name but found ${quote(outputCollection)}`);
      }
      if (outputCollection !== undefined && outputElement === undefined) {
        report(`Expected an output element (zeebe:adHoc outputElement) on ${describeElement(element)}, which collects into '${outputCollection}', but found none`);
      }
      if (outputElement !== undefined && outputCollection === undefined) {
        report(`Expected an output collection (zeebe:adHoc outputCollection) on ${describeElement(element)}, which has the output element ${quote(outputElement)}, but found none`);
      }
    }
    return problems;
  },
};
