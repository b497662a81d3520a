import { describeElement, type ModdleElement } from '../parse/moddle-element.js';
import { extensionValues } from '../parse/zeebe-extensions.js';
import type { BpmnProblem } from '../problem.js';
import type { BpmnRule } from './bpmn-rule.js';
import { elementProblem } from './rule-problem.js';

/** The Camunda 7 extension namespace (`camunda:`), which Baton does not read. */
export const CAMUNDA_7_NAMESPACE = 'http://camunda.org/schema/1.0/bpmn';

/**
 * `camunda-7-extension`: Camunda 7 settings (`camunda:assignee`, `camunda:formKey`,
 * `camunda:class`, `<camunda:field>`, ...) mean nothing to Baton, which reads the Camunda 8
 * (zeebe) extensions. A model carrying them may still deploy — a user task without Zeebe settings
 * is a plain user task — so each element with such settings gets a warning naming them, rather
 * than the settings being dropped in silence. Never a problem: converted models often keep them.
 */
export const camunda7ExtensionRule: BpmnRule = {
  id: 'camunda-7-extension',
  description: 'Warns about Camunda 7 (camunda:) attributes and extension elements, which Baton ignores.',
  check: () => [],
  warn(context) {
    const prefixes = camunda7Prefixes(context.definitions);
    if (prefixes.length === 0) return [];
    const warnings: BpmnProblem[] = [];
    for (const element of [...context.processes, ...context.flowElements]) {
      const settings = camunda7Settings(element, prefixes);
      if (settings.length === 0) continue;
      warnings.push(
        elementProblem(this.id, context, element, `${describeElement(element)} has Camunda 7 settings (${settings.join(', ')}), which Baton ignores: it reads only the Camunda 8 (zeebe) extensions`),
      );
    }
    return warnings;
  },
};

/** The prefixes the document binds to the Camunda 7 namespace (usually just `camunda`). */
function camunda7Prefixes(definitions: ModdleElement): string[] {
  return Object.entries(definitions.$attrs ?? {})
    .filter(([name, value]) => name.startsWith('xmlns:') && value === CAMUNDA_7_NAMESPACE)
    .map(([name]) => name.slice('xmlns:'.length));
}

function camunda7Settings(element: ModdleElement, prefixes: string[]): string[] {
  const inNamespace = (name: string): boolean => prefixes.some((prefix) => name.startsWith(`${prefix}:`));
  const attributes = Object.keys(element.$attrs ?? {}).filter(inNamespace);
  const children = extensionValues(element)
    .map((value) => value.$type)
    .filter(inNamespace);
  return [...new Set([...attributes, ...children])];
}
