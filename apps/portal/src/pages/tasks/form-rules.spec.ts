import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { checkFormRules, formRules, isEmptyValue } from './form-rules';

const feel = (expression: string, context: Record<string, unknown>) => evaluate(expression, context).value;

/** The expense approval form's rules, as processes/approve-expense.form states them. */
const schema = {
  components: [
    { id: 'approved', key: 'approved', type: 'checkbox', label: 'I approve this expense', properties: { confirmWhen: '=approved != true', confirmMessage: 'Reject this expense?', confirmLabel: 'Reject expense' } },
    { id: 'managerComment', key: 'managerComment', type: 'textarea', label: 'Comment', properties: { requiredWhen: '=approved != true', requiredMessage: 'A comment is required when you reject.' } },
    { id: 'group', type: 'group', components: [{ id: 'inner', key: 'inner', label: 'Inner', properties: { requiredWhen: 'true' } }] },
  ],
};

describe('formRules', () => {
  it('reads requiredWhen and confirmWhen from the custom properties of fields, nested ones included', () => {
    expect(formRules(schema).map((r) => [r.kind, r.componentId, r.message])).toEqual([
      ['confirm', 'approved', 'Reject this expense?'],
      ['required', 'managerComment', 'A comment is required when you reject.'],
      ['required', 'inner', 'Inner is required.'],
    ]);
    expect(formRules({ components: [{ id: 'x', key: 'x', properties: { other: 'y' } }] })).toEqual([]);
    expect(formRules(null)).toEqual([]);
  });
});

describe('checkFormRules', () => {
  const rules = formRules({ components: schema.components.slice(0, 2) });

  it('a reject without a comment is missing the comment', () => {
    const outcome = checkFormRules(rules, { approved: false, managerComment: '  ' }, { approved: false, managerComment: '  ' }, feel);
    expect(outcome).toMatchObject({ kind: 'missing', rule: { componentId: 'managerComment' } });
  });

  it('a reject with a comment asks first; an approval goes ahead', () => {
    expect(checkFormRules(rules, { approved: false, managerComment: 'No receipt' }, { approved: false, managerComment: 'No receipt' }, feel)).toMatchObject({ kind: 'confirm', rule: { confirmLabel: 'Reject expense' } });
    expect(checkFormRules(rules, { approved: true }, { approved: true }, feel)).toEqual({ kind: 'ok' });
  });

  it('an expression that fails or is not true does not apply its rule', () => {
    const broken = formRules({ components: [{ id: 'c', key: 'c', properties: { requiredWhen: '=1 +' } }] });
    expect(checkFormRules(broken, {}, {}, () => { throw new Error('parse'); })).toEqual({ kind: 'ok' });
    expect(checkFormRules(broken, {}, {}, () => 'yes')).toEqual({ kind: 'ok' });
  });

  it('empty means nothing, blank text or an empty list', () => {
    expect([undefined, null, '', '  ', []].every(isEmptyValue)).toBe(true);
    expect([0, false, 'x', ['a']].some(isEmptyValue)).toBe(false);
  });
});
