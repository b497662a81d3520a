import type { BuiltinScope, BuiltinTable } from './builtin.js';
import { booleanBuiltins } from './boolean.builtins.js';
import { contextBuiltins } from './context.builtins.js';
import { conversionBuiltins } from './conversion.builtins.js';
import { FEELIN_BUILTIN_NAMES } from './feelin-builtins.js';
import { listBuiltins } from './list.builtins.js';
import { numericBuiltins } from './numeric.builtins.js';
import { stringBuiltins } from './string.builtins.js';
import { temporalBuiltins } from './temporal.builtins.js';

export type { BuiltinFunction, BuiltinScope, BuiltinTable } from './builtin.js';

/**
 * The built-ins Baton adds to (or replaces in) feelin for one evaluation. They are put into the
 * evaluation context, where feelin looks names up before its own table.
 */
export function createBuiltins(scope: BuiltinScope): BuiltinTable {
  return {
    ...booleanBuiltins(scope),
    ...stringBuiltins(scope),
    ...listBuiltins(scope),
    ...contextBuiltins(scope),
    ...conversionBuiltins(scope),
    ...temporalBuiltins(scope),
    ...numericBuiltins(scope),
  };
}

const inertScope: BuiltinScope = {
  now: () => {
    throw new Error('the name-only scope has no clock');
  },
  timeZone: 'UTC',
  uuid: () => '',
  random: () => 0,
  warn: () => undefined,
  fail: () => undefined,
};

const nameOnlyBuiltins = createBuiltins(inertScope);

/** Names of the built-ins Baton adds or replaces (see {@link createBuiltins}). */
export const BATON_BUILTIN_NAMES: readonly string[] = Object.keys(nameOnlyBuiltins).sort();

/** Every built-in function name an expression may call: feelin's and Baton's. */
export const FEEL_BUILTIN_FUNCTION_NAMES: readonly string[] = [...new Set([...FEELIN_BUILTIN_NAMES, ...BATON_BUILTIN_NAMES])].sort();

/**
 * A parse context that knows every built-in name. Names such as `get or else` contain keywords,
 * and the FEEL parser only reads them as one name when the context holds it.
 */
export const BUILTIN_PARSE_CONTEXT: Readonly<Record<string, unknown>> = Object.freeze(
  Object.fromEntries(FEEL_BUILTIN_FUNCTION_NAMES.map((name) => [name, nameOnlyBuiltins[name] ?? true])),
);
