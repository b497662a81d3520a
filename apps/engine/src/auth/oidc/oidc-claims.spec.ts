import { describe, expect, it } from 'vitest';
import type { OidcConfig } from '#runtime';
import { checkRoleMapping, identityFromClaims, MissingClaimError } from './oidc-claims.js';

const CONFIG: OidcConfig = {
  issuerUrl: 'https://login.example.com',
  providerName: 'Acme SSO',
  signIn: null,
  usernameClaim: 'preferred_username',
  groupsClaim: 'groups',
  rolesClaim: 'roles',
  roleMapping: { 'baton-admins': ['admin'], 'process-owners': ['analyst', 'employee'] },
  audience: 'baton',
  allowInsecureIssuer: false,
};

describe('identityFromClaims', () => {
  it('takes roles naming Baton roles and the mapped roles of roles and groups values', () => {
    const identity = identityFromClaims({ preferred_username: 'olivia', name: 'Olivia', email: 'o@example.com', groups: ['process-owners', 'finance'], roles: ['worker', 'unknown-role', 'baton-admins'] }, CONFIG, false);
    expect(identity).toEqual({ username: 'olivia', name: 'Olivia', email: 'o@example.com', roles: ['admin', 'analyst', 'employee', 'worker'], groups: ['finance', 'process-owners'] });
  });

  it('reads a claim given as one string of values, and falls back to the user name for the name', () => {
    expect(identityFromClaims({ preferred_username: 'paul', groups: 'sales, finance', roles: 'employee' }, CONFIG, false)).toEqual({ username: 'paul', name: 'paul', email: null, roles: ['employee'], groups: ['finance', 'sales'] });
  });

  it('names a machine token by client_id, azp or sub when it has no username claim, but not a person', () => {
    expect(identityFromClaims({ client_id: 'billing', sub: 'x' }, CONFIG, true).username).toBe('billing');
    expect(identityFromClaims({ azp: 'robot', sub: 'x' }, CONFIG, true).username).toBe('robot');
    expect(identityFromClaims({ sub: 'svc-1' }, CONFIG, true).username).toBe('svc-1');
    expect(() => identityFromClaims({ sub: 'someone' }, CONFIG, false)).toThrow(MissingClaimError);
    expect(() => identityFromClaims({ preferred_username: 'x'.repeat(129) }, CONFIG, false)).toThrow('at most 128 characters');
  });
});

describe('checkRoleMapping', () => {
  it('refuses a mapping to a role Baton does not have, naming it', () => {
    expect(() => checkRoleMapping(CONFIG)).not.toThrow();
    expect(() => checkRoleMapping({ ...CONFIG, roleMapping: { bosses: ['superuser'] } })).toThrow('but has bosses=superuser');
  });
});
