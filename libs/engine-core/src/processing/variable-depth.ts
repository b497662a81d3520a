import { Failure } from '../failure.js';

/**
 * The deepest a variable's value may be nested by default: 28 levels of objects and arrays.
 *
 * Why 28: MariaDB's JSON columns (`json_valid` CHECK) refuse documents nested deeper than 31
 * levels, and a variable's value lands in such columns up to 3 levels below their top: the audit
 * log's VARIABLE_CREATED payload wraps it once (`{value}`), CHILD_INSTANCE_REQUESTED twice
 * (`{variables: {name: value}}`), a pending COMPLETE_CALL_ACTIVITY or THROW_ERROR_AT command three
 * times (`{command: {variables: {name: value}}}`). 31 - 3 = 28. It is also the most the engine
 * accepts (`BATON_MAX_VARIABLE_DEPTH` may only lower it).
 */
export const DEFAULT_MAX_VARIABLE_DEPTH = 28;

/**
 * How deeply a JSON value is nested: a scalar is 0, an object or array one more than its deepest
 * member (`{}` and `[1]` are 1, `{"a": [1]}` is 2). Iterative, so a value nested 10,000 levels
 * deep costs no stack.
 */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    for (const member of Array.isArray(current) ? current : Object.values(current)) {
      if (member !== null && typeof member === 'object') pending.push([member, level]);
    }
  }
  return deepest;
}

/**
 * The first variable of a document nested deeper than `maxDepth`, with its depth; undefined when
 * every one fits.
 */
export function tooDeepVariable(document: Record<string, unknown>, maxDepth: number): { name: string; depth: number } | undefined {
  for (const [name, value] of Object.entries(document)) {
    const depth = jsonDepth(value);
    if (depth > maxDepth) return { name, depth };
  }
  return undefined;
}

/**
 * A value the engine computed (a FEEL result, an output mapping, a collected output) that is
 * nested deeper than variables may be: an incident with the variable's name and depth, instead of
 * a write the database would refuse.
 */
export function checkComputedDepth(document: Record<string, unknown>, maxDepth: number, errorType: Failure['errorType'], where: string): Failure | undefined {
  const found = tooDeepVariable(document, maxDepth);
  if (!found) return undefined;
  return new Failure(
    errorType,
    `Expected variable '${found.name}' ${where} to be nested at most ${maxDepth} levels deep but it is nested ${found.depth} levels deep; variables may not be nested deeper (the variable depth limit)`,
  );
}
