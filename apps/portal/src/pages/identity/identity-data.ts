import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { searchGroups, searchRoles, searchUsers, type IdentityGroup, type IdentityRole, type IdentityUser } from '../../api/identity.api';
import { useApi } from '../../session/session.context';
import type { PageMessage } from '../../ui/message-region';

/** Users, groups and roles of the Identity page, loaded together and reloaded after each change. */
export interface IdentityData {
  users: IdentityUser[];
  groups: IdentityGroup[];
  roles: IdentityRole[];
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

export function useIdentityData(): IdentityData {
  const api = useApi();
  const [state, setState] = useState<Omit<IdentityData, 'reload'>>({ users: [], groups: [], roles: [], loading: true, error: null });

  const reload = useCallback(async () => {
    try {
      const [users, groups, roles] = await Promise.all([searchUsers(api), searchGroups(api), searchRoles(api)]);
      setState({ users: users.items, groups: groups.items, roles: roles.items, loading: false, error: null });
    } catch (error) {
      setState((s) => ({ ...s, loading: false, error: problemText(error) }));
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, reload };
}

/** What the engine said (its `detail`), or what went wrong on the way. */
export function problemText(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one change and reports it: `done` as a success, or the engine's refusal as an error; then
 * reloads. Returns true when the change went through.
 */
export async function runChange(change: () => Promise<unknown>, done: string, report: (message: PageMessage) => void, reload: () => Promise<void>): Promise<boolean> {
  try {
    await change();
    report({ tone: 'success', text: done });
    await reload();
    return true;
  } catch (error) {
    report({ tone: 'error', text: problemText(error) });
    return false;
  }
}
