import { describe, expect, it } from 'vitest';
import { parseEventVariables, parseTimeToLive } from './event-variables';

describe('parseEventVariables', () => {
  it('takes nothing as no variables and a JSON object as the variables', () => {
    expect(parseEventVariables('  ')).toEqual({ ok: true, variables: undefined });
    expect(parseEventVariables('{"paid": true, "amount": 99.5}')).toEqual({ ok: true, variables: { paid: true, amount: 99.5 } });
  });

  it('refuses text that is not JSON, saying why', () => {
    const parsed = parseEventVariables('{paid: true}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^Variables are not valid JSON: /);
  });

  it('refuses JSON that is not an object', () => {
    expect(parseEventVariables('[1, 2]')).toEqual({ ok: false, error: 'Variables must be a JSON object, like {"paid": true}, not a list.' });
    expect(parseEventVariables('null')).toEqual({ ok: false, error: 'Variables must be a JSON object, like {"paid": true}, not null.' });
    expect(parseEventVariables('42')).toEqual({ ok: false, error: 'Variables must be a JSON object, like {"paid": true}, not a number.' });
  });
});

describe('parseTimeToLive', () => {
  it('reads whole seconds into milliseconds, empty as 0', () => {
    expect(parseTimeToLive('')).toEqual({ ok: true, milliseconds: 0 });
    expect(parseTimeToLive('60')).toEqual({ ok: true, milliseconds: 60_000 });
  });

  it('refuses what is not whole seconds, or more than 365 days', () => {
    expect(parseTimeToLive('1.5').ok).toBe(false);
    expect(parseTimeToLive('-1').ok).toBe(false);
    expect(parseTimeToLive(String(365 * 24 * 3600 + 1))).toEqual({ ok: false, error: 'Time to live is at most 31536000 seconds (365 days).' });
  });
});
