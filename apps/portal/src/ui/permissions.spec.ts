import { describe, expect, it } from 'vitest';
import { canSendEvents } from './permissions';

describe('canSendEvents', () => {
  it('offers sending messages and signals to the roles the engine gives message:publish', () => {
    expect(canSendEvents({ roles: ['admin'] })).toBe(true);
    expect(canSendEvents({ roles: ['worker'] })).toBe(true);
    expect(canSendEvents({ roles: ['analyst', 'admin'] })).toBe(true);
  });

  it('hides it from analysts, employees and users without a role', () => {
    expect(canSendEvents({ roles: ['analyst'] })).toBe(false);
    expect(canSendEvents({ roles: ['employee'] })).toBe(false);
    expect(canSendEvents({ roles: [] })).toBe(false);
  });
});
