/**
 * Rules a task form states about itself, beyond what form-js 1.23 validates: form-js evaluates
 * FEEL in `validate.min/max/minLength/maxLength` but not in `validate.required`, and never asks
 * before submitting. A form field's custom properties (form-js "Custom properties", kept in the
 * schema as `properties`) may say:
 *
 * - `requiredWhen`: a FEEL expression; when it is true the field must not be empty
 *   (`requiredMessage` says why, e.g. "A comment is required when you reject.");
 * - `confirmWhen`: a FEEL expression; when it is true completing asks first, with
 *   `confirmMessage` as the question and `confirmLabel` on the button that goes ahead.
 *
 * Expressions see the task's variables with the form's data over them. An expression that does
 * not evaluate to `true` (false, null, an error) does not apply the rule.
 */

/** A rule's expression and what it says, with the field it belongs to. */
export interface FormRule {
  kind: 'required' | 'confirm';
  /** The field's component id (form-js renders its input with an id ending in `-<id>`). */
  componentId: string;
  /** The field's key: the variable it sets. */
  key: string | undefined;
  label: string;
  expression: string;
  message: string;
  /** For `confirm`: the label of the button that goes ahead. */
  confirmLabel?: string;
}

/** What the rules say about one submission. */
export type RuleOutcome = { kind: 'ok' } | { kind: 'missing'; rule: FormRule } | { kind: 'confirm'; rule: FormRule };

interface Component {
  id?: unknown;
  key?: unknown;
  label?: unknown;
  properties?: unknown;
  components?: unknown;
}

/** The rules of a form-js schema, in form order. */
export function formRules(schema: Record<string, unknown> | null | undefined): FormRule[] {
  const rules: FormRule[] = [];
  const visit = (components: unknown) => {
    if (!Array.isArray(components)) return;
    for (const component of components as Component[]) {
      if (component === null || typeof component !== 'object') continue;
      const properties = (component.properties ?? {}) as Record<string, unknown>;
      const base = {
        componentId: typeof component.id === 'string' ? component.id : '',
        key: typeof component.key === 'string' ? component.key : undefined,
        label: typeof component.label === 'string' && component.label !== '' ? component.label : typeof component.key === 'string' ? component.key : 'This field',
      };
      const text = (name: string) => (typeof properties[name] === 'string' ? (properties[name] as string).trim() : '');
      if (text('requiredWhen')) rules.push({ ...base, kind: 'required', expression: text('requiredWhen'), message: text('requiredMessage') || `${base.label} is required.` });
      if (text('confirmWhen')) rules.push({ ...base, kind: 'confirm', expression: text('confirmWhen'), message: text('confirmMessage') || 'Do you want to go ahead?', confirmLabel: text('confirmLabel') || 'Yes, go ahead' });
      visit(component.components);
    }
  };
  visit(schema?.['components']);
  return rules;
}

/** Evaluates a FEEL expression (with or without its leading `=`) to a value. */
export type FeelEvaluate = (expression: string, context: Record<string, unknown>) => unknown;

/** True when a field value counts as empty for `requiredWhen`: nothing, blank text, an empty list. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * Checks the rules against the variables a submission sends (over the task's variables): the
 * first required field left empty, else the first confirmation that applies, else ok.
 */
export function checkFormRules(rules: readonly FormRule[], context: Record<string, unknown>, submitted: Record<string, unknown>, evaluate: FeelEvaluate): RuleOutcome {
  const holds = (rule: FormRule) => {
    try {
      return evaluate(rule.expression.replace(/^\s*=/, ''), context) === true;
    } catch {
      return false;
    }
  };
  for (const rule of rules) {
    if (rule.kind === 'required' && holds(rule) && isEmptyValue(rule.key === undefined ? undefined : submitted[rule.key])) return { kind: 'missing', rule };
  }
  for (const rule of rules) {
    if (rule.kind === 'confirm' && holds(rule)) return { kind: 'confirm', rule };
  }
  return { kind: 'ok' };
}
