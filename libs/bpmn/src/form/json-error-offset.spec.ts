import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset.js';

describe('jsonErrorOffset', () => {
  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"text"', '0'])('accepts %j', (json) => {
    expect(jsonErrorOffset(json)).toBeUndefined();
  });

  it.each([
    ['[,]', 1],
    ['{"a" 1}', 5],
    ['{"a": 1,}', 8],
    ['{"a": tru}', 9],
    ['{"a": "b', 8],
    ['{"a": 01}', 7],
    ['{} x', 3],
    ['', 0],
    ['"\\x"', 2],
  ])('finds where %j goes wrong', (json, offset) => {
    expect(jsonErrorOffset(json)).toBe(offset);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const json of ['{"a":{"b":[{}]}}', '[1,2', '{"a":"\\q"}', 'nul', '-', '1.', '[1 2]']) {
      let parses = true;
      try {
        JSON.parse(json);
      } catch {
        parses = false;
      }
      expect(jsonErrorOffset(json) === undefined, json).toBe(parses);
    }
  });
});
