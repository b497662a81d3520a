import { describe, expect, it } from 'vitest';
import { KeyGenerator } from './key-generator.js';

describe('KeyGenerator', () => {
  const at = (iso: string) => () => Date.parse(iso);

  it('encodes time, node and sequence into a positive 63-bit numeric string', () => {
    const keys = new KeyGenerator(5, at('2026-01-01T00:00:01.000Z'));
    const first = BigInt(keys.next());
    expect(first >> 22n).toBe(1000n);
    expect((first >> 12n) & 1023n).toBe(5n);
    expect(first & 4095n).toBe(0n);
    expect(BigInt(keys.next()) & 4095n).toBe(1n);
  });

  it('stays strictly increasing when the clock stands still past 4096 keys or goes backwards', () => {
    let now = Date.parse('2030-05-05T10:00:00Z');
    const keys = new KeyGenerator(1, () => now);
    const seen: bigint[] = [];
    for (let i = 0; i < 5000; i++) seen.push(BigInt(keys.next()));
    now -= 10_000;
    for (let i = 0; i < 10; i++) seen.push(BigInt(keys.next()));
    for (let i = 1; i < seen.length; i++) expect(seen[i]! > seen[i - 1]!).toBe(true);
  });

  it('gives different keys on different nodes at the same instant', () => {
    const clock = at('2027-02-02T02:02:02Z');
    expect(new KeyGenerator(1, clock).next()).not.toBe(new KeyGenerator(2, clock).next());
  });

  it('refuses node ids outside 0..1023', () => {
    expect(() => new KeyGenerator(1024, Date.now)).toThrow(/between 0 and 1023/);
  });
});
