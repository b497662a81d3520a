import { describeElement, quote, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { EMBEDDED_FORM_KEY_PREFIX, extension } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import { parseIsoDateTime } from '../timers/iso-date-time.js';
import type { ValidationContext } from '../validate/validation-context.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

const FORM_ATTRIBUTES = ['formId', 'formKey', 'externalReference'] as const;
const BINDING_TYPES = ['latest', 'deployment', 'versionTag'];

/**
 * `user-task`: user task (and start event) forms name exactly one of formId, formKey or
 * externalReference; a legacy `camunda-forms:bpmn:<id>` key names a zeebe:userTaskForm of the
 * process; a linked form's binding is latest, deployment or versionTag (with a version tag).
 * A static priority is an integer 0..100, static due and follow-up dates are ISO 8601 date-times.
 */
export const userTaskRule: BpmnRule = {
  id: 'user-task',
  description: 'User task and start event forms reference exactly one form that exists; static priority is 0..100; static dates are ISO 8601.',
  check(context) {
    const problems: BpmnProblem[] = [];
    for (const element of context.flowNodes) {
      if (element.$type !== 'bpmn:UserTask' && element.$type !== 'bpmn:StartEvent') continue;
      const report = (message: string): void => {
        problems.push(elementProblem(this.id, context, element, message));
      };
      formProblems(element, context, report);
      if (element.$type !== 'bpmn:UserTask') continue;
      const priority = stringProperty(extension(element, 'zeebe:PriorityDefinition'), 'priority')?.trim();
      if (priority !== undefined && priority !== '' && !priority.startsWith('=') && !(/^\d+$/.test(priority) && Number(priority) <= 100)) {
        report(`Expected the priority (zeebe:priorityDefinition priority) of ${describeElement(element)} to be an integer from 0 to 100 or a FEEL expression but found ${quote(priority)}`);
      }
      const schedule = extension(element, 'zeebe:TaskSchedule');
      for (const property of ['dueDate', 'followUpDate']) {
        const value = stringProperty(schedule, property)?.trim();
        if (value === undefined || value === '' || value.startsWith('=')) continue;
        const parsed = parseIsoDateTime(value);
        if (!parsed.ok) {
          report(`Expected the ${property} (zeebe:taskSchedule ${property}) of ${describeElement(element)} to be an ISO 8601 date-time with offset (like 2025-01-31T17:00:00+01:00) or a FEEL expression but found ${quote(value)}: ${parsed.reason}`);
        }
      }
    }
    return problems;
  },
};

function formProblems(element: ModdleElement, context: ValidationContext, report: (message: string) => void): void {
  const form = extension(element, 'zeebe:FormDefinition');
  if (form === undefined) return;
  const given = FORM_ATTRIBUTES.filter((attribute) => (stringProperty(form, attribute) ?? '').trim() !== '');
  if (given.length !== 1) {
    report(`Expected one of formId, formKey or externalReference on the zeebe:formDefinition of ${describeElement(element)} but found ${given.length === 0 ? 'none' : given.join(' and ')}`);
    return;
  }
  const formKey = stringProperty(form, 'formKey')?.trim();
  if (formKey?.startsWith(EMBEDDED_FORM_KEY_PREFIX) === true) {
    const process = context.processOf(element);
    const formId = formKey.slice(EMBEDDED_FORM_KEY_PREFIX.length);
    if (process !== undefined && !context.userTaskForms(process).has(formId)) {
      report(`Expected the form key '${formKey}' of ${describeElement(element)} to name a zeebe:userTaskForm of ${describeElement(process)} but found no form with id '${formId}'`);
    }
  }
  if (given[0] === 'formId') {
    const bindingType = stringProperty(form, 'bindingType') ?? 'latest';
    if (!BINDING_TYPES.includes(bindingType)) {
      report(`Expected the binding type (zeebe:formDefinition bindingType) of the form of ${describeElement(element)} to be latest, deployment or versionTag but found ${quote(bindingType)}`);
    } else if (bindingType === 'versionTag' && (stringProperty(form, 'versionTag') ?? '').trim() === '') {
      report(`Expected a version tag (zeebe:formDefinition versionTag) on the form of ${describeElement(element)}, whose binding type is versionTag, but found none`);
    }
  }
}
