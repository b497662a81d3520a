import { ROLES, type Role } from '#persistence';
import type { OidcConfig } from '#runtime';

/** Who a set of claims describes, in Baton's terms. */
export interface ClaimedIdentity {
  username: string;
  name: string;
  email: string | null;
  roles: Role[];
  groups: string[];
}

/** Checks that every role the mapping names is one of Baton's; throws at start otherwise. */
export function checkRoleMapping(config: OidcConfig): void {
  const unknown = Object.entries(config.roleMapping).flatMap(([value, roles]) => roles.filter((role) => !isRole(role)).map((role) => `${value}=${role}`));
  if (unknown.length > 0) {
    throw new Error(`Invalid configuration:\n  - BATON_OIDC_ROLE_MAPPING must map to Baton's roles (${ROLES.join(', ')}), but has ${unknown.join(', ')}`);
  }
}

/**
 * Baton's view of the claims: the user name from the username claim (for machine tokens without
 * one: `client_id`, `azp`, then `sub`), groups from the groups claim, roles from the values of the
 * roles claim that name a Baton role, plus the mapped roles of every roles and groups value.
 */
export function identityFromClaims(claims: Record<string, unknown>, config: OidcConfig, fallbackToClient: boolean): ClaimedIdentity {
  const candidates = fallbackToClient ? [config.usernameClaim, 'client_id', 'azp', 'sub'] : [config.usernameClaim];
  const username = candidates.map((claim) => claims[claim]).find((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (!username) {
    throw new MissingClaimError(`Expected the claim '${config.usernameClaim}' with the user name in the provider's token, but it has none (BATON_OIDC_USERNAME_CLAIM)`);
  }
  if (username.length > 128) throw new MissingClaimError(`Expected a user name of at most 128 characters in the claim '${config.usernameClaim}', but it has ${username.length}`);
  const groups = stringsOf(claims[config.groupsClaim]);
  const roleValues = stringsOf(claims[config.rolesClaim]);
  const roles = new Set<Role>(roleValues.filter(isRole));
  for (const value of [...roleValues, ...groups]) {
    for (const role of config.roleMapping[value] ?? []) if (isRole(role)) roles.add(role);
  }
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name : username;
  const email = typeof claims.email === 'string' && claims.email !== '' ? claims.email : null;
  return { username, name: name.slice(0, 255), email: email?.slice(0, 255) ?? null, roles: [...roles].sort(), groups: [...new Set(groups.map((g) => g.slice(0, 128)))].sort() };
}

/** The provider's token lacks what Baton needs to know who it is. */
export class MissingClaimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingClaimError';
  }
}

/** A claim as a list of strings: a JSON array, one string, or a space-separated string. */
function stringsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((v) => v !== '');
  return [];
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
