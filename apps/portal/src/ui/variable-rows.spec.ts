import { describe, expect, it } from 'vitest';
import { newVariableRow, parseVariableRows } from './variable-rows';

describe('variables editor rows', () => {
  it('parses JSON values and ignores empty rows', () => {
    const rows = [newVariableRow('amount', '2500'), newVariableRow(), newVariableRow('tags', '["a", "b"]'), newVariableRow('note', '"hi"'), newVariableRow('none', 'null')];
    expect(parseVariableRows(rows)).toEqual({ valid: true, variables: { amount: 2500, tags: ['a', 'b'], note: 'hi', none: null } });
  });

  it('keeps variables named like Object.prototype members, __proto__ included, as plain members', () => {
    const names = ['__proto__', 'constructor', 'toString', 'valueOf'];
    const result = parseVariableRows(names.map((name, i) => newVariableRow(name, String(i))));
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(Object.getOwnPropertyNames(result.variables)).toEqual(names);
    expect(JSON.parse(JSON.stringify(result.variables))).toEqual(JSON.parse('{"__proto__":0,"constructor":1,"toString":2,"valueOf":3}'));
  });

  it('reports each problem at its row and field', () => {
    const missingName = newVariableRow('', '1');
    const unquoted = newVariableRow('topic', 'travel');
    const first = newVariableRow('x', '1');
    const twice = newVariableRow('x', '2');
    const spaced = newVariableRow(' y', '3');
    const noValue = newVariableRow('z', '  ');
    const result = parseVariableRows([missingName, unquoted, first, twice, spaced, noValue]);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.count).toBe(5);
    expect(result.errors[missingName.id]).toEqual({ name: 'Enter a name.' });
    expect(result.errors[unquoted.id]?.value).toMatch(/^Not valid JSON \(.+\)\. Text needs double quotes: "like this"\.$/);
    expect(result.errors[first.id]).toBeUndefined();
    expect(result.errors[twice.id]).toEqual({ name: '“x” is set twice; keep one row per variable.' });
    expect(result.errors[spaced.id]).toEqual({ name: 'Remove the spaces around the name.' });
    expect(result.errors[noValue.id]).toEqual({ value: 'Enter a JSON value, e.g. "text", 42, true or {"a": 1}.' });
  });
});
