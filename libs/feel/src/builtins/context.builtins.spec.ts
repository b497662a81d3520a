import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';

const feel = new FeelService({ now: new Date('2024-03-10T12:00:00Z') });

describe('get value(context, key | keys)', () => {
  it('given a key, when read, then the entry or null comes back', () => {
    expect(feel.evaluate('get value({foo: 123}, "foo")', {})).toEqual({ ok: true, value: 123, warnings: [] });
    expect(feel.evaluate('get value({a: 1}, "b")', {})).toEqual({ ok: true, value: null, warnings: [] });
    expect(feel.evaluate('get value(order, "order id")', { order: { 'order id': 7 } })).toEqual({ ok: true, value: 7, warnings: [] });
  });

  it('given a list of keys, when read, then the nested entry comes back (Camunda extension)', () => {
    expect(feel.evaluate('get value({x:1, y: {z:0}}, ["y", "z"])', {})).toEqual({ ok: true, value: 0, warnings: [] });
    expect(feel.evaluate('get value({x: {y: {z:0}}}, ["x", "y"])', {})).toEqual({ ok: true, value: { z: 0 }, warnings: [] });
    expect(feel.evaluate('get value({a: {b: 3}}, ["b"])', {})).toEqual({ ok: true, value: null, warnings: [] });
    expect(feel.evaluate('get value({a: 1}, [])', {})).toEqual({ ok: true, value: null, warnings: [] });
  });

  it('given named arguments in the Camunda and the DMN spelling, when read, then both bind', () => {
    expect(feel.evaluate('get value(context: {a: 1}, key: "a")', {})).toEqual({ ok: true, value: 1, warnings: [] });
    expect(feel.evaluate('get value(m: {a: 1}, key: "a")', {})).toEqual({ ok: true, value: 1, warnings: [] });
    expect(feel.evaluate('get value(context: {a: {b: 2}}, keys: ["a", "b"])', {})).toEqual({ ok: true, value: 2, warnings: [] });
  });

  it('given something that is not a context, when read, then the result is null with a warning', () => {
    expect(feel.evaluate('get value([1], "a")', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'get value(context, key) expects <context> to be a context, got [1 items]' }],
    });
  });
});

describe('get entries(context)', () => {
  it('given a context, when listed, then key-value pairs come back, also with the named argument context', () => {
    expect(feel.evaluate('get entries({foo: 123})', {})).toEqual({ ok: true, value: [{ key: 'foo', value: 123 }], warnings: [] });
    expect(feel.evaluate('get entries(context: {a: 1, b: null})', {})).toEqual({
      ok: true,
      value: [
        { key: 'a', value: 1 },
        { key: 'b', value: null },
      ],
      warnings: [],
    });
  });
});

describe('context put(context, key | keys, value)', () => {
  it('given a key, when put, then a copy with the entry comes back and the original is unchanged', () => {
    expect(feel.evaluate('context put({x:1}, "y", 2)', {})).toEqual({ ok: true, value: { x: 1, y: 2 }, warnings: [] });
    expect(feel.evaluate('[context put(c, "x", 2), c]', { c: { x: 1 } })).toEqual({ ok: true, value: [{ x: 2 }, { x: 1 }], warnings: [] });
  });

  it('given a list of keys, when put, then nested entries are created or replaced', () => {
    expect(feel.evaluate('context put({x:1}, ["y"], 2)', {})).toEqual({ ok: true, value: { x: 1, y: 2 }, warnings: [] });
    expect(feel.evaluate('context put({x:1, y: {z:0}}, ["y", "z"], 2)', {})).toEqual({ ok: true, value: { x: 1, y: { z: 2 } }, warnings: [] });
    expect(feel.evaluate('context put({x:1}, ["y", "z"], 2)', {})).toEqual({ ok: true, value: { x: 1, y: { z: 2 } }, warnings: [] });
    expect(feel.evaluate('context put(context: {}, keys: ["a", "b"], value: null)', {})).toEqual({ ok: true, value: { a: { b: null } }, warnings: [] });
  });

  it('given empty keys or no context, when put, then the result is null with a warning', () => {
    expect(feel.evaluate('context put({x:1}, [], 2)', {})).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
    expect(feel.evaluate('context put(null, "a", 2)', {})).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
  });
});

describe('put(context, key, value) and put all(contexts), the deprecated Camunda names', () => {
  it('given older models, when evaluated, then they behave like context put and context merge', () => {
    expect(feel.evaluate('put({x:1}, "y", 2)', {})).toEqual({ ok: true, value: { x: 1, y: 2 }, warnings: [] });
    expect(feel.evaluate('put all({x:1}, {y:2}, {x:3})', {})).toEqual({ ok: true, value: { x: 3, y: 2 }, warnings: [] });
    expect(feel.evaluate('put all([{x:1}, {y:2}])', {})).toEqual({ ok: true, value: { x: 1, y: 2 }, warnings: [] });
    expect(feel.evaluate('put all({x:1}, 2)', {})).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
  });
});

describe('context merge(contexts) (feelin)', () => {
  it('given a list of contexts, when merged, then later entries override earlier ones', () => {
    expect(feel.evaluate('context merge([{x:1, y: 0}, {y:2}])', {})).toEqual({ ok: true, value: { x: 1, y: 2 }, warnings: [] });
  });
});
