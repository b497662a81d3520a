import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_VARIABLE_DEPTH, jsonDepth } from '../src/index.js';
import { CoreHarness } from './support/core-harness.js';

/** A value nested `depth` levels deep: `[[...[1]...]]`. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('jsonDepth', () => {
  it('counts objects and arrays, not scalars, and takes the deepest branch', () => {
    expect([jsonDepth(1), jsonDepth('x'), jsonDepth(null), jsonDepth({}), jsonDepth([1]), jsonDepth({ a: [1], b: 2 }), jsonDepth([1, [2, [3]], {}])]).toEqual([0, 0, 0, 1, 1, 2, 3]);
  });

  it('measures a value nested 100,000 levels deep without using the stack', () => {
    expect(jsonDepth(nested(100_000))).toBe(100_000);
  });
});

/**
 * Values the engine computes (FEEL results, mappings, collected outputs) deeper than variables may
 * be nested become incidents: the database would refuse to store them (variable-depth.ts).
 */
describe('computed variables deeper than the limit', () => {
  it('given a script whose result is one level too deep, then the script task waits behind an incident naming the variable and both depths', async () => {
    const h = await CoreHarness.load('variable-depth.bpmn', { maxVariableDepth: 3 });
    const events = h.create({ value: nested(3) });

    expect(events).not.toContain('VARIABLE_CREATED wrapped');
    expect(h.incident('wrap')).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR',
      retry: 'ACTIVATE',
      errorMessage: expect.stringContaining("Expected variable 'wrapped' from the script of 'wrap' to be nested at most 3 levels deep but it is nested 4 levels deep"),
    });

    h.setVariables({ value: nested(1) });
    h.resolveIncident('wrap');
    expect(h.rootVariables().wrapped).toEqual(nested(2));
    expect(h.activeElements()).toContain('map:ACTIVATED');
  });

  it('given an input mapping that nests too deep, then the task waits behind an IO_MAPPING_ERROR at activation', async () => {
    const h = await CoreHarness.load('variable-depth.bpmn', { maxVariableDepth: 3 });
    h.create({ value: nested(2) });

    expect(h.incident('map')).toMatchObject({
      errorType: 'IO_MAPPING_ERROR',
      retry: 'ACTIVATE',
      errorMessage: expect.stringContaining("Expected variable 'mappedIn' from the input mappings of 'map' to be nested at most 3 levels deep but it is nested 4"),
    });
  });

  it('given an output mapping that nests too deep, then the task waits behind an IO_MAPPING_ERROR at completion, and completes once the result fits', async () => {
    const h = await CoreHarness.load('variable-depth.bpmn', { maxVariableDepth: 3 });
    h.create({ value: 1 });
    h.completeJob('map', { result: nested(3) });

    expect(h.incident('map')).toMatchObject({ errorType: 'IO_MAPPING_ERROR', retry: 'COMPLETE', errorMessage: expect.stringContaining("variable 'mappedOut' from the output mappings of 'map'") });

    h.setVariables({ result: nested(2) }, { elementId: 'map', local: true });
    h.resolveIncident('map');
    expect(h.rootVariables().mappedOut).toEqual({ outer: nested(2) });
  });

  it('given a multi-instance input element or output collection too deep, then the body or the inner instance waits behind an incident', async () => {
    const tooDeepElement = await CoreHarness.load('variable-depth.bpmn', { maxVariableDepth: 3 });
    tooDeepElement.create({ value: 1, items: [nested(4)] });
    tooDeepElement.completeJob('map', {});
    expect(tooDeepElement.incident('each')).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', errorMessage: expect.stringContaining("variable 'item' (an element of the input collection of 'each')") });

    const tooDeepCollection = await CoreHarness.load('variable-depth.bpmn', { maxVariableDepth: 3 });
    tooDeepCollection.create({ value: 1, items: [nested(3)] });
    tooDeepCollection.completeJob('map', {});
    tooDeepCollection.completeJob('each', {});
    expect(tooDeepCollection.incident('each')).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', retry: 'COMPLETE', errorMessage: expect.stringContaining("variable 'collected' (the output collection of 'each')") });
  });

  it('given the default limit, then a script result exactly at it is stored and a mapping one level deeper is an incident', async () => {
    const h = await CoreHarness.load('variable-depth.bpmn');
    h.create({ value: nested(DEFAULT_MAX_VARIABLE_DEPTH - 1) });
    expect(jsonDepth(h.rootVariables().wrapped)).toBe(DEFAULT_MAX_VARIABLE_DEPTH);
    expect(h.incident('map').errorMessage).toContain(`nested at most ${DEFAULT_MAX_VARIABLE_DEPTH} levels deep but it is nested ${DEFAULT_MAX_VARIABLE_DEPTH + 1} levels deep`);
  });
});

describe('variables named like Object.prototype members', () => {
  const names = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];

  it('given such variables at the start, then each is created, and a document set from an inner scope updates them where they live', async () => {
    const h = await CoreHarness.load('variable-depth.bpmn');
    const variables = Object.fromEntries(names.map((name, i) => [name, { n: i }]));
    const events = h.create({ value: 1, ...variables });

    for (const name of names) expect(events).toContain(`VARIABLE_CREATED ${name}={"n":${names.indexOf(name)}} @variable-depth`);
    h.setVariables(Object.fromEntries(names.map((name) => [name, `${name}!`])), { elementId: 'map' });
    expect(h.variables('map')).not.toHaveProperty('toString', 'toString!');
    const root = h.rootVariables();
    for (const name of names) {
      expect(Object.hasOwn(root, name)).toBe(true);
      expect(root[name]).toBe(`${name}!`);
    }
  });
});
