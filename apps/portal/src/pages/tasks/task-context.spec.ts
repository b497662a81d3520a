import { describe, expect, it } from 'vitest';
import { contextVariables, displayValue, formVariableNames, variableLabel } from './task-context';

const variable = (name: string, value: string) => ({ name, value, isTruncated: false });

describe('formVariableNames', () => {
  it('collects field keys, group paths and the variables text templates print, nested ones included', () => {
    const schema = {
      components: [
        { type: 'text', text: '## Approve?\n**{{amount}} EUR** for {{ category }}.\n{{#if urgent}}Urgent{{/if}}' },
        { type: 'checkbox', key: 'approved' },
        { type: 'group', path: 'address', components: [{ type: 'textfield', key: 'street' }] },
        { type: 'group', components: [{ type: 'textarea', key: 'review.comment' }] },
      ],
    };
    expect([...formVariableNames(schema)].sort()).toEqual(['address', 'amount', 'approved', 'category', 'review', 'street', 'urgent']);
    expect(formVariableNames(null).size).toBe(0);
  });
});

describe('contextVariables', () => {
  const variables = [variable('amount', '120'), variable('requester', '"Emma"'), variable('secretNote', '"x"'), variable('approved', 'false')];

  it('keeps the named variables in the order named, without those the form shows or the task does not see', () => {
    expect(contextVariables(variables, ['requester', 'amount', 'missing'], new Set(['amount'])).map((v) => v.name)).toEqual(['requester']);
  });

  it('without a list shows every variable the form does not, by name', () => {
    expect(contextVariables(variables, undefined, new Set(['approved'])).map((v) => v.name)).toEqual(['amount', 'requester', 'secretNote']);
  });

  it('an empty list shows none', () => {
    expect(contextVariables(variables, [], new Set())).toEqual([]);
  });
});

describe('display', () => {
  it('shows strings without quotes, other JSON as it is; names as words', () => {
    expect(displayValue('"Emma"')).toBe('Emma');
    expect(displayValue('{"a":1}')).toBe('{"a":1}');
    expect(displayValue('not json')).toBe('not json');
    expect(variableLabel('costCenter')).toBe('Cost center');
    expect(variableLabel('business_id')).toBe('Business id');
  });
});
