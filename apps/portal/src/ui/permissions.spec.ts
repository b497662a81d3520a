import { describe, expect, it } from 'vitest';
import { canManageInstances, canSendEvents } from './permissions';

describe('what the portal offers by the permissions the engine reports', () => {
  it('offers sending messages and signals to whoever has message:publish, by a built-in or a custom role', () => {
    expect(canSendEvents({ permissions: ['deployment:create', 'message:publish'] })).toBe(true);
    expect(canSendEvents({ permissions: ['instance:read', 'instance:manage'] })).toBe(false);
    expect(canSendEvents({ permissions: [] })).toBe(false);
  });

  it('offers canceling and retrying to whoever has instance:manage', () => {
    expect(canManageInstances({ permissions: ['instance:read', 'instance:manage'] })).toBe(true);
    expect(canManageInstances({ permissions: ['instance:read'] })).toBe(false);
  });
});
