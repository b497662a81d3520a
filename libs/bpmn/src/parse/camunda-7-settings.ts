import type { ValueSource } from '../model/executable-process.js';
import { stringProperty, type ModdleElement } from './moddle-element.js';
import { extension, extensionValues } from './zeebe-extensions.js';

/**
 * Readers for the Camunda 7 (`camunda:`) settings of a model. Baton has no Camunda 7 descriptor:
 * bpmn-moddle keeps such attributes in `$attrs` under the prefix the document binds to the
 * Camunda 7 namespace (usually `camunda`), and such extension elements as generic elements.
 *
 * A user task's assignment is the one Camunda 7 setting Baton reads (`camunda:assignee`,
 * `camunda:candidateGroups`, `camunda:candidateUsers`): ignoring it would offer the task to
 * everyone. Static text and a plain variable reference (`${name}`, `#{name}`) translate to
 * Camunda 8 exactly; anything else is a JUEL expression Baton cannot evaluate.
 */

/** The Camunda 7 extension namespace. */
export const CAMUNDA_7_NAMESPACE = 'http://camunda.org/schema/1.0/bpmn';

/** The prefixes a document binds to the Camunda 7 namespace on its `bpmn:definitions` (usually just `camunda`). */
export function camunda7Prefixes(definitions: ModdleElement): string[] {
  return Object.entries(definitions.$attrs ?? {})
    .filter(([name, value]) => name.startsWith('xmlns:') && value === CAMUNDA_7_NAMESPACE)
    .map(([name]) => name.slice('xmlns:'.length));
}

/** The element's Camunda 7 attributes and extension element types, as written (`camunda:class`, `camunda:inputOutput`). */
export function camunda7Settings(element: ModdleElement, prefixes: readonly string[]): string[] {
  const inNamespace = (name: string): boolean => prefixes.some((prefix) => name.startsWith(`${prefix}:`));
  const attributes = Object.keys(element.$attrs ?? {}).filter(inNamespace);
  const children = extensionValues(element)
    .map((value) => value.$type)
    .filter(inNamespace);
  return [...new Set([...attributes, ...children])];
}

/** The assignment fields, named as on `zeebe:assignmentDefinition` and as the `camunda:` attributes. */
export const ASSIGNMENT_FIELDS = ['assignee', 'candidateGroups', 'candidateUsers'] as const;

/** One of the assignment fields. */
export type AssignmentField = (typeof ASSIGNMENT_FIELDS)[number];

/** A Camunda 7 assignment attribute of a user task, and what it means in Camunda 8 if it translates. */
export interface Camunda7Assignment {
  field: AssignmentField;
  /** The attribute as written, e.g. `camunda:assignee`. */
  attribute: string;
  /** Its value as written. */
  value: string;
  /** The Camunda 8 value: static text, or FEEL naming the variable; undefined when the value is a JUEL expression beyond a variable reference. */
  mapped?: ValueSource;
}

/** A JUEL expression that is only a variable reference: `${name}` or `#{name}`, blanks allowed inside the braces. */
const VARIABLE_REFERENCE = /^[$#]\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/;

/** Words that are literals or operators in JUEL or FEEL, so `${word}` is not a variable in one of them. */
const RESERVED = new Set([
  'true', 'false', 'null', 'empty', 'not', 'and', 'or', 'div', 'mod', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'instanceof',
  'for', 'return', 'in', 'if', 'then', 'else', 'some', 'every', 'satisfies', 'instance', 'of', 'function', 'between',
]);

/**
 * Translates a Camunda 7 assignment value: static text (a user name, or a comma-separated list
 * of groups or users, as Camunda 8 writes them too) stays static; `${name}` becomes the FEEL
 * expression `name`. Undefined for anything else with `${` or `#{` in it (method calls,
 * operators, beans, text around an expression).
 */
export function translateAssignmentValue(value: string): ValueSource | undefined {
  const text = value.trim();
  const reference = VARIABLE_REFERENCE.exec(text);
  if (reference !== null) return RESERVED.has(reference[1]!) ? undefined : { kind: 'feel', expression: reference[1]! };
  if (text.includes('${') || text.includes('#{')) return undefined;
  return { kind: 'static', value: text };
}

/** The Camunda 7 assignment attributes of an element that are not blank, each with its translation. */
export function camunda7Assignment(element: ModdleElement, prefixes: readonly string[]): Camunda7Assignment[] {
  const found: Camunda7Assignment[] = [];
  const attributes = element.$attrs ?? {};
  for (const field of ASSIGNMENT_FIELDS) {
    for (const prefix of prefixes) {
      const attribute = `${prefix}:${field}`;
      const value = attributes[attribute];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const mapped = translateAssignmentValue(value);
      found.push(mapped === undefined ? { field, attribute, value } : { field, attribute, value, mapped });
      break;
    }
  }
  return found;
}

/** The attribute names of a user task's Camunda 7 assignment (`camunda:assignee`, ...), for the element's list of settings. */
export function isCamunda7AssignmentAttribute(name: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => ASSIGNMENT_FIELDS.some((field) => name === `${prefix}:${field}`));
}

/**
 * True when the task's `zeebe:assignmentDefinition` sets anything (assignee, candidate groups or
 * users). Then it wins over Camunda 7 settings; an empty one (as editors sometimes leave) does not.
 */
export function hasZeebeAssignment(element: ModdleElement): boolean {
  const assignment = extension(element, 'zeebe:AssignmentDefinition');
  return ASSIGNMENT_FIELDS.some((field) => (stringProperty(assignment, field) ?? '').trim() !== '');
}

/** How a message shows a translated value: `'demo'` or `'=reviewer'` (the Zeebe attribute as it would be written). */
export function describeTranslation(value: ValueSource): string {
  return value.kind === 'feel' ? `'=${value.expression}'` : `'${value.value}'`;
}
