import { describe, expect, it } from 'vitest';
import { FeelService } from '../feel.service.js';

const feel = new FeelService({ now: new Date('2024-03-10T12:00:00Z'), uuid: () => '7793aab1-d761-4d38-916b-b7270e309894' });

describe('trim(string)', () => {
  it('given strings with surrounding white space, when trimmed, then only the ends are cleaned', () => {
    expect(feel.evaluate('trim("  hello world  ")', {})).toEqual({ ok: true, value: 'hello world', warnings: [] });
    expect(feel.evaluate('trim("hello   world ")', {})).toEqual({ ok: true, value: 'hello   world', warnings: [] });
    expect(feel.evaluate('trim(string: "\\t x\\n")', {})).toEqual({ ok: true, value: 'x', warnings: [] });
  });

  it('given a non-string, when trimmed, then the result is null with an INVALID_ARGUMENTS warning', () => {
    expect(feel.evaluate('trim(1)', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'trim(string) expects <string> to be a string, got 1' }],
    });
    expect(feel.evaluate('trim(x)', { x: null })).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
  });
});

describe('is blank(string)', () => {
  it('given empty, white-space and text strings, when tested, then only the first two are blank', () => {
    expect(feel.evaluate('is blank("")', {})).toMatchObject({ value: true });
    expect(feel.evaluate('is blank(" \\t ")', {})).toMatchObject({ value: true });
    expect(feel.evaluate('is blank("hello world")', {})).toMatchObject({ value: false });
    expect(feel.evaluate('is blank(null)', {})).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
  });
});

describe('uuid()', () => {
  it('given an injected uuid source, when called, then its value is returned', () => {
    expect(feel.evaluate('uuid()', {})).toEqual({ ok: true, value: '7793aab1-d761-4d38-916b-b7270e309894', warnings: [] });
  });

  it('given no source, when called twice, then two different random UUIDs of 36 characters come back', () => {
    const result = new FeelService().evaluate('[uuid(), uuid()]', {});
    const [a, b] = (result.ok ? result.value : []) as string[];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).toHaveLength(36);
    expect(a).not.toBe(b);
  });
});

describe('to base64(value) / from base64(value)', () => {
  it('given text, when encoded and decoded, then it round-trips through UTF-8', () => {
    expect(feel.evaluate('to base64("FEEL")', {})).toEqual({ ok: true, value: 'RkVFTA==', warnings: [] });
    expect(feel.evaluate('from base64("RkVFTA==")', {})).toEqual({ ok: true, value: 'FEEL', warnings: [] });
    expect(feel.evaluate('from base64(to base64("Grüße ✓"))', {})).toEqual({ ok: true, value: 'Grüße ✓', warnings: [] });
  });

  it('given something that is not Base64, when decoded, then the result is null with a warning', () => {
    expect(feel.evaluate('from base64("not base64!")', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'from base64(value) expects Base64, got "not base64!"' }],
    });
    expect(feel.evaluate('to base64(12)', {})).toMatchObject({ value: null, warnings: [{ type: 'INVALID_ARGUMENTS' }] });
  });
});

describe('extract(string, pattern)', () => {
  it('given a pattern, when extracting, then every match is returned in order', () => {
    expect(feel.evaluate('extract("references are 1234, 1256, 1378", "12[0-9]*")', {})).toEqual({ ok: true, value: ['1234', '1256'], warnings: [] });
    expect(feel.evaluate('extract("no digits", "[0-9]+")', {})).toEqual({ ok: true, value: [], warnings: [] });
  });

  it('given an invalid pattern, when extracting, then the result is null with a warning', () => {
    expect(feel.evaluate('extract("abc", "(")', {})).toEqual({
      ok: true,
      value: null,
      warnings: [{ type: 'INVALID_ARGUMENTS', message: 'extract(string, pattern) expects a valid pattern, got "("' }],
    });
  });
});
