/**
 * A task's business context: the variables to show next to its form. Pure functions; the task
 * page renders the result (task-context-panel.tsx).
 */
import type { TaskVariable } from '../../api/user-tasks.api';

/** A form-js component, as much of it as the context needs. */
interface FormComponent {
  key?: unknown;
  path?: unknown;
  text?: unknown;
  components?: unknown;
}

/** A simple `{{name}}` or `{{name.field}}` of a form-js template: its variable. */
const TEMPLATE_VARIABLE = /\{\{\s*#?(?:if|each|with)?\s*([A-Za-z_$][\w$]*)/g;

/**
 * The variable names a form shows: the first segment of every field's `key` (and of a group's or
 * dynamic list's `path`), and the variables its text templates print (`{{amount}} EUR`), nested
 * components included.
 */
export function formVariableNames(schema: Record<string, unknown> | null | undefined): Set<string> {
  const names = new Set<string>();
  const visit = (components: unknown) => {
    if (!Array.isArray(components)) return;
    for (const component of components as FormComponent[]) {
      if (component === null || typeof component !== 'object') continue;
      for (const binding of [component.key, component.path]) {
        if (typeof binding === 'string' && binding.trim() !== '') names.add(binding.trim().split('.')[0]!);
      }
      if (typeof component.text === 'string') for (const match of component.text.matchAll(TEMPLATE_VARIABLE)) names.add(match[1]!);
      visit(component.components);
    }
  };
  visit(schema?.['components']);
  return names;
}

/**
 * The variables the task shows as its context: those the model names (`taskVariables`, in that
 * order; absent: every variable, by name) that the form does not already show. A named variable
 * the task does not see is left out.
 */
export function contextVariables(variables: readonly TaskVariable[], taskVariables: readonly string[] | undefined, shownByForm: ReadonlySet<string>): TaskVariable[] {
  const byName = new Map(variables.map((variable) => [variable.name, variable]));
  const names = taskVariables ?? [...byName.keys()].sort((a, b) => a.localeCompare(b));
  return names.filter((name) => !shownByForm.has(name)).flatMap((name) => byName.get(name) ?? []);
}

/** A variable's JSON text for people: a string without its quotes, anything else as JSON. */
export function displayValue(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' ? value : json;
  } catch {
    return json;
  }
}

/** "camelCase" and "snake_case" names as words: "Cost center" from `costCenter`. */
export function variableLabel(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words === '' ? name : words[0]!.toUpperCase() + words.slice(1);
}
