import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';
import { FEELIN_BUILTIN_NAMES, feelinBuiltin } from './feelin-builtins.js';
import { BATON_BUILTIN_NAMES, FEEL_BUILTIN_FUNCTION_NAMES } from './index.js';

describe('feelin built-ins', () => {
  it('given the recorded feelin names, when looked up, then each is a function of the installed feelin', () => {
    const missing = FEELIN_BUILTIN_NAMES.filter((name) => typeof feelinBuiltin(name) !== 'function');
    expect(missing).toEqual([]);
  });

  it('given an unknown name, when looked up, then there is no function', () => {
    expect(feelinBuiltin('no such function')).toBeUndefined();
  });
});

describe('the built-in name lists', () => {
  it('given the Camunda extensions of the issue, when listed, then Baton provides every one', () => {
    for (const name of ['is defined', 'get or else', 'is empty', 'trim', 'uuid', 'to json', 'from json', 'string join', 'assert']) {
      expect(BATON_BUILTIN_NAMES).toContain(name);
    }
  });

  it('given the combined list, when read from the service, then it holds feelin and Baton names once, sorted', () => {
    expect(FeelService.builtinFunctionNames).toBe(FEEL_BUILTIN_FUNCTION_NAMES);
    expect(new Set(FEEL_BUILTIN_FUNCTION_NAMES).size).toBe(FEEL_BUILTIN_FUNCTION_NAMES.length);
    expect([...FEEL_BUILTIN_FUNCTION_NAMES].sort()).toEqual(FEEL_BUILTIN_FUNCTION_NAMES);
    expect(FEEL_BUILTIN_FUNCTION_NAMES).toContain('substring before');
    expect(FEEL_BUILTIN_FUNCTION_NAMES).toContain('last day of month');
  });
});
