import { FeelService } from '#feel';
import type { FormReference, IoMapping, JobDefinition, UserTaskDefinition, VariableMapping } from '../model/executable-process.js';
import { camunda7Assignment, hasZeebeAssignment } from '../parse/camunda-7-settings.js';
import { elementList, stringProperty, type ModdleElement } from '../parse/moddle-element.js';
import { EMBEDDED_FORM_KEY_PREFIX, extension, extensions } from '../parse/zeebe-extensions.js';
import { compileTaskListeners } from './compile-listeners.js';
import { optionalValueSource, valueSource } from './value-source.js';

/** Zeebe's default number of retries for a new job. */
export const DEFAULT_JOB_RETRIES = '3';

/** `zeebe:taskDefinition` + `zeebe:taskHeaders` as a job definition (validated: the type is present). */
export function compileJob(element: ModdleElement): JobDefinition {
  const taskDefinition = extension(element, 'zeebe:TaskDefinition');
  const retries = stringProperty(taskDefinition, 'retries');
  return {
    type: valueSource(stringProperty(taskDefinition, 'type') ?? ''),
    retries: valueSource(retries === undefined || retries.trim() === '' ? DEFAULT_JOB_RETRIES : retries.trim()),
    headers: compileHeaders(element),
  };
}

/** `zeebe:taskHeaders` as a record; a repeated key keeps its last value. */
export function compileHeaders(element: ModdleElement): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of elementList(extension(element, 'zeebe:TaskHeaders'), 'values')) {
    const key = stringProperty(header, 'key');
    if (key !== undefined) headers[key] = stringProperty(header, 'value') ?? '';
  }
  return headers;
}

/**
 * `zeebe:ioMapping`, or undefined when the element has none. A mapping without a source sets its
 * target to null (Camunda: an input without a value creates the local variable as null).
 */
export function compileIoMapping(element: ModdleElement): IoMapping | undefined {
  const ioMapping = extension(element, 'zeebe:IoMapping');
  if (ioMapping === undefined) return undefined;
  const mappings = (property: string): VariableMapping[] =>
    elementList(ioMapping, property).map((mapping) => {
      const source = stringProperty(mapping, 'source');
      return {
        source: source === undefined || source.trim() === '' ? { kind: 'feel', expression: 'null' } : valueSource(source),
        target: (stringProperty(mapping, 'target') ?? '').trim(),
      };
    });
  return { inputs: mappings('inputParameters'), outputs: mappings('outputParameters') };
}

/**
 * `zeebe:formDefinition` as a form reference: formId → linked (binding `latest` unless given),
 * externalReference → external, `camunda-forms:bpmn:<id>` → the process's embedded
 * zeebe:userTaskForm, any other formKey → external (a key the task's application resolves).
 */
export function compileForm(element: ModdleElement, embeddedForms: Map<string, string>): FormReference | undefined {
  const form = extension(element, 'zeebe:FormDefinition');
  if (form === undefined) return undefined;
  const formId = stringProperty(form, 'formId')?.trim();
  if (formId !== undefined && formId !== '') {
    const bindingType = (stringProperty(form, 'bindingType') ?? 'latest') as 'latest' | 'deployment' | 'versionTag';
    const versionTag = stringProperty(form, 'versionTag');
    return bindingType === 'versionTag' && versionTag !== undefined ? { kind: 'linked', formId, bindingType, versionTag } : { kind: 'linked', formId, bindingType };
  }
  const reference = optionalValueSource(stringProperty(form, 'externalReference'));
  if (reference !== undefined) return { kind: 'external', reference };
  const formKey = stringProperty(form, 'formKey')?.trim();
  if (formKey === undefined || formKey === '') return undefined;
  if (formKey.startsWith(EMBEDDED_FORM_KEY_PREFIX)) {
    return { kind: 'embedded', formKey, schema: embeddedForms.get(formKey.slice(EMBEDDED_FORM_KEY_PREFIX.length)) ?? '' };
  }
  return { kind: 'external', reference: { kind: 'static', value: formKey } };
}

/**
 * The user task's Camunda settings (assignment, schedule, priority, form, headers). Without a
 * `zeebe:assignmentDefinition` that sets anything, the assignment comes from the task's Camunda 7
 * attributes (`camunda:assignee`, ...; `camunda7Prefixes` are the document's prefixes for that
 * namespace), translated as the `camunda-7-assignment` rule checked: static text, or `${name}` as
 * the FEEL expression `name`.
 */
export function compileUserTask(element: ModdleElement, embeddedForms: Map<string, string>, camunda7Prefixes: readonly string[] = []): UserTaskDefinition {
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  const schedule = extension(element, 'zeebe:TaskSchedule');
  const definition: UserTaskDefinition = { camundaUserTask: extension(element, 'zeebe:UserTask') !== undefined, headers: compileHeaders(element) };
  const set = <K extends 'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate' | 'priority'>(key: K, raw: string | undefined): void => {
    const value = optionalValueSource(raw);
    if (value !== undefined) definition[key] = value;
  };
  set('assignee', stringProperty(assignment, 'assignee'));
  set('candidateGroups', stringProperty(assignment, 'candidateGroups'));
  set('candidateUsers', stringProperty(assignment, 'candidateUsers'));
  if (!hasZeebeAssignment(element)) {
    for (const setting of camunda7Assignment(element, camunda7Prefixes)) {
      if (setting.mapped !== undefined) definition[setting.field] = setting.mapped;
    }
  }
  set('dueDate', stringProperty(schedule, 'dueDate'));
  set('followUpDate', stringProperty(schedule, 'followUpDate'));
  set('priority', stringProperty(extension(element, 'zeebe:PriorityDefinition'), 'priority'));
  const form = compileForm(element, embeddedForms);
  if (form !== undefined) definition.form = form;
  const taskListeners = compileTaskListeners(element);
  if (taskListeners !== undefined) definition.taskListeners = taskListeners;
  const taskVariables = compileTaskVariables(element);
  if (taskVariables !== undefined) definition.taskVariables = taskVariables;
  return definition;
}

/** The name of the `zeebe:property` that lists the variables shown on a task (docs/portal.md). */
export const TASK_VARIABLES_PROPERTY = 'taskVariables';

/**
 * `<zeebe:properties><zeebe:property name="taskVariables" value="amount, requester"/>` on a
 * process or user task: the names, trimmed, blanks and repeats dropped, in the order given;
 * undefined when the element has no such property. An empty value is an empty list (show none).
 */
export function compileTaskVariables(element: ModdleElement): string[] | undefined {
  let value: string | undefined;
  for (const properties of extensions(element, 'zeebe:Properties')) {
    for (const property of elementList(properties, 'properties')) {
      if (stringProperty(property, 'name')?.trim() === TASK_VARIABLES_PROPERTY) value = stringProperty(property, 'value') ?? '';
    }
  }
  if (value === undefined) return undefined;
  return [...new Set(value.split(',').map((name) => name.trim()).filter((name) => name !== ''))];
}

/** A sequence flow condition without its leading `=`. */
export function compileCondition(body: string): string {
  return FeelService.stripEquals(body);
}
