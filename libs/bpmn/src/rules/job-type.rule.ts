import { describeElement, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { extension } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { eventKind } from './event-kind.js';
import { elementProblem } from './rule-problem.js';

/** Camunda 7 implementation attributes: a hint for models brought over from Camunda 7. */
const CAMUNDA_7_IMPLEMENTATIONS = ['camunda:class', 'camunda:delegateExpression', 'camunda:expression', 'camunda:type', 'camunda:topic', 'camunda:decisionRef'];

/**
 * `job-type`: elements a job worker carries out need a `zeebe:taskDefinition` with a job type:
 * service, send and business rule tasks (a business rule task calling DMN is refused by
 * `supported-element`), script tasks implemented as jobs, and message throw and end events (like
 * Zeebe, Baton publishes their message through a worker). Static retries must be a non-negative
 * integer. Script tasks with neither a script nor a job are `script-task`'s to report.
 */
export const jobTypeRule: BpmnRule = {
  id: 'job-type',
  description: 'Service, send, business rule and job-based script tasks and message throw/end events need a zeebe:taskDefinition type; static retries are a non-negative integer.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of context.flowNodes) {
      const taskDefinition = extension(element, 'zeebe:TaskDefinition');
      if (!needsJob(element, taskDefinition)) continue;
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, element, message));
      };
      if (taskDefinition === undefined) {
        report(`Expected a job type (zeebe:taskDefinition type) on ${describeElement(element)} but found none${camunda7Hint(element)}`);
        continue;
      }
      const type = stringProperty(taskDefinition, 'type');
      if (type === undefined || type.trim() === '') {
        report(`Expected a job type (zeebe:taskDefinition type) on ${describeElement(element)} but found ${type === undefined ? 'none' : 'an empty type'}`);
      }
      const retries = stringProperty(taskDefinition, 'retries')?.trim();
      if (retries !== undefined && retries !== '' && !retries.startsWith('=') && !/^\d+$/.test(retries)) {
        report(`Expected the job retries (zeebe:taskDefinition retries) on ${describeElement(element)} to be a non-negative integer or a FEEL expression but found ${quote(retries)}`);
      }
    }
    return problems;
  },
};

function needsJob(element: ModdleElement, taskDefinition: ModdleElement | undefined): boolean {
  switch (element.$type) {
    case 'bpmn:ServiceTask':
    case 'bpmn:SendTask':
      return true;
    case 'bpmn:BusinessRuleTask':
      return extension(element, 'zeebe:CalledDecision') === undefined;
    case 'bpmn:ScriptTask':
      return taskDefinition !== undefined;
    case 'bpmn:IntermediateThrowEvent':
    case 'bpmn:EndEvent':
      return eventKind(element) === 'message';
    default:
      return false;
  }
}

function camunda7Hint(element: ModdleElement): string {
  const attributes = Object.keys(element.$attrs ?? {}).filter((name) => CAMUNDA_7_IMPLEMENTATIONS.includes(name));
  if (attributes.length === 0) return '';
  return ` (it has the Camunda 7 attribute${attributes.length > 1 ? 's' : ''} ${attributes.join(', ')}, which Baton does not execute)`;
}
